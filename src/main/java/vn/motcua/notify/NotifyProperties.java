package vn.motcua.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sending settings under {@code motcua.notify.*}; they matter only when a mail server is configured
 * ({@code spring.mail.host}), otherwise messages stay in the outbox ({@code OUTBOX_ONLY}).
 *
 * @param sendInterval  pause between two sweeps of the outbox (the reliable path; a commit that wrote a
 *                      message also wakes the sender at once)
 * @param batchSize     messages claimed, sent and marked per transaction of a sweep
 * @param maxAttempts   SMTP attempts before a message is given up ({@code FAILED})
 * @param retryDelay    delay before the second attempt, doubled for each further one
 * @param retryMaxDelay the longest delay between two attempts
 */
@ConfigurationProperties("motcua.notify")
record NotifyProperties(@DefaultValue("PT5S") Duration sendInterval,
                        @DefaultValue("10") int batchSize,
                        @DefaultValue("8") int maxAttempts,
                        @DefaultValue("PT1M") Duration retryDelay,
                        @DefaultValue("PT1H") Duration retryMaxDelay) {

    NotifyProperties {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("motcua.notify.batch-size and max-attempts must be at least 1");
        }
        if (retryDelay.compareTo(Duration.ofSeconds(1)) < 0 || retryMaxDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("motcua.notify.retry-delay must be at least 1 s and at most retry-max-delay");
        }
    }

    /** The delay after the given number of failed attempts (1, 2, …): retryDelay, doubled each time, capped. */
    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration d = retryDelay.multipliedBy(1L << doublings);
        return d.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : d;
    }
}
