package vn.motcua.reorg.internal;

import java.io.Writer;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.reorg.ExecutionObserver;

/**
 * The reorganisation engine as the web layer sees it: a plan's life, one owner per part — stored
 * ({@link PlanStore}), validated ({@link PlanValidator}), dry-run ({@link DryRunner}), executed ({@link PlanExecutor}),
 * reconciled ({@link PlanReconciler}), its triage decided ({@link TriageDecisions}).
 */
@Service
public class ReorgEngine {

    private final PlanStore store;
    private final PlanValidator validator;
    private final DryRunner dryRuns;
    private final PlanExecutor executor;
    private final PlanReconciler reconciler;
    private final TriageDecisions triage;

    ReorgEngine(PlanStore store, PlanValidator validator, DryRunner dryRuns, PlanExecutor executor,
                PlanReconciler reconciler, TriageDecisions triage) {
        this.store = store;
        this.validator = validator;
        this.dryRuns = dryRuns;
        this.executor = executor;
        this.reconciler = reconciler;
        this.triage = triage;
    }

    public PlanStore.Created create(PlanDefinition def, String user) {
        return store.create(def, user);
    }

    public PlanStore.Imported importMerges(byte[] body, String province, String effective, String user) {
        return store.importMerges(body, province, effective, user);
    }

    public List<Reports.PlanView> list() {
        return store.list();
    }

    public Reports.PlanView view(UUID id) {
        return store.view(id);
    }

    public PlanDefinition definition(UUID id) {
        return store.definition(id);
    }

    public Reports.PlanView addRoutingRules(UUID id, List<PlanDefinition.RoutingRuleSpec> rules) {
        return store.addRoutingRules(id, rules);
    }

    public Reports.Validation validate(UUID id) {
        return validator.validate(id);
    }

    public Reports.DryRun dryRun(UUID id) {
        return dryRuns.dryRun(id);
    }

    public void dryRunCsv(UUID id, Writer out) {
        dryRuns.dryRunCsv(id, out);
    }

    public Reports.Execution execute(UUID id, String user) {
        return executor.execute(id, user);
    }

    public Reports.Execution execute(UUID id, String user, ExecutionObserver extra) {
        return executor.execute(id, user, extra);
    }

    public PlanExecutor.Progress progress(UUID id) {
        return executor.progress(id);
    }

    public void requireExecutable(UUID id) {
        executor.requireExecutable(id);
    }

    public Reports.Reconciliation reconcile(UUID id) {
        return reconciler.reconcile(id);
    }

    public boolean decideTriage(UUID id, UUID dossierId, String agencyCode, String user) {
        return triage.decideTriage(id, dossierId, agencyCode, user);
    }

    public void journalCsv(UUID id, Writer out) {
        triage.journalCsv(id, out);
    }

    public void forEachJournalEntry(UUID id, Consumer<CustodyLedger.Moved> each) {
        triage.forEachJournalEntry(id, each);
    }
}
