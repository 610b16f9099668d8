package vn.motcua.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;

/**
 * Emails the applicant on every change of their dossier's state and on an apology (Form 04): the message is
 * written to the outbox in the transaction that changes the dossier, and sent after commit by {@link OutboxSender}.
 */
@Service
public class Notifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final JdbcClient jdbc;
    private final OutboxSender outbox;
    private final Clock clock;

    Notifications(JdbcClient jdbc, OutboxSender outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
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
        String subject = "[Một cửa] Hồ sơ " + ref + ": " + stateText(e.to());
        StringBuilder body = new StringBuilder()
                .append("Kính gửi ").append(e.applicantName()).append(",\n\n")
                .append("Hồ sơ \"").append(e.procedureName()).append("\" (").append(ref).append(") ")
                .append("đã chuyển sang trạng thái: ").append(stateText(e.to())).append(" lúc ")
                .append(WHEN.format(e.at())).append(".\n");
        if (e.receiptNumber() != null) {
            body.append("Số biên nhận: ").append(e.receiptNumber()).append(".\n");
        }
        if (e.agencyName() != null) {
            body.append("Cơ quan giải quyết: ").append(e.agencyName()).append(".\n");
        }
        if (e.dueAt() != null && e.to() == DossierState.ACCEPTED) {
            body.append("Hẹn trả kết quả: ").append(WHEN.format(e.dueAt())).append(".\n");
        }
        if (e.reason() != null && !e.reason().isBlank()) {
            body.append("Ghi chú: ").append(e.reason()).append("\n");
        }
        body.append("\nTra cứu hồ sơ bằng số biên nhận (hoặc mã hồ sơ) và 4 chữ số cuối của số điện thoại hoặc số định danh.\n");
        write(e.dossierId() + "/" + e.to() + "/" + e.at().toEpochMilli(), e.dossierId(), e.applicantEmail(), subject,
                body.toString());
    }

    /** Form 04: the apology and the new appointment, emailed to the applicant. */
    @EventListener
    void on(vn.motcua.dossier.DossierApologyIssued e) {
        if (e.applicantEmail() == null || e.applicantEmail().isBlank()) {
            return;
        }
        String ref = e.code() != null ? e.code() : e.dossierId().toString();
        String subject = "[Một cửa] Hồ sơ " + ref + ": xin lỗi và hẹn lại ngày trả kết quả";
        String body = "Kính gửi " + e.applicantName() + ",\n\n"
                + "Cơ quan " + (e.agencyName() == null ? "giải quyết" : e.agencyName()) + " xin lỗi ông/bà: hồ sơ \""
                + e.procedureName() + "\" (" + ref + ") không thể trả kết quả đúng hẹn " + WHEN.format(e.previousDueAt())
                + ".\nLý do: " + e.reason() + "\nHẹn trả kết quả mới: " + WHEN.format(e.newDueAt()) + " (gia hạn "
                + e.workingDays() + " ngày làm việc).\n\nTra cứu hồ sơ bằng mã hồ sơ và 4 chữ số cuối của số điện thoại "
                + "hoặc số định danh.\n";
        write(e.dossierId() + "/APOLOGY/" + e.at().toEpochMilli(), e.dossierId(), e.applicantEmail(), subject, body);
    }

    /**
     * Repeated failed sign-ins locked the account: its owner is told (it may be someone else trying their password),
     * once per run of failures. Written outside any transaction: the lock is not a database change.
     */
    @EventListener
    void on(vn.motcua.platform.security.AccountLockedOut e) {
        String subject = "[Một cửa] Tài khoản " + e.username() + " tạm thời bị khoá đăng nhập";
        String body = "Kính gửi " + e.displayName() + ",\n\n"
                + "Tài khoản " + e.username() + " vừa bị nhập sai mật khẩu " + e.failures() + " lần liên tiếp, nên việc "
                + "đăng nhập tạm thời bị khoá đến " + WHEN.format(e.lockedUntil()) + ".\n"
                + "Nếu đó là ông/bà, xin chờ hết thời gian khoá rồi đăng nhập lại. Nếu không phải, có thể ai đó đang "
                + "dò mật khẩu của ông/bà: hãy đổi mật khẩu và báo cho quản trị hệ thống.\n";
        write("account/" + e.username() + "/LOCKED/" + e.lockedUntil().toEpochMilli(), null, e.email(), subject, body);
    }

    /**
     * Inserts the message once per dedup key (a second delivery of the same event writes nothing), in the caller's
     * transaction: it commits or rolls back with the dossier change. With a mail server it is {@code PENDING} and
     * {@link OutboxSender} sends it after the commit; without one it stays in the outbox ({@code OUTBOX_ONLY}).
     */
    private void write(String dedupKey, UUID dossierId, String to, String subject, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean sends = outbox.sends();
        int inserted = jdbc.sql("""
                        insert into notification(id, dedup_key, dossier_id, recipient, subject, body, created_at, status,
                                                 next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing
                        """)
                .params(UUID.randomUUID(), dedupKey, dossierId, to, subject, body, now, outbox.initialStatus(),
                        sends ? now : null)
                .update();
        if (inserted == 1 && sends) {
            outbox.wakeAfterCommit();
        }
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

    static String stateText(DossierState s) {
        return switch (s) {
            case DRAFT -> "Bản nháp";
            case SUBMITTED -> "Đã nộp, chờ tiếp nhận";
            case TRIAGE -> "Đang xác định cơ quan giải quyết";
            case SUPPLEMENT_REQUESTED -> "Cần bổ sung hồ sơ";
            case REFUSED -> "Từ chối tiếp nhận";
            case ACCEPTED -> "Đã tiếp nhận, đang giải quyết";
            case PROCESSING_PAUSED -> "Tạm dừng, chờ bổ sung hồ sơ";
            case RESULT_READY -> "Đã có kết quả, chờ trả";
            case RETURNED -> "Đã trả kết quả";
            case STOPPED -> "Dừng xử lý hồ sơ";
        };
    }
}
