package vn.motcua.questions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the repeat keys ({@link RepeatKeys}) to answers published before they existed (V22_1), once at start-up, in
 * batches; a no-op when every published answer has them (the usual case).
 */
@Component
public class RepeatKeyBackfill {

    private final QuestionStore store;

    RepeatKeyBackfill(QuestionStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        fill();
    }

    /** Fills what is missing; returns how many answers got their keys. */
    public int fill() {
        int done = 0;
        for (var batch = store.publishedWithoutRepeatKeys(2000); !batch.isEmpty();
             batch = store.publishedWithoutRepeatKeys(2000)) {
            List<UUID> ids = new ArrayList<>();
            List<Instant> at = new ArrayList<>();
            List<long[]> keys = new ArrayList<>();
            for (Object[] row : batch) {
                long[] k = RepeatKeys.of(row[1] + "\n" + row[2]);
                if (k.length > 0) {
                    ids.add((UUID) row[0]);
                    at.add((Instant) row[3]);
                    keys.add(k);
                }
            }
            int keyed = ids.size();
            if (keyed > 0) {
                store.saveRepeatKeys(ids, at, keys);
            }
            done += keyed;
            if (keyed == 0) {
                break; // what is left has no words to key (it would be read again and again)
            }
        }
        return done;
    }
}
