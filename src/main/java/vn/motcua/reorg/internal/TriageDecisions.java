package vn.motcua.reorg.internal;

import vn.motcua.platform.text.Csv;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.reorg.TriageDecided;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;

/** Decisions on dossiers a plan left in triage, and the plan's journal as CSV. */
@Service
class TriageDecisions {

    private final PlanStore store;
    private final Territory territory;
    private final CustodyLedger transfers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TriageDecisions(PlanStore store, Territory territory, CustodyLedger transfers, JdbcClient jdbc,
                    TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.territory = territory;
        this.transfers = transfers;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * An officer decides where a dossier left in triage goes (rule EXPLICIT), with its event. The stored
     * reconciliation's triage count goes down by one in the same transaction: nothing else in it changes (the dossier
     * stays open, in the journal, with an open agency), and recomputing it all would read the whole journal and every
     * dossier again for each decision. The applicant is told the agency chosen (unless the plan notifies nobody).
     */
    public boolean decideTriage(UUID id, UUID dossierId, String agencyCode, String user) {
        Reports.PlanView view = store.view(id);
        LocalDate today = LocalDate.now(clock.withZone(PlanCompiler.VN));
        LocalDate effective = view.effective().atZone(PlanCompiler.VN).toLocalDate();
        Agency target = territory.agency(agencyCode, today.isAfter(effective) ? today : effective)
                .orElseThrow(() -> ApiException.unprocessable("reorg.triage.unknownAgency", agencyCode));
        CustodyLedger.Moved row = transfers.move(id, dossierId)
                .filter(t -> RoutingRule.TRIAGE.name().equals(t.basis()))
                .orElseThrow(() -> ApiException.conflict("reorg.triage.notInTriage", dossierId));
        Boolean notifies = store.definition(id).notifyApplicants();
        boolean notify = notifies == null || notifies;
        Boolean moved = tx.execute(s -> {
            if (!transfers.moveOne(id, dossierId, row.toAgency(), target.code(), target.name(),
                    RoutingRule.EXPLICIT.name(), view.effective(), user, "Quyết định phân loại sau sắp xếp đơn vị hành chính")) {
                return false;
            }
            events.publishEvent(new TriageDecided(id, dossierId, target.code(), notify));
            jdbc.sql("""
                    update reorg_plan set reconciliation = jsonb_set(reconciliation, '{triage}',
                           to_jsonb(greatest(0, (reconciliation->>'triage')::bigint - 1)))
                     where id = ? and reconciliation is not null""").param(id).update();
            return true;
        });
        if (!Boolean.TRUE.equals(moved)) {
            throw ApiException.conflict("reorg.triage.notInTriage", dossierId);
        }
        return true;
    }

    public void journalCsv(UUID id, Writer out) {
        store.view(id);
        Csv.write(out, "batch_no,dossier_id,code,state,from_agency,to_agency,rule,due_at,done_at\n");
        transfers.forEachMove(id, e -> Csv.write(out, e.batchNo() + "," + e.dossierId() + "," + Csv.cell(e.code()) + ","
                + e.state() + "," + Csv.cell(e.fromAgency()) + "," + Csv.cell(e.toAgency()) + "," + e.basis() + ","
                + (e.dueAt() == null ? "" : e.dueAt()) + "," + (e.doneAt() == null ? "" : e.doneAt()) + "\n"));
    }

    public void forEachJournalEntry(UUID id, Consumer<CustodyLedger.Moved> each) {
        transfers.forEachMove(id, each);
    }
}
