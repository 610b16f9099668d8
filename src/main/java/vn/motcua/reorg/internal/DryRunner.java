package vn.motcua.reorg.internal;

import vn.motcua.platform.text.Csv;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.reorg.PlanState;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.TerritoryAgencies;

/** The dry run: every in-flight dossier routed, counted and sampled; nothing changed. */
@Service
class DryRunner {

    private static final Logger log = LoggerFactory.getLogger(DryRunner.class);
    static final int SAMPLE_ROWS = 500;
    static final int UNRESOLVED_ROWS = 1000;

    private final PlanStore store;
    private final PlanValidator validator;
    private final HoldingScopes scopes;
    private final CustodyLedger transfers;
    private final TerritoryAgencies agencies;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final QuestionMoves questions;

    DryRunner(PlanStore store, PlanValidator validator, HoldingScopes scopes, CustodyLedger transfers,
              TerritoryAgencies agencies, WorkingCalendar calendar, Clock clock, QuestionMoves questions) {
        this.questions = questions;
        this.store = store;
        this.validator = validator;
        this.scopes = scopes;
        this.transfers = transfers;
        this.agencies = agencies;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Reports.DryRun dryRun(UUID id) {
        long start = System.nanoTime();
        PlanValidator.Prepared p = validator.requireValid(id);
        CompiledPlan plan = p.plan();
        Router router = p.router();
        Instant threshold = nearCutoverLimit(plan);
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byOld = new HashMap<>();
        Map<String, Long> byNew = new HashMap<>();
        Map<String, String> newNames = new HashMap<>();
        Map<String, String> newUnits = new HashMap<>();
        Map<String, Long> procDossiers = new HashMap<>();
        Map<String, Set<String>> procPairs = new HashMap<>();
        List<Reports.Row> sample = new ArrayList<>();
        List<Reports.Row> unresolved = new ArrayList<>();
        long[] totals = new long[4]; // inFlight, near, unresolved, received after the effective date
        transfers.forEachOpenHeldBy(scopes.scope(plan, router), d -> {
            Router.Decision dec = router.decide(d);
            if (!d.heldSince().isBefore(plan.effective())) {
                totals[3]++;
            }
            boolean near = d.dueAt() != null && d.dueAt().isBefore(threshold);
            totals[0]++;
            if (near) {
                totals[1]++;
            }
            byRule.merge(dec.rule().name(), 1L, Long::sum);
            byState.merge(d.state(), 1L, Long::sum);
            byOld.merge(d.agencyCode(), 1L, Long::sum);
            byNew.merge(dec.to().code(), 1L, Long::sum);
            newNames.putIfAbsent(dec.to().code(), dec.to().name());
            newUnits.putIfAbsent(dec.to().code(), dec.to().unitCode());
            if (d.procedureCode() != null && !d.agencyCode().equals(dec.to().code())) {
                procDossiers.merge(d.procedureCode(), 1L, Long::sum);
                procPairs.computeIfAbsent(d.procedureCode(), k -> new HashSet<>()).add(d.agencyCode() + ">" + dec.to().code());
            }
            Reports.Row row = null;
            if (dec.rule() == RoutingRule.TRIAGE) {
                totals[2]++;
                if (unresolved.size() < UNRESOLVED_ROWS) {
                    row = row(d, dec, near);
                    unresolved.add(row);
                }
            }
            if (sample.size() < SAMPLE_ROWS) {
                sample.add(row != null ? row : row(d, dec, near));
            }
        });
        List<Reports.Count> old = byOld.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            Agency a = router.closingAgencies().get(e.getKey());
            return new Reports.Count(e.getKey(), a == null ? null : a.name(), a == null ? null : a.unitCode(), e.getValue());
        }).toList();
        List<Reports.Count> neu = byNew.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Reports.Count(e.getKey(), newNames.get(e.getKey()), newUnits.get(e.getKey()), e.getValue())).toList();
        List<Reports.ProcedureChange> procs = procDossiers.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Reports.ProcedureChange(e.getKey(), e.getValue(), procPairs.get(e.getKey()).size())).toList();
        log.info("Dry run of plan {}: {} dossiers routed in {} ms (validation included)", id, totals[0], (System.nanoTime() - start) / 1_000_000);
        Reports.DryRun report = new Reports.DryRun(id, store.view(id).name(), plan.effective(), clock.instant(), totals[0], byRule,
                byState, old, neu, plan.nearCutoverWorkingDays(), totals[1], officers(plan, router), procs, totals[2],
                unresolved, sample, totals[0] > sample.size(), (System.nanoTime() - start) / 1_000_000, totals[3],
                questions.preview(router));
        PlanState s = store.state(id);
        store.store(id, "dry_run", report, s == PlanState.DRAFT || s == PlanState.VALIDATED || s == PlanState.DRY_RUN_DONE
                ? PlanState.DRY_RUN_DONE : null);
        store.store(id, "validation", p.validation(), null);
        return report;
    }

    private Instant nearCutoverLimit(CompiledPlan plan) {
        LocalDate last = calendar.addWorkingDays(plan.effectiveDate(), plan.nearCutoverWorkingDays());
        return last.plusDays(1).atStartOfDay(PlanCompiler.VN).toInstant();
    }

    private static Reports.Row row(CustodyLedger.OpenDossier d, Router.Decision dec, boolean near) {
        return new Reports.Row(d.id(), d.code(), d.state(), d.procedureCode(), d.agencyCode(), dec.to().code(),
                dec.to().name(), dec.rule().name(), dec.reason(), d.dueAt(), near);
    }

    private List<Reports.OfficerChange> officers(CompiledPlan plan, Router router) {
        List<Reports.OfficerChange> out = new ArrayList<>();
        for (PostHolding h : agencies.holdings(router.closingAgencies().keySet(), plan.dayBefore())) {
            String to = plan.postMappings().get(h.postCode());
            out.add(new Reports.OfficerChange(h.officerName(), h.username(), h.postCode() + " — " + h.postTitle(),
                    h.role().name(), h.agency().code(), to, to == null));
        }
        out.sort(Comparator.comparing(Reports.OfficerChange::fromAgency).thenComparing(Reports.OfficerChange::post));
        return out;
    }

    /** Every in-flight dossier's routing as CSV (recomputed; nothing is changed). */
    public void dryRunCsv(UUID id, Writer out) {
        PlanValidator.Prepared p = validator.requireValid(id);
        Instant threshold = nearCutoverLimit(p.plan());
        Csv.write(out, "dossier_id,code,state,procedure,from_agency,to_agency,rule,reason,due_at,near_cutover\n");
        transfers.forEachOpenHeldBy(scopes.scope(p.plan(), p.router()), d -> {
            Router.Decision dec = p.router().decide(d);
            Csv.write(out, String.join(",", d.id().toString(), Csv.cell(d.code()), d.state(), Csv.cell(d.procedureCode()),
                    Csv.cell(d.agencyCode()), Csv.cell(dec.to().code()), dec.rule().name(), Csv.cell(dec.reason()),
                    d.dueAt() == null ? "" : d.dueAt().toString(),
                    String.valueOf(d.dueAt() != null && d.dueAt().isBefore(threshold))) + "\n");
        });
    }
}
