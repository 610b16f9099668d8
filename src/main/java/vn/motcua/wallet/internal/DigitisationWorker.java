package vn.motcua.wallet.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.platform.reading.ReadResult;
import vn.motcua.platform.reading.TextReader;

/**
 * Reads the scans in the background, never in the request: woken after an upload commits (on the application's task
 * executor) and every 15 s by a sweep (which also takes over a reading interrupted by a crash, after 10 minutes).
 * Claims are {@code FOR UPDATE SKIP LOCKED}: several nodes share the work without reading a scan twice.
 */
@Component
public class DigitisationWorker {

    private static final Logger log = LoggerFactory.getLogger(DigitisationWorker.class);

    private final Digitisations digitisations;
    private final TextReader reader;
    private final TaskExecutor background;
    private final AtomicBoolean running = new AtomicBoolean();

    DigitisationWorker(Digitisations digitisations, TextReader reader,
                       @Qualifier("applicationTaskExecutor") TaskExecutor background) {
        this.digitisations = digitisations;
        this.reader = reader;
        this.background = background;
    }

    /** Asks for the waiting scans to be read soon, on another thread. */
    public void wake() {
        background.execute(this::drain);
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${motcua.wallet.digitise-sweep:PT15S}")
    void sweep() {
        drain();
    }

    void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Optional<UUID> next = digitisations.claim(); next.isPresent(); next = digitisations.claim()) {
                UUID id = next.get();
                try {
                    ReadResult r = reader.read(digitisations.scan(id));
                    digitisations.read(id, r.status().name(), r.text(), r.minConfidence());
                } catch (RuntimeException e) {
                    log.warn("scan {} could not be read: {}", id, e.toString());
                    digitisations.read(id, "UNREADABLE", null, null);
                }
            }
        } finally {
            running.set(false);
        }
    }
}
