package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The outbox row is written in the transaction that changes the dossier (no mail server here: {@code OUTBOX_ONLY}):
 * it commits with the change, rolls back with it, is there as soon as the action returns, and no event publication
 * is stored for it.
 */
@IntegrationTest
class OutboxTransactionTest {

    static final String PDF = Base64.getEncoder().encodeToString(
            ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    @Autowired
    ReferenceData referenceData;
    @Autowired
    IntakeService intake;
    @Autowired
    Officers officers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    final Actor citizen = new Actor("congdan", "Công dân", null, null);

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    static final class Boom extends RuntimeException {
        Boom() {
            super("failed after the event");
        }
    }

    @Test
    void aSuccessfulActionCommitsExactlyOneMessageVisibleAtOnce() {
        String email = "outbox." + UUID.randomUUID() + "@example.vn";
        Dossier d = intake.submit(submission(email), citizen, Dossier.Channel.ONLINE, null);

        List<Map<String, Object>> rows = rows(d.id());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("recipient", email).containsEntry("status", "OUTBOX_ONLY")
                .containsEntry("attempts", 0).containsEntry("next_attempt_at", null);
        assertThat((String) rows.get(0).get("subject")).contains("Đã nộp, chờ tiếp nhận");
        assertThat((String) rows.get(0).get("body")).startsWith("Kính gửi Nguyễn Thị Thủy Tiên,\n\nHồ sơ \"");
        assertThat(publicationsMentioning(d.id())).isZero();

        // The next action's message, too, is there when the call returns: two rows, in order.
        Dossier accepted = intake.accept(d.id(), null, officers.actor(() -> "tiepnhan"));
        assertThat(rows(d.id())).extracting(r -> (String) r.get("subject")).hasSize(2)
                .last().asString().contains(accepted.code(), "Đã tiếp nhận, đang giải quyết");
        assertThat(publicationsMentioning(d.id())).isZero();
    }

    @Test
    void anActionThatFailsAfterItsEventLeavesNoMessage() {
        String email = "rollback." + UUID.randomUUID() + "@example.vn";
        AtomicReference<UUID> id = new AtomicReference<>();
        AtomicReference<Integer> insideTheTransaction = new AtomicReference<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            id.set(intake.submit(submission(email), citizen, Dossier.Channel.ONLINE, null).id());
            // The listener ran in this transaction: the row is there, uncommitted...
            insideTheTransaction.set(rows(id.get()).size());
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(insideTheTransaction.get()).isEqualTo(1);
        // ...and went with the dossier when the transaction rolled back.
        assertThat(jdbc.sql("select count(*) from dossier where id = ?").param(id.get()).query(Integer.class).single()).isZero();
        assertThat(rows(id.get())).isEmpty();
        assertThat(jdbc.sql("select count(*) from notification where recipient = ?").param(email).query(Integer.class)
                .single()).isZero();
    }

    private SubmitDossier submission(String email) {
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) vn.motcua.dossier.BenchFixtures.birthSubmission(phone).get("form");
        return new SubmitDossier("1.001193", new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON,
                "Nguyễn Thị Thủy Tiên", "079190012345", phone, email),
                new SubmitDossier.AddressData("26740", "12 Lê Lợi"), form,
                List.of(new SubmitDossier.AttachmentData("giay-chung-sinh.pdf", PDF)));
    }

    private List<Map<String, Object>> rows(UUID dossierId) {
        return jdbc.sql("select recipient, subject, body, status, attempts, next_attempt_at from notification "
                + "where dossier_id = ? order by created_at").param(dossierId).query().listOfRows();
    }

    private long publicationsMentioning(UUID dossierId) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + dossierId + "%").query(Long.class).single();
    }
}
