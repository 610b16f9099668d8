package vn.motcua.notify;

import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
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

    private final CustodyLedger ledger;
    private final OutboxWriter outbox;

    TransferNotices(CustodyLedger ledger, OutboxWriter outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
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
        // The wording formatted once per page, the dossier's parts filled in (a plan tells up to a million applicants).
        OutboxWriter.Wording subject = outbox.wording("notify.mail.transfer.subject", 1);
        OutboxWriter.Wording greeting = outbox.wording("notify.mail.greeting", 1);
        OutboxWriter.Wording body = outbox.wording("notify.mail.transfer.body", 5);
        OutboxWriter.Wording due = outbox.wording("notify.mail.transfer.due", 1);
        String noDue = outbox.text("notify.mail.transfer.noDue");
        return outbox.write(moves.stream().map(n -> {
            String ref = n.code() != null ? n.code() : n.dossierId().toString();
            String dueText = n.dueAt() != null ? due.fill(OutboxWriter.when(n.dueAt())) : noDue;
            String text = greeting.fill(n.applicantName()) + body.fill(OutboxWriter.when(n.effective()),
                    n.procedureName(), ref, n.toAgencyName(), dueText);
            return new OutboxWriter.Mail(n.dossierId() + "/TRANSFERRED/" + key, n.dossierId(), n.applicantEmail(),
                    subject.fill(ref), text);
        }).toList());
    }
}
