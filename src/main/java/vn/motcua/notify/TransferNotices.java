package vn.motcua.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.reorg.PlanExecuted;
import vn.motcua.reorg.TriageDecided;

/**
 * Tells applicants, after a reorganisation moved their dossier, which agency now handles it and that the due date is
 * unchanged. Once a plan is executed ({@link PlanExecuted}, through the event publication registry), the plan's moves
 * are read page by page from the dossier module's {@link CustodyLedger} and one message per applicant with an e-mail
 * address is written to the outbox, in the listener's transaction. A crash before it commits leaves the publication
 * incomplete, and it is republished at the next start; the dedup key per dossier and plan makes a second delivery
 * write nothing. A plan stopped part-way is not executed yet, so nobody is told before every batch is done.
 */
@Service
public class TransferNotices {

    /** Moves read per page. */
    static final int PAGE = 5_000;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final JdbcTemplate jdbc;
    private final CustodyLedger ledger;
    private final OutboxSender outbox;
    private final Clock clock;

    TransferNotices(JdbcTemplate jdbc, CustodyLedger ledger, OutboxSender outbox, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** After the plan's transaction commits, in a transaction of its own (asynchronously). */
    @ApplicationModuleListener
    void on(PlanExecuted e) {
        if (e.notifyApplicants()) {
            announce(e.planId());
        }
    }

    /** Writes the notices of one executed plan; returns how many messages it asked for (a second call writes none). */
    long announce(UUID planId) {
        long written = 0;
        int batch = 0;
        UUID after = null;
        while (true) {
            List<CustodyLedger.Moved> page = ledger.moves(planId, batch, after, PAGE);
            if (page.isEmpty()) {
                return written;
            }
            written += write(planId.toString(), page.stream().filter(TransferNotices::reachable).toList());
            CustodyLedger.Moved last = page.get(page.size() - 1);
            batch = last.batchNo();
            after = last.dossierId();
        }
    }

    /**
     * A triage decision after a plan: the applicant, told by the plan's notice that the service centre held the
     * dossier, is told the agency chosen — in the decision's transaction (one dedup key per dossier, plan and agency).
     */
    @EventListener
    void on(TriageDecided e) {
        if (e.notifyApplicant()) {
            ledger.move(e.planId(), e.dossierId()).filter(TransferNotices::reachable)
                    .ifPresent(m -> write(e.planId() + "/" + e.toAgency(), List.of(m)));
        }
    }

    private static boolean reachable(CustodyLedger.Moved m) {
        return m.applicantEmail() != null && !m.applicantEmail().isBlank();
    }

    /** {@code key}: what follows "{@code <dossier>/TRANSFERRED/}" in each message's dedup key. */
    private int write(String key, List<CustodyLedger.Moved> moves) {
        if (moves.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String status = outbox.initialStatus();
        Timestamp due = outbox.sends() ? now : null;
        jdbc.batchUpdate("""
                insert into notification(id, dedup_key, dossier_id, recipient, subject, body, created_at, status,
                                         next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing
                """, moves, 1000, (ps, n) -> {
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
        return moves.size();
    }
}
