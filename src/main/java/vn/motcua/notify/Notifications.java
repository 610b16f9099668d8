package vn.motcua.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;

/**
 * Emails the applicant on every change of their dossier's state and on an apology (Form 04): the message is
 * written to the outbox ({@link OutboxWriter}, wording in {@code i18n/notify_vi.properties}) in the transaction that
 * changes the dossier, and sent after commit by {@link OutboxSender}.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    Notifications(JdbcClient jdbc, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** One outbox row: {@code attempts} and {@code error} say how sending went (SMTP), {@code sentAt} when it went. */
    public record Message(UUID id, UUID dossierId, String recipient, String subject, String body, Instant createdAt,
                          String status, int attempts, String error, Instant sentAt) {
    }

    /** Runs in the publisher's transaction (a plain listener): the message commits with the state change. */
    @EventListener
    void on(DossierStateChanged e) {
        if (e.applicantEmail() == null || e.applicantEmail().isBlank()) {
            return;
        }
        String ref = e.code() != null ? e.code() : e.receiptNumber() != null ? e.receiptNumber() : e.dossierId().toString();
        String state = outbox.line("notify.mail.state." + e.to().name());
        StringBuilder body = new StringBuilder()
                .append(outbox.line("notify.mail.greeting", e.applicantName()))
                .append(outbox.line("notify.mail.state.body", e.procedureName(), ref, state, OutboxWriter.when(e.at())));
        if (e.receiptNumber() != null) {
            body.append(outbox.line("notify.mail.state.receipt", e.receiptNumber()));
        }
        if (e.agencyName() != null) {
            body.append(outbox.line("notify.mail.state.agency", e.agencyName()));
        }
        if (e.dueAt() != null && e.to() == DossierState.ACCEPTED) {
            body.append(outbox.line("notify.mail.state.due", OutboxWriter.when(e.dueAt())));
        }
        if (e.reason() != null && !e.reason().isBlank()) {
            body.append(outbox.line("notify.mail.state.note", e.reason()));
        }
        body.append(outbox.line("notify.mail.state.lookup"));
        write(e.dossierId() + "/" + e.to() + "/" + e.at().toEpochMilli(), e.dossierId(), e.applicantEmail(),
                outbox.line("notify.mail.state.subject", ref, state), body.toString());
    }

    /** Form 04: the apology and the new appointment, emailed to the applicant. */
    @EventListener
    void on(vn.motcua.dossier.DossierApologyIssued e) {
        if (e.applicantEmail() == null || e.applicantEmail().isBlank()) {
            return;
        }
        String ref = e.code() != null ? e.code() : e.dossierId().toString();
        String body = outbox.text("notify.mail.greeting", e.applicantName()) + outbox.text("notify.mail.apology.body",
                e.agencyName() == null ? outbox.text("notify.mail.apology.anyAgency") : e.agencyName(),
                e.procedureName(), ref, OutboxWriter.when(e.previousDueAt()), e.reason(),
                OutboxWriter.when(e.newDueAt()), String.valueOf(e.workingDays()));
        write(e.dossierId() + "/APOLOGY/" + e.at().toEpochMilli(), e.dossierId(), e.applicantEmail(),
                outbox.text("notify.mail.apology.subject", ref), body);
    }

    /**
     * Repeated failed sign-ins locked the account: its owner is told (it may be someone else trying their password),
     * once per run of failures. Written outside any transaction: the lock is not a database change.
     */
    @EventListener
    void on(vn.motcua.platform.security.AccountLockedOut e) {
        String body = outbox.text("notify.mail.greeting", e.displayName()) + outbox.text("notify.mail.locked.body",
                e.username(), String.valueOf(e.failures()), OutboxWriter.when(e.lockedUntil()));
        write("account/" + e.username() + "/LOCKED/" + e.lockedUntil().toEpochMilli(), null, e.email(),
                outbox.text("notify.mail.locked.subject", e.username()), body);
    }

    /** A privacy officer answered a citizen's request about their data: the citizen is told, in that transaction. */
    @EventListener
    void on(vn.motcua.privacy.DataRequestAnswered e) {
        if (e.email() == null || e.email().isBlank()) {
            return;
        }
        String kind = outbox.text("notify.mail.dataRequest.kind." + e.kind());
        StringBuilder body = new StringBuilder()
                .append(outbox.text("notify.mail.greeting", e.displayName()))
                .append(outbox.text("notify.mail.dataRequest.body", kind, OutboxWriter.when(e.filedAt()),
                        OutboxWriter.when(e.answeredAt()), outbox.text("notify.mail.dataRequest.outcome." + e.outcome()),
                        e.answer()));
        if (e.corrected() != null) {
            body.append(outbox.text("notify.mail.dataRequest.corrected", e.corrected()));
        }
        body.append(outbox.text("notify.mail.dataRequest.lookup"));
        write("privacy-request/" + e.requestId() + "/ANSWERED", null, e.email(),
                outbox.text("notify.mail.dataRequest.subject", kind), body.toString());
    }

    private void write(String dedupKey, UUID dossierId, String to, String subject, String body) {
        outbox.write(List.of(new OutboxWriter.Mail(dedupKey, dossierId, to, subject, body)));
    }

    public List<Message> recent(int limit) {
        return jdbc.sql("""
                        select id, dossier_id, recipient, subject, body, created_at, status, attempts, error, sent_at
                        from notification order by created_at desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8),
                        rs.getString(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .list();
    }
}
