package vn.motcua.reorg.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.PlanState;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Successor;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/** The proof after an execution: counts before and after, the invariant, the flows, the stranded check. */
@Service
class PlanReconciler implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanReconciler.class);

    private final PlanStore store;
    private final PlanCompiler compiler;
    private final HoldingScopes scopes;
    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final CustodyLedger transfers;
    private final OfficerMoves officerMoves;
    private final StrandedCheck stranded;
    private final Clock clock;
    private final int parallelism;
    /** The reconciliation's independent reads run side by side here. */
    private final org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor readers;
    private final QuestionMoves questionMoves;

    PlanReconciler(PlanStore store, PlanCompiler compiler, HoldingScopes scopes, Territory territory,
                   TerritoryAgencies agencies, CustodyLedger transfers, OfficerMoves officerMoves,
                   StrandedCheck stranded, Clock clock,
                   @org.springframework.beans.factory.annotation.Value("${motcua.reorg.parallelism:0}") int parallelism,
                   QuestionMoves questionMoves) {
        this.questionMoves = questionMoves;
        this.store = store;
        this.compiler = compiler;
        this.scopes = scopes;
        this.territory = territory;
        this.agencies = agencies;
        this.transfers = transfers;
        this.officerMoves = officerMoves;
        this.stranded = stranded;
        this.clock = clock;
        this.parallelism = parallelism > 0 ? parallelism : Math.min(4, Runtime.getRuntime().availableProcessors());
        this.readers = ReorgWorkers.pool("reorg-reconcile-", this.parallelism);
    }

    @Override
    public void destroy() {
        readers.shutdown();
    }

    public Reports.Reconciliation reconcile(UUID id) {
        return reconcile(id, null);
    }

    /**
     * The proof: open dossiers before and after by state, none left with a closing agency, the triage count, flows
     * that do not follow the lineage, steps left with officers who moved. Its reads over the journal and the dossiers
     * are independent of each other and each one core's work, so they run side by side ({@code plan}: the execution's
     * compiled plan, or null to compile it).
     */
    Reports.Reconciliation reconcile(UUID id, CompiledPlan compiled) {
        long start = System.nanoTime();
        Reports.PlanView view = store.view(id);
        PlanState s = PlanState.valueOf(view.state());
        if (s != PlanState.EXECUTED && s != PlanState.RECONCILED) {
            throw ApiException.conflict("reorg.plan.notExecuted", id);
        }
        CompiledPlan plan = compiled != null ? compiled : compiler.compile(store.definition(id));
        PlanStore.Times times = store.times(id);
        CustodyLedger.Scope heldScope = scopes.scope(plan, agencies.agenciesOf(plan.closing(), plan.dayBefore()),
                times.unitsApplied() == null ? plan.effective() : times.unitsApplied(), times.started());
        Map<String, Long> before = view.execution() == null || view.execution().openBeforeByState() == null
                ? Map.of() : view.execution().openBeforeByState();
        java.util.concurrent.Executor readers = this.readers;
        try {
            // The journal read once: its flows, its count and its dossiers' states now (three passes before:
            // docs/reorg.md, "Session 14, second half").
            var tallyF = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> transfers.tally(id, RoutingRule.TRIAGE.name()), readers);
            var heldF = java.util.concurrent.CompletableFuture.supplyAsync(() -> transfers.countOpenHeldBy(heldScope)
                    .values().stream().mapToLong(Long::longValue).sum(), readers);
            // Besides the plan's own proof, the system-wide check (nothing open anywhere on an agency closed today).
            var strandedF = java.util.concurrent.CompletableFuture.supplyAsync(stranded::check, readers);
            var questionsF = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> questionMoves.reconcile(id, plan), readers);
            CustodyLedger.Tally tally = tallyF.join();
            List<CustodyLedger.Flow> flows = tally.flows();
            var staleF = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> officerMoves.staleAssignments(id, plan, flows), readers);
            long untraceable = untraceable(plan, flows);
            CustodyLedger.StillOpen journaled = tally.stillOpen();
            Map<String, Long> after = journaled.byState();
            long held = heldF.join();
            long triage = journaled.stillHeldWithBasis();
            vn.motcua.dossier.StepAssignments.Stale stale = staleF.join();
            Map<String, Reports.StateCount> byState = new TreeMap<>();
            Set<String> states = new HashSet<>(before.keySet());
            states.addAll(after.keySet());
            for (String st : states) {
                byState.put(st, new Reports.StateCount(before.getOrDefault(st, 0L), after.getOrDefault(st, 0L)));
            }
            long openBefore = before.values().stream().mapToLong(Long::longValue).sum();
            long openAfter = after.values().stream().mapToLong(Long::longValue).sum();
            Reports.QuestionCounts questions = questionsF.join();
            boolean invariant = held == 0 && stale.count() == 0 && questions.heldByClosedAgency() == 0;
            Reports.Reconciliation r = new Reports.Reconciliation(openBefore, openAfter, invariant, held, triage, byState,
                    tally.recorded(), untraceable, openBefore == openAfter, clock.instant(), stale.count(),
                    stale.sample(), strandedF.join().count(), questions);
            store.store(id, "reconciliation", r, invariant && untraceable == 0 ? PlanState.RECONCILED : PlanState.EXECUTED);
            log.info("Plan {}: reconciled in {} ms (invariant {}, untraceable flows {})", id,
                    (System.nanoTime() - start) / 1_000_000, invariant, untraceable);
            return r;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Flows (from agency → to agency) whose target unit does not descend, through lineage, from the source unit. */
    private long untraceable(CompiledPlan plan, List<CustodyLedger.Flow> flows) {
        Map<String, Agency> from = new HashMap<>();
        agencies.agenciesOf(plan.closing(), plan.dayBefore()).forEach(a -> from.put(a.code(), a));
        Map<String, Set<String>> reachable = new HashMap<>();
        long bad = 0;
        for (CustodyLedger.Flow f : flows) {
            Agency a = from.get(f.fromAgency());
            Optional<Agency> to = territory.agency(f.toAgency(), plan.effectiveDate());
            if (a == null || to.isEmpty()) {
                bad++;
                continue;
            }
            if (RoutingRule.EXPLICIT.name().equals(f.basis())) {
                continue; // named by the plan itself
            }
            Set<String> ok = reachable.computeIfAbsent(a.unitCode(), u -> {
                Set<String> set = new HashSet<>();
                for (Successor s : territory.successors(u, plan.dayBefore())) {
                    set.add(s.unit().code());
                    territory.province(s.unit().code(), plan.effectiveDate()).ifPresent(pv -> set.add(pv.code()));
                }
                return set;
            });
            String toUnit = to.get().unitCode();
            String toProvince = territory.province(toUnit, plan.effectiveDate()).map(x -> x.code()).orElse(null);
            if (!ok.contains(toUnit) && !ok.contains(toProvince)) {
                bad++;
            }
        }
        return bad;
    }
}
