package vn.motcua.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierTransferDecided;
import vn.motcua.dossier.DossierTransfers;

/**
 * Tells applicants, after a reorganisation moved their dossier, which agency now handles it and that the due
 * date is unchanged. The moves come first: once every batch of a plan is done, each batch's applicants are read back
 * from its journal and told in a transaction of their own, which also marks the batch announced — so a crash loses
 * none (an unmarked batch is announced at the next sweep) and doubles none (the mark, and the dedup key per dossier
 * and plan). Sweeps run every {@code motcua.notify.transfer-interval} (2 s by default) and after start-up. With a mail
 * server the messages are {@code PENDING} and {@link OutboxSender} sends them after commit.
 */
@Service
public class TransferNotifications {

    private static final Logger log = LoggerFactory.getLogger(TransferNotifications.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final JdbcTemplate jdbc;
    private final DossierTransfers transfers;
    private final TransactionTemplate tx;
    private final OutboxSender outbox;
    private final Clock clock;

    TransferNotifications(JdbcTemplate jdbc, DossierTransfers transfers, TransactionTemplate tx, OutboxSender outbox,
                          Clock clock) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.tx = tx;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motcua.notify.transfer-interval:PT2S}", initialDelayString = "${motcua.notify.transfer-interval:PT2S}")
    void sweep() {
        try {
            announceAll();
        } catch (RuntimeException e) {
            log.warn("Transfer notices failed (next sweep retries): {}", e.toString());
        }
    }

    /**
     * Writes the notices of every batch owed them (of plans whose batches are all done), one transaction per batch;
     * returns how many notices were written. When it returns, every such batch has been announced (by this call or a
     * concurrent one).
     */
    public long announceAll() {
        long written = 0;
        while (true) {
            Long n = tx.execute(s -> transfers.claimBatchToAnnounce().map(b -> {
                int w = write(b.planId().toString(), transfers.notices(b.planId(), b.batchNo()));
                transfers.announced(b.planId(), b.batchNo());
                return (long) w;
            }).orElse(null));
            if (n == null) {
                return written;
            }
            written += n;
        }
    }

    /**
     * A triage decision after a plan: the applicant, told by the plan's notice that the service centre held the
     * dossier, is told the agency chosen — in the decision's transaction (one dedup key per dossier, plan and agency).
     */
    @EventListener
    void on(DossierTransferDecided e) {
        write(e.planId() + "/" + e.toAgency(), List.of(e.notice()));
    }

    /** {@code key}: what follows "{@code <dossier>/TRANSFERRED/}" in each message's dedup key. */
    private int write(String key, List<DossierTransfers.TransferNotice> notices) {
        if (notices.isEmpty()) {
            return 0;
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
            ps.setString(2, n.dossierId() + "/TRANSFERRED/" + key);
            ps.setObject(3, n.dossierId());
            ps.setString(4, n.applicantEmail());
            ps.setString(5, "[Một cửa] Hồ sơ " + ref + ": chuyển cơ quan giải quyết");
            ps.setString(6, body);
            ps.setTimestamp(7, now);
            ps.setString(8, status);
            ps.setTimestamp(9, due);
        });
        outbox.wakeAfterCommit();
        return notices.size();
    }
}
