package vn.motcua.reorg.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.PlanState;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/** Validation of a plan against the territory, the catalogue, the officers and the dossiers in flight. */
@Service
class PlanValidator {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final PlanStore store;
    private final PlanCompiler compiler;
    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final CustodyLedger transfers;
    private final HoldingScopes scopes;
    private final OfficerMoves officerMoves;
    private final ObjectProvider<Catalogue> catalogue;
    private final MessageSource messages;
    private final Clock clock;

    PlanValidator(PlanStore store, PlanCompiler compiler, Territory territory, TerritoryAgencies agencies,
                  CustodyLedger transfers, HoldingScopes scopes, OfficerMoves officerMoves,
                  ObjectProvider<Catalogue> catalogue, MessageSource messages, Clock clock) {
        this.store = store;
        this.compiler = compiler;
        this.territory = territory;
        this.agencies = agencies;
        this.transfers = transfers;
        this.scopes = scopes;
        this.officerMoves = officerMoves;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    record Prepared(CompiledPlan plan, Router router, Reports.Validation validation) {
    }

    Prepared prepare(UUID id) {
        CompiledPlan plan = compiler.compile(store.definition(id));
        Router router = new Router(plan, territory, agencies);
        List<CompiledPlan.Problem> errors = new ArrayList<>(plan.problems());
        List<CompiledPlan.Problem> warnings = new ArrayList<>();
        LocalDate before = plan.dayBefore();
        for (String c : plan.closing()) {
            if (territory.unit(c, before).isEmpty()) {
                errors.add(new CompiledPlan.Problem("reorg.validation.unknownUnit", c, before.toString()));
            } else if (plan.successors().getOrDefault(c, List.of()).isEmpty()) {
                errors.add(new CompiledPlan.Problem("reorg.validation.noSuccessor", c));
            }
        }
        Set<String> successors = new HashSet<>();
        plan.successors().values().forEach(l -> l.forEach(s -> successors.add(s.code())));
        for (String s : successors) {
            boolean opened = plan.opening().contains(s);
            if (!opened && plan.closing().contains(s)) {
                errors.add(new CompiledPlan.Problem("reorg.validation.successorCloses", s));
            } else if (!opened && territory.unit(s, plan.effectiveDate()).isEmpty()) {
                errors.add(new CompiledPlan.Problem("reorg.validation.unknownUnit", s, plan.effectiveDate().toString()));
            }
        }
        for (Map.Entry<String, List<CompiledPlan.Rule>> r : plan.routing().entrySet()) {
            Set<String> succ = new HashSet<>();
            plan.successors().getOrDefault(r.getKey(), List.of()).forEach(s -> succ.add(s.code()));
            for (CompiledPlan.Rule rule : r.getValue()) {
                if (!succ.contains(rule.to())) {
                    errors.add(new CompiledPlan.Problem("reorg.validation.ruleNotSuccessor", r.getKey(), rule.to()));
                }
            }
        }
        String cycle = cycle(plan);
        if (cycle != null) {
            errors.add(new CompiledPlan.Problem("reorg.validation.cycle", cycle));
        }
        errors.addAll(router.problems());
        // Posts of closing agencies: mapped to a successor post, or listed for a decision.
        List<PostHolding> posts = agencies.holdings(router.closingAgencies().keySet(), before);
        Set<String> postCodes = new HashSet<>();
        for (PostHolding h : posts) {
            if (postCodes.add(h.postCode()) && !plan.postMappings().containsKey(h.postCode())) {
                warnings.add(new CompiledPlan.Problem("reorg.validation.postForDecision", h.postCode(), h.agency().code(),
                        h.officerName()));
            }
        }
        errors.addAll(officerMoves.check(plan, router, store.definition(id).postMappings(), posts));
        // Procedures a closing agency performs must have a performer afterwards.
        // The in-flight dossiers' procedures and, for a plan recorded after its effective date, what the closing
        // agencies received since then (it moves too): one read of the dossiers in scope for both.
        boolean retroactive = plan.effective().isBefore(clock.instant());
        Catalogue cat = catalogue.getIfAvailable();
        CustodyLedger.InFlight inFlight = cat != null || retroactive ? transfers.inFlight(scopes.scope(plan, router)) : null;
        long procChecks = cat == null ? 0 : checkProcedures(cat, plan, router, inFlight.proceduresByHolder(), errors, warnings);
        long late = retroactive ? inFlight.heldSinceEffective() : 0;
        if (late > 0) {
            warnings.add(new CompiledPlan.Problem("reorg.validation.receivedAfterEffective", String.valueOf(late),
                    plan.effectiveDate().toString()));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("closingUnits", (long) plan.closing().size());
        counts.put("openingUnits", (long) plan.opening().size());
        counts.put("links", (long) plan.unitChanges().links().size());
        counts.put("closingAgencies", (long) router.closingAgencies().size());
        counts.put("posts", (long) postCodes.size());
        counts.put("splitUnits", plan.successors().values().stream().filter(l -> l.size() > 1).count());
        counts.put("routingRules", plan.routing().values().stream().mapToLong(List::size).sum());
        counts.put("procedureChecks", procChecks);
        counts.put("receivedAfterEffective", late);
        Reports.Validation v = new Reports.Validation(errors.isEmpty(), findings(errors), findings(warnings), counts,
                clock.instant());
        return new Prepared(plan, router, v);
    }

    private long checkProcedures(Catalogue cat, CompiledPlan plan, Router router, Map<String, Set<String>> inFlight,
                                 List<CompiledPlan.Problem> errors, List<CompiledPlan.Problem> warnings) {
        // The procedures actually in flight in the closing agencies, per closing unit.
        Map<String, Set<String>> byUnit = new TreeMap<>();
        inFlight.forEach((agency, procs) -> {
            Agency a = router.closingAgencies().get(agency);
            if (a != null) {
                byUnit.computeIfAbsent(a.unitCode(), k -> new java.util.TreeSet<>()).addAll(procs);
            }
        });
        // Each (procedure, successor unit) pair once.
        Map<String, Set<String>> pairs = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : byUnit.entrySet()) {
            if (plan.abolishedFunctionsTo().containsKey(e.getKey())) {
                continue; // a district's functions go to the communes by address; the communes are checked below
            }
            for (CompiledPlan.Succ s : plan.successors().getOrDefault(e.getKey(), List.of())) {
                pairs.computeIfAbsent(s.code(), k -> new java.util.TreeSet<>()).addAll(e.getValue());
            }
        }
        long checks = 0;
        Map<String, Boolean> known = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : pairs.entrySet()) {
            String unit = e.getKey();
            if (plan.opening().contains(unit) && territory.unit(unit, plan.effectiveDate()).isEmpty()) {
                continue; // opened by the plan: its agencies are derived at execution, with the standard kinds
            }
            for (String proc : e.getValue()) {
                if (!known.computeIfAbsent(proc, p -> cat.versionInForce(p, plan.effectiveDate()).isPresent())) {
                    continue;
                }
                checks++;
                if (cat.competentAgencies(proc, unit, plan.effectiveDate()).isEmpty()) {
                    errors.add(new CompiledPlan.Problem("reorg.validation.noPerformer", proc, unit));
                }
            }
        }
        known.forEach((proc, inCatalogue) -> {
            if (!inCatalogue) {
                warnings.add(new CompiledPlan.Problem("reorg.validation.procedureUnknown", proc));
            }
        });
        return checks;
    }

    /** A cycle among continuing units (successors that the plan does not open anew), e.g. A into B and B into A. */
    static String cycle(CompiledPlan plan) {
        Map<String, List<String>> edges = new HashMap<>();
        plan.successors().forEach((p, l) -> l.stream().filter(s -> !plan.opening().contains(s.code()))
                .forEach(s -> edges.computeIfAbsent(p, k -> new ArrayList<>()).add(s.code())));
        Map<String, Integer> mark = new HashMap<>();
        for (String start : edges.keySet()) {
            String c = dfs(start, edges, mark, new ArrayList<>());
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String dfs(String n, Map<String, List<String>> edges, Map<String, Integer> mark, List<String> path) {
        Integer m = mark.get(n);
        if (m != null) {
            return m == 1 ? String.join(" → ", path) + " → " + n : null;
        }
        mark.put(n, 1);
        path.add(n);
        for (String s : edges.getOrDefault(n, List.of())) {
            String c = dfs(s, edges, mark, path);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        mark.put(n, 2);
        return null;
    }

    private List<Reports.Finding> findings(List<CompiledPlan.Problem> ps) {
        return ps.stream().map(p -> new Reports.Finding(p.key(), p.args(),
                messages.getMessage(p.key(), p.args().toArray(), p.key(), VI))).toList();
    }

    public Reports.Validation validate(UUID id) {
        Prepared p = prepare(id);
        PlanState s = store.state(id);
        PlanState next = s == PlanState.DRAFT || s == PlanState.VALIDATED || s == PlanState.DRY_RUN_DONE
                ? (p.validation().ok() ? PlanState.VALIDATED : PlanState.DRAFT) : null;
        store.store(id, "validation", p.validation(), next);
        return p.validation();
    }

    Prepared requireValid(UUID id) {
        Prepared p = prepare(id);
        if (!p.validation().ok()) {
            store.store(id, "validation", p.validation(), store.state(id) == PlanState.DRAFT || store.state(id) == PlanState.VALIDATED
                    || store.state(id) == PlanState.DRY_RUN_DONE ? PlanState.DRAFT : null);
            throw ApiException.unprocessable("reorg.plan.invalid", p.validation().errors().size(),
                    p.validation().errors().get(0).message());
        }
        return p;
    }
}
