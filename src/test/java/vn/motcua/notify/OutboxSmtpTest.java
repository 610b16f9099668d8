package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.support.IntegrationTest;

/**
 * With a mail server (an in-memory one at the SMTP boundary, in a context of its own): the listener inserts the
 * message {@code PENDING} in the publishing transaction, and the sender delivers it after commit — never before,
 * and never a message whose transaction rolled back.
 */
@IntegrationTest
@Import(OutboxSmtpTest.Smtp.class)
class OutboxSmtpTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Smtp {
        @Bean
        OutboxSenderTest.RecordingMail recordingMail() {
            return new OutboxSenderTest.RecordingMail();
        }
    }

    @Autowired
    OutboxSenderTest.RecordingMail mail;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    static final class Boom extends RuntimeException {
    }

    /** A supplement request (no other listener acts on it, so no dossier row is needed). */
    DossierStateChanged supplementRequested(String email) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new DossierStateChanged(UUID.randomUUID(), null, DossierState.SUBMITTED,
                DossierState.SUPPLEMENT_REQUESTED, at, "Đăng ký khai sinh", "UBND phường Sài Gòn", "Nguyễn Văn An", email,
                null, "Ảnh chụp giấy chứng sinh bị mờ");
    }

    @Test
    void aCommittedMessageIsSentAfterCommitAndARolledBackOneNever() {
        String lost = "rolled-back." + UUID.randomUUID() + "@example.vn";
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            events.publishEvent(supplementRequested(lost));
            assertThat(status(lost)).containsExactly("PENDING");
            throw new Boom();
        })).isInstanceOf(Boom.class);
        assertThat(status(lost)).isEmpty();

        String email = "committed." + UUID.randomUUID() + "@example.vn";
        DossierStateChanged e = supplementRequested(email);
        tx.executeWithoutResult(s -> {
            events.publishEvent(e);
            // Inside the business transaction: written, not sent.
            assertThat(status(email)).containsExactly("PENDING");
            assertThat(sentTo(email)).isZero();
        });

        // After commit the sender is woken (or the 5 s sweep comes): sent once, marked SENT.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(email)).containsExactly("SENT"));
        assertThat(sentTo(email)).isEqualTo(1);
        var m = mail.sent.stream().filter(x -> x.getTo()[0].equals(email)).findFirst().orElseThrow();
        assertThat(m.getSubject()).isEqualTo("[Một cửa] Hồ sơ " + e.dossierId() + ": Cần bổ sung hồ sơ");
        assertThat(m.getText()).startsWith("Kính gửi Nguyễn Văn An,\n\nHồ sơ \"Đăng ký khai sinh\" (" + e.dossierId() + ")")
                .contains("Ghi chú: Ảnh chụp giấy chứng sinh bị mờ\n");
        assertThat(sentTo(lost)).isZero();

        // The same event again (a retried delivery) writes and sends nothing more.
        tx.executeWithoutResult(s -> events.publishEvent(e));
        assertThat(jdbc.sql("select count(*) from notification where recipient = ?").param(email).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + e.dossierId() + "%").query(Integer.class).single()).isZero();
    }

    private List<String> status(String email) {
        return jdbc.sql("select status from notification where recipient = ?").param(email).query(String.class).list();
    }

    private long sentTo(String email) {
        return List.copyOf(mail.sent).stream().filter(x -> x.getTo()[0].equals(email)).count();
    }
}
