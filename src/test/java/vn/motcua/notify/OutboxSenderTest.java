package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.support.IntegrationTest;

/**
 * The outbox sender on the real database, with the mail server replaced at its boundary by an in-memory
 * {@link JavaMailSender} (recording, or failing): sent rows become {@code SENT}, failures are retried with a
 * doubling delay and counted, then given up ({@code FAILED}); two sweeps at once never send a row twice.
 * The rows are inserted here as the writers insert them ({@code PENDING}, due at creation); sweeps are run
 * at explicit instants far in the future so that no other row of the shared database is due before them.
 */
@IntegrationTest
class OutboxSenderTest {

    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final String tag = "sender-" + UUID.randomUUID().toString().substring(0, 8);
    /** Sweeps run "in 2100", so the rows below (due in 2099) are due; each test moves on from there. */
    final Instant t0 = Instant.parse("2100-01-01T00:00:00Z");

    @AfterEach
    void removeRows() {
        jdbc.sql("delete from notification where dedup_key like ?").param(tag + "/%").update();
    }

    /** A mail server that takes every message, and remembers it. */
    static class RecordingMail implements JavaMailSender {
        final List<SimpleMailMessage> sent = Collections.synchronizedList(new ArrayList<>());
        Consumer<SimpleMailMessage> before = m -> {
        };

        @Override
        public void send(SimpleMailMessage... messages) {
            for (SimpleMailMessage m : messages) {
                before.accept(m);
                sent.add(m);
            }
        }

        @Override
        public MimeMessage createMimeMessage() {
            throw new UnsupportedOperationException("plain text only");
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
            throw new UnsupportedOperationException("plain text only");
        }

        @Override
        public void send(MimeMessage... mimeMessages) throws MailException {
            throw new UnsupportedOperationException("plain text only");
        }
    }

    OutboxSender sender(JavaMailSender mail, int batchSize, int maxAttempts) {
        return new OutboxSender(jdbcTemplate, tx, mail, null, Clock.systemUTC(),
                new NotifyProperties(Duration.ofSeconds(5), batchSize, maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(3)));
    }

    List<UUID> pending(int n) {
        List<UUID> ids = new ArrayList<>();
        Timestamp due = Timestamp.from(Instant.parse("2099-12-31T23:59:00Z"));
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into notification(id, dedup_key, dossier_id, recipient, subject, body, created_at, status, next_attempt_at)
                    values (?, ?, null, ?, ?, ?, ?, 'PENDING', ?)
                    """).params(id, tag + "/" + i, tag + "." + i + "@example.vn", "[Một cửa] Hồ sơ " + i, "Kính gửi ông/bà,\n",
                    due, due).update();
            ids.add(id);
        }
        return ids;
    }

    Map<String, Object> row(UUID id) {
        return jdbc.sql("select status, attempts, next_attempt_at, sent_at, error from notification where id = ?")
                .param(id).query().singleRow();
    }

    @Test
    void aSweepSendsDueMessagesAndMarksThemSent() {
        List<UUID> ids = pending(3);
        RecordingMail mail = new RecordingMail();

        OutboxSender.Sweep s = sender(mail, 2, 3).sweep(t0);

        assertThat(s).isEqualTo(new OutboxSender.Sweep(3, 0, 0));
        assertThat(mail.sent).extracting(m -> m.getTo()[0])
                .containsExactlyInAnyOrder(tag + ".0@example.vn", tag + ".1@example.vn", tag + ".2@example.vn");
        assertThat(mail.sent.get(0).getSubject()).startsWith("[Một cửa] Hồ sơ ");
        assertThat(mail.sent.get(0).getText()).isEqualTo("Kính gửi ông/bà,\n");
        for (UUID id : ids) {
            Map<String, Object> r = row(id);
            assertThat(r).containsEntry("status", "SENT").containsEntry("attempts", 1).containsEntry("next_attempt_at", null)
                    .containsEntry("error", null);
            assertThat(r.get("sent_at")).isNotNull();
        }
        // Nothing is sent twice.
        assertThat(sender(mail, 2, 3).sweep(t0.plus(1, ChronoUnit.DAYS)).sent()).isZero();
        assertThat(mail.sent).hasSize(3);
    }

    @Test
    void aFailureIsRetriedLaterWithADoublingDelayThenGivenUp() {
        UUID id = pending(1).get(0);
        JavaMailSender down = new RecordingMail() {
            @Override
            public void send(SimpleMailMessage... messages) {
                throw new MailSendException("Connection refused: smtp.example.vn:25");
            }
        };
        OutboxSender sender = sender(down, 10, 3);

        assertThat(sender.sweep(t0)).isEqualTo(new OutboxSender.Sweep(0, 1, 0));
        Map<String, Object> r = row(id);
        assertThat(r).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("error", "Connection refused: smtp.example.vn:25");
        assertThat(((Timestamp) r.get("next_attempt_at")).toInstant()).isEqualTo(t0.plus(1, ChronoUnit.MINUTES));

        // Not due yet: left alone.
        assertThat(sender.sweep(t0.plus(59, ChronoUnit.SECONDS))).isEqualTo(new OutboxSender.Sweep(0, 0, 0));
        assertThat(row(id)).containsEntry("attempts", 1);

        Instant t1 = t0.plus(1, ChronoUnit.MINUTES);
        assertThat(sender.sweep(t1)).isEqualTo(new OutboxSender.Sweep(0, 1, 0));
        assertThat(((Timestamp) row(id).get("next_attempt_at")).toInstant()).isEqualTo(t1.plus(2, ChronoUnit.MINUTES));
        assertThat(row(id)).containsEntry("attempts", 2).containsEntry("status", "PENDING");

        // The third attempt is the last one (max-attempts 3).
        assertThat(sender.sweep(t1.plus(2, ChronoUnit.MINUTES))).isEqualTo(new OutboxSender.Sweep(0, 0, 1));
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 3)
                .containsEntry("next_attempt_at", null).containsEntry("sent_at", null);
        assertThat(sender.sweep(t0.plus(1, ChronoUnit.DAYS))).isEqualTo(new OutboxSender.Sweep(0, 0, 0));

        // The outbox page says so, in Vietnamese: given up, after how many attempts, and the last error.
        var http = new vn.motcua.support.Http(port);
        assertThat(http.login("quantri", "demo").status()).isEqualTo(302);
        String page = http.get("/outbox").body();
        assertThat(page).contains("Gửi không được, đã ngừng thử", "3 lần gửi", "Lỗi lần gửi gần nhất",
                "Connection refused: smtp.example.vn:25");
    }

    @Test
    void aServerBackAfterAFailureSendsTheMessage() {
        UUID id = pending(1).get(0);
        RecordingMail flaky = new RecordingMail();
        flaky.before = m -> {
            throw new MailSendException("421 Service not available");
        };
        OutboxSender sender = sender(flaky, 10, 3);
        assertThat(sender.sweep(t0).retried()).isEqualTo(1);

        flaky.before = m -> {
        };
        assertThat(sender.sweep(t0.plus(1, ChronoUnit.MINUTES))).isEqualTo(new OutboxSender.Sweep(1, 0, 0));
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 2).containsEntry("error", null);
        assertThat(flaky.sent).hasSize(1);
    }

    @Test
    void aMessageThatCannotBeBuiltIsGivenUpAtOnce() {
        UUID id = pending(1).get(0);
        RecordingMail mail = new RecordingMail();
        mail.before = m -> {
            throw new MailParseException("Illegal address");
        };
        assertThat(sender(mail, 10, 5).sweep(t0)).isEqualTo(new OutboxSender.Sweep(0, 0, 1));
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .containsEntry("error", "Illegal address");
    }

    @Test
    void twoSweepsAtOnceNeverSendARowTwice() throws Exception {
        int n = 23;
        Set<UUID> ids = Set.copyOf(pending(n));
        // Each sweeper's first send waits for the other's: both hold a claimed batch (row locks) at the same time,
        // so the second had to skip the first one's rows instead of waiting for them.
        CyclicBarrier bothClaimed = new CyclicBarrier(2);
        Set<Thread> started = ConcurrentHashMap.newKeySet();
        RecordingMail mail = new RecordingMail();
        mail.before = m -> {
            if (started.add(Thread.currentThread())) {
                try {
                    bothClaimed.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new MailSendException("the other sweep never claimed a batch: " + e);
                }
            }
        };
        OutboxSender sender = sender(mail, 5, 3);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<OutboxSender.Sweep>> sweeps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(pool.submit(() -> {
                    go.await();
                    return sender.sweep(t0);
                }));
            }
            go.countDown();
            OutboxSender.Sweep a = sweeps.get(0).get(60, TimeUnit.SECONDS);
            OutboxSender.Sweep b = sweeps.get(1).get(60, TimeUnit.SECONDS);

            assertThat(a.sent()).isPositive();
            assertThat(b.sent()).isPositive();
            assertThat(a.sent() + b.sent()).isEqualTo(n);
            assertThat(a.retried() + b.retried() + a.failed() + b.failed()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(started).hasSize(2);
        assertThat(mail.sent).hasSize(n);
        assertThat(mail.sent).extracting(m -> m.getTo()[0]).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from notification where dedup_key like ? and status = 'SENT' and attempts = 1")
                .param(tag + "/%").query(Integer.class).single()).isEqualTo(ids.size());
    }
}
