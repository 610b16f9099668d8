package vn.motcua.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox by SMTP, outside the transactions that wrote it. Messages are inserted {@code PENDING} in the
 * dossier's own transaction (when a {@link JavaMailSender} is configured); a sweep — every
 * {@code motcua.notify.send-interval}, and at once after a commit that wrote one — claims due rows in small batches
 * with {@code FOR UPDATE SKIP LOCKED} (so concurrent sweeps, on this node or another, never take the same row),
 * sends them and marks them {@code SENT}, or records the error and tries again later with a doubling delay, until
 * {@code motcua.notify.max-attempts} ({@code FAILED}). A crash during a batch sends its messages again
 * (at least once). Without a mail server nothing here runs.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JavaMailSender mail;
    private final Executor nudges;
    private final Clock clock;
    private final NotifyProperties properties;
    /** A sweep was asked for since the sender thread last began one. */
    private final AtomicBoolean requested = new AtomicBoolean();
    /** The sender thread is queued or running on the executor. */
    private final AtomicBoolean active = new AtomicBoolean();

    @Autowired
    OutboxSender(JdbcTemplate jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> mail,
                 @Qualifier("applicationTaskExecutor") TaskExecutor nudges, Clock clock, NotifyProperties properties) {
        this(jdbc, tx, mail.getIfAvailable(), nudges, clock, properties);
    }

    /** @param nudges where sweeps run; null: in the calling thread (tests) */
    OutboxSender(JdbcTemplate jdbc, TransactionTemplate tx, JavaMailSender mail, Executor nudges, Clock clock,
                 NotifyProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mail = mail;
        this.nudges = nudges;
        this.clock = clock;
        this.properties = properties;
    }

    /** Whether messages are sent by SMTP (inserted {@code PENDING}) or only kept ({@code OUTBOX_ONLY}). */
    boolean sends() {
        return mail != null;
    }

    /** The status a new message is inserted with. */
    String initialStatus() {
        return mail != null ? "PENDING" : "OUTBOX_ONLY";
    }

    /**
     * Called by a writer that inserted a {@code PENDING} message: after the current transaction commits (never
     * before, never on rollback), wake the sender so the email leaves within moments instead of at the next sweep.
     */
    void wakeAfterCommit() {
        if (mail == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    /**
     * Asks for a sweep on the task executor. One sender thread at most per node: wake-ups while it runs make it
     * sweep once more when done (so a message committed during a sweep is not left for the next schedule), and
     * a long backlog never occupies more than one executor thread.
     */
    private void wake() {
        if (nudges == null) {
            sweepQuietly();
            return;
        }
        requested.set(true);
        if (active.compareAndSet(false, true)) {
            try {
                nudges.execute(this::drain);
            } catch (RuntimeException e) {
                // Executor full or shutting down: the scheduled sweep sends it.
                active.set(false);
            }
        }
    }

    private void drain() {
        do {
            try {
                while (requested.getAndSet(false)) {
                    sweepQuietly();
                }
            } finally {
                active.set(false);
            }
            // A wake-up between the last check and the release found the sender active and left it to us.
        } while (requested.get() && active.compareAndSet(false, true));
    }

    @Scheduled(fixedDelayString = "${motcua.notify.send-interval:PT5S}", initialDelayString = "${motcua.notify.send-interval:PT5S}")
    void scheduled() {
        // On the task executor: a long backlog must not hold up the scheduler's single thread (the late watch).
        if (mail != null) {
            wake();
        }
    }

    private void sweepQuietly() {
        try {
            Sweep s = sweep(clock.instant());
            if (s.failed() > 0 || s.retried() > 0) {
                log.info("Outbox: {} sent, {} to retry, {} given up", s.sent(), s.retried(), s.failed());
            }
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed (next sweep retries): {}", e.toString());
        }
    }

    /** What one sweep did: messages sent, failed attempts to be retried, messages given up. */
    record Sweep(int sent, int retried, int failed) {
        Sweep plus(Sweep o) {
            return new Sweep(sent + o.sent, retried + o.retried, failed + o.failed);
        }
    }

    /** Sends every message due at {@code now}, batch by batch, each batch in a transaction of its own. */
    Sweep sweep(Instant now) {
        if (mail == null) {
            return new Sweep(0, 0, 0);
        }
        Sweep total = new Sweep(0, 0, 0);
        while (true) {
            Batch b = tx.execute(s -> sendBatch(now));
            total = total.plus(b.result());
            // A short batch means nothing else is due (or the rest is being sent by another sweep right now).
            // Failed rows are due later than now, so they are not claimed again in this sweep.
            if (b.claimed() < properties.batchSize()) {
                return total;
            }
        }
    }

    private record Due(UUID id, String recipient, String subject, String body, int attempts) {
    }

    private record Batch(int claimed, Sweep result) {
    }

    private Batch sendBatch(Instant now) {
        List<Due> due = jdbc.query("""
                        select id, recipient, subject, body, attempts from notification
                         where status = 'PENDING' and next_attempt_at <= ? and channel = 'EMAIL'
                         order by next_attempt_at
                         limit ? for update skip locked
                        """, (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)), Timestamp.from(now), properties.batchSize());
        List<Object[]> sent = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        int retried = 0;
        int gaveUp = 0;
        for (Due d : due) {
            int attempt = d.attempts() + 1;
            try {
                SimpleMailMessage m = new SimpleMailMessage();
                m.setTo(d.recipient());
                m.setSubject(d.subject());
                m.setText(d.body());
                mail.send(m);
                sent.add(new Object[]{attempt, Timestamp.from(clock.instant()), d.id()});
            } catch (RuntimeException e) {
                // A message that cannot even be built (a malformed address) will not do better next time.
                boolean last = attempt >= properties.maxAttempts()
                        || e instanceof MailParseException || e instanceof MailPreparationException;
                String error = String.valueOf(e.getMessage());
                log.warn("Email {} to {} failed (attempt {}{}): {}", d.id(), d.recipient(), attempt,
                        last ? ", giving up" : "", error);
                failed.add(new Object[]{last ? "FAILED" : "PENDING", attempt,
                        last ? null : Timestamp.from(now.plus(properties.delayAfter(attempt))), error, d.id()});
                if (last) {
                    gaveUp++;
                } else {
                    retried++;
                }
            }
        }
        batch("update notification set status = 'SENT', attempts = ?, sent_at = ?, next_attempt_at = null, error = null "
                + "where id = ?", sent);
        batch("update notification set status = ?, attempts = ?, next_attempt_at = ?, error = ? where id = ?", failed);
        return new Batch(due.size(), new Sweep(sent.size(), retried, gaveUp));
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
