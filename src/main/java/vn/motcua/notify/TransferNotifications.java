package vn.motcua.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.DossierTransfers;
import vn.motcua.dossier.DossiersTransferred;

/**
 * Tells applicants, after a reorganisation moved their dossier, which agency now handles it and that the due
 * date is unchanged. One listener call per transferred batch, inside the batch's transaction (the messages commit
 * or roll back with the move); one batched insert; a batch run again writes nothing twice (dedup key per dossier
 * and plan). With a mail server the messages are {@code PENDING} and {@link OutboxSender} sends them after commit.
 */
@Service
public class TransferNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final JdbcTemplate jdbc;
    private final OutboxSender outbox;
    private final Clock clock;

    TransferNotifications(JdbcTemplate jdbc, OutboxSender outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(DossiersTransferred e) {
        if (!e.notifies()) {
            return;
        }
        List<DossierTransfers.TransferNotice> notices = e.notices();
        if (notices.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String status = outbox.initialStatus();
        Timestamp due = outbox.sends() ? now : null;
        jdbc.batchUpdate("""
                insert into notification(id, dedup_key, dossier_id, recipient, subject, body, created_at, status,
                                         next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing
                """, notices, 1000, (ps, n) -> {
            String ref = n.code() != null ? n.code() : n.dossierId().toString();
            String body = "Kính gửi " + n.applicantName() + ",\n\n"
                    + "Do sắp xếp đơn vị hành chính, từ " + WHEN.format(n.effective()) + " hồ sơ \"" + n.procedureName()
                    + "\" (" + ref + ") do " + n.toAgencyName() + " tiếp tục giải quyết. Hồ sơ không phải nộp lại, "
                    + "các bước đã làm được giữ nguyên"
                    + (n.dueAt() != null ? "; hẹn trả kết quả không đổi: " + WHEN.format(n.dueAt())
                    : "; thời hạn giải quyết không thay đổi") + ".\n\n"
                    + "Mã hồ sơ và đường dẫn tra cứu cũ vẫn dùng được.\n";
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, n.dossierId() + "/TRANSFERRED/" + e.planId());
            ps.setObject(3, n.dossierId());
            ps.setString(4, n.applicantEmail());
            ps.setString(5, "[Một cửa] Hồ sơ " + ref + ": chuyển cơ quan giải quyết");
            ps.setString(6, body);
            ps.setTimestamp(7, now);
            ps.setString(8, status);
            ps.setTimestamp(9, due);
        });
        outbox.wakeAfterCommit();
    }
}
