package vn.motcua.assistant.appraisal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.spi.QueueRisk;

/**
 * The processing inbox's risk sort (the dossier module's {@code QueueRisk} port): the same measure as
 * {@link DeadlineRisk} — the median time of the same step of the same procedure over finished work ÷ the time left —
 * for the rows the inbox shows; the medians of the last year's work, kept a few minutes ({@link TypicalStepTimes}).
 */
@Component
class InboxRisk implements QueueRisk {

    private final TypicalStepTimes typicalTimes;
    private final Clock clock;

    InboxRisk(TypicalStepTimes typicalTimes, Clock clock) {
        this.typicalTimes = typicalTimes;
        this.clock = clock;
    }

    @Override
    public Map<UUID, Double> risks(List<Work> work) {
        Map<UUID, Double> out = new HashMap<>();
        if (work.isEmpty()) {
            return out;
        }
        Map<String, Double> typical = typicalTimes.of(work.stream().filter(w -> w.dueAt() != null)
                .map(w -> w.procedureCode() + "|" + w.stepCode()).collect(java.util.stream.Collectors.toSet()));
        Instant now = clock.instant();
        for (Work w : work) {
            if (w.dueAt() == null) {
                continue;
            }
            double left = Duration.between(now, w.dueAt()).toSeconds();
            if (left <= 0) {
                out.put(w.dossierId(), Double.POSITIVE_INFINITY);
                continue;
            }
            Double t = typical.get(w.procedureCode() + "|" + w.stepCode());
            if (t != null) {
                out.put(w.dossierId(), t / left);
            }
        }
        return out;
    }
}
