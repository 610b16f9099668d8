package vn.motcua.reorg.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.motcua.dossier.CustodyLedger.OpenDossier;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.Share;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.UnitChanges;

/**
 * Decides each in-flight dossier's successor agency. Built once per run from the plan and two set-based
 * territory queries; {@link #decide} is then pure and in-memory (its cost: docs/reorg.md, Bench).
 */
final class Router {

    /** An agency a dossier can be moved to (it may be derived only at execution, for units the plan opens). */
    record Target(String code, String name, String unitCode) {
    }

    record Decision(Target to, RoutingRule rule, String reason) {
    }

    /** How the dossiers of one closing agency are routed. */
    record Route(Agency from, Target full, String splitUnit, boolean byAddressUnit, Target triage) {
    }

    private final CompiledPlan plan;
    private final Map<String, Agency> closingAgencies = new LinkedHashMap<>();
    private final Map<String, List<Agency>> successorAgencies = new HashMap<>();
    private final Map<String, String> provinceOf = new HashMap<>();
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, Target> explicitTargets = new HashMap<>();
    private final List<CompiledPlan.Problem> problems = new ArrayList<>();
    private final Map<String, UnitChanges.Open> opens = new HashMap<>();

    Router(CompiledPlan plan, Territory territory, TerritoryAgencies agencies) {
        this.plan = plan;
        plan.unitChanges().opens().forEach(o -> opens.put(o.code(), o));
        for (Agency a : agencies.agenciesOf(plan.closing(), plan.dayBefore())) {
            closingAgencies.put(a.code(), a);
        }
        Set<String> succ = new LinkedHashSet<>();
        plan.successors().values().forEach(l -> l.forEach(s -> succ.add(s.code())));
        plan.routing().values().forEach(l -> l.forEach(r -> succ.add(r.to())));
        for (String s : succ) {
            provinceOf.put(s, province(s, territory));
        }
        Set<String> withProvinces = new LinkedHashSet<>(succ);
        provinceOf.values().stream().filter(Objects::nonNull).forEach(withProvinces::add);
        for (Agency a : agencies.agenciesOf(withProvinces, plan.effectiveDate())) {
            successorAgencies.computeIfAbsent(a.unitCode(), k -> new ArrayList<>()).add(a);
        }
        Set<String> explicitCodes = new LinkedHashSet<>(plan.explicit().values());
        plan.procedureTransfers().values().forEach(m -> explicitCodes.addAll(m.values()));
        for (String code : explicitCodes) {
            territory.agency(code, plan.effectiveDate()).ifPresentOrElse(
                    a -> explicitTargets.put(code, new Target(a.code(), a.name(), a.unitCode())),
                    () -> problems.add(new CompiledPlan.Problem("reorg.validation.unknownAgency", code, plan.effectiveDate().toString())));
        }
        for (Agency a : closingAgencies.values()) {
            routes.put(a.code(), route(a));
        }
    }

    private String province(String code, Territory territory) {
        UnitChanges.Open open = opens.get(code);
        if (open != null) {
            return open.type().isProvinceLevel() ? open.code() : open.parentCode();
        }
        return territory.province(code, plan.effectiveDate()).map(u -> u.code()).orElse(null);
    }

    private Route route(Agency a) {
        String unit = a.unitCode();
        List<CompiledPlan.Succ> succs = plan.successors().getOrDefault(unit, List.of());
        if (succs.isEmpty()) {
            problems.add(new CompiledPlan.Problem("reorg.validation.agencyNoSuccessor", a.code(), unit));
            return new Route(a, null, null, false, null);
        }
        Target triage = triageFor(succs.get(0).code());
        if (triage == null) {
            problems.add(new CompiledPlan.Problem("reorg.validation.noTriage", a.code()));
        }
        String functionsTo = plan.abolishedFunctionsTo().get(unit);
        if (functionsTo != null && !"PROVINCE".equals(functionsTo)) {
            return new Route(a, null, null, true, triage);
        }
        if (succs.size() == 1 && succs.get(0).share() == Share.FULL) {
            Target full = agencyAt(a.kind(), a.sector(), succs.get(0).code());
            if (full == null) {
                problems.add(new CompiledPlan.Problem("reorg.validation.noSuccessorAgency", a.code(), succs.get(0).code()));
            }
            return new Route(a, full, null, false, triage);
        }
        for (CompiledPlan.Succ s : succs) {
            if (agencyAt(a.kind(), a.sector(), s.code()) == null) {
                problems.add(new CompiledPlan.Problem("reorg.validation.noSuccessorAgency", a.code(), s.code()));
            }
        }
        return new Route(a, null, unit, false, triage);
    }

    private Target triageFor(String successorUnit) {
        String prov = provinceOf.get(successorUnit);
        return prov == null ? null : agencyAt(AgencyKind.SERVICE_CENTRE, null, prov);
    }

    /** The successor unit's agency of that kind (and sector), existing or to be derived for an opened unit. */
    Target agencyAt(AgencyKind kind, String sector, String unit) {
        for (Agency a : successorAgencies.getOrDefault(unit, List.of())) {
            if (a.kind() == kind && Objects.equals(a.sector(), sector)) {
                return new Target(a.code(), a.name(), unit);
            }
        }
        UnitChanges.Open open = opens.get(unit);
        if (open == null) {
            return null;
        }
        boolean province = open.type().isProvinceLevel();
        return switch (kind) {
            case PEOPLES_COMMITTEE -> new Target("UBND-" + unit, "Ủy ban nhân dân " + open.fullName(), unit);
            case POLICE -> new Target("CA-" + unit, "Công an " + open.fullName(), unit);
            case SERVICE_CENTRE -> new Target("TTPV-" + unit, "Trung tâm Phục vụ hành chính công " + open.fullName(), unit);
            case DEPARTMENT -> province && "TU_PHAP".equals(sector) ? new Target("STP-" + unit, "Sở Tư pháp " + open.fullName(), unit) : null;
        };
    }

    Decision decide(OpenDossier d) {
        Route r = routes.get(d.agencyCode());
        // Most plans name no dossier: then no id is turned into text for the lookup.
        String explicit = plan.explicit().isEmpty() ? null
                : plan.explicit().get(d.code() != null && plan.explicit().containsKey(d.code()) ? d.code() : d.id().toString());
        if (explicit != null && explicitTargets.containsKey(explicit)) {
            return new Decision(explicitTargets.get(explicit), RoutingRule.EXPLICIT, "plan");
        }
        Map<String, String> procs = plan.procedureTransfers().get(d.agencyCode());
        if (procs != null && procs.containsKey(d.procedureCode()) && explicitTargets.containsKey(procs.get(d.procedureCode()))) {
            return new Decision(explicitTargets.get(procs.get(d.procedureCode())), RoutingRule.EXPLICIT, "procedure");
        }
        if (r == null) {
            return null;
        }
        if (r.full() != null) {
            return new Decision(r.full(), RoutingRule.FULL_MERGE, null);
        }
        if (r.byAddressUnit()) {
            String addr = d.addressUnitCode();
            List<CompiledPlan.Succ> succs = addr == null ? List.of() : plan.successors().getOrDefault(addr, List.of());
            if (succs.size() == 1 && succs.get(0).share() == Share.FULL) {
                Target t = agencyAt(r.from().kind(), r.from().sector(), succs.get(0).code());
                if (t != null) {
                    return new Decision(t, RoutingRule.ADDRESS_RULE, "addressUnit");
                }
            } else if (succs.size() > 1) {
                Target t = byStreet(addr, d.addressLine(), r.from());
                if (t != null) {
                    return new Decision(t, RoutingRule.ADDRESS_RULE, "street");
                }
            }
            return new Decision(r.triage(), RoutingRule.TRIAGE, addr == null ? "noAddress" : succs.isEmpty() ? "addressUnitNotInPlan" : "splitNoStreetMatch");
        }
        if (r.splitUnit() != null) {
            Target t = byStreet(r.splitUnit(), d.addressLine(), r.from());
            if (t != null) {
                return new Decision(t, RoutingRule.ADDRESS_RULE, "street");
            }
            return new Decision(r.triage(), RoutingRule.TRIAGE, d.addressLine() == null ? "noAddress" : "splitNoStreetMatch");
        }
        return new Decision(r.triage(), RoutingRule.TRIAGE, "noSuccessorAgency");
    }

    /** A street lookup's inputs: the result depends on nothing else. */
    private record StreetKey(String oldUnit, String addressLine, AgencyKind kind, String sector) {
    }

    /** No street match (a map holds no null). */
    private static final Target NONE = new Target("", "", "");
    /** Bounded: a real province's address lines are mostly distinct, and then remembering them buys nothing. */
    private static final int STREET_MEMO = 100_000;
    /**
     * Street lookups already made: the same address line in the same split unit (a street and house number, the
     * shared "no street" lines) folds and matches the same way every time.
     */
    private final Map<StreetKey, Target> streets = new java.util.concurrent.ConcurrentHashMap<>();

    /** The one successor whose street list the address names; null when none or several match. */
    private Target byStreet(String oldUnit, String addressLine, Agency from) {
        List<CompiledPlan.Rule> rules = plan.routing().get(oldUnit);
        if (rules == null || addressLine == null) {
            return null;
        }
        StreetKey k = new StreetKey(oldUnit, addressLine, from.kind(), from.sector());
        Target t = streets.get(k);
        if (t == null) {
            t = matchStreet(rules, addressLine, from);
            if (streets.size() < STREET_MEMO) {
                streets.put(k, t == null ? NONE : t);
            }
        }
        return t == NONE ? null : t;
    }

    private Target matchStreet(List<CompiledPlan.Rule> rules, String addressLine, Agency from) {
        String key = PlanCompiler.addressKey(addressLine);
        String found = null;
        for (CompiledPlan.Rule rule : rules) {
            for (String street : rule.streets()) {
                if (key.contains(street)) {
                    if (found != null && !found.equals(rule.to())) {
                        return null;
                    }
                    found = rule.to();
                }
            }
        }
        return found == null ? null : agencyAt(from.kind(), from.sector(), found);
    }

    /**
     * The agencies a post of a closing agency of {@code oldUnit} can continue in: those of its successor units and
     * of their provinces, existing or to be derived for units the plan opens.
     */
    List<Target> successorTargets(String oldUnit) {
        Map<String, Target> out = new LinkedHashMap<>();
        Set<String> units = new LinkedHashSet<>();
        plan.successors().getOrDefault(oldUnit, List.of()).forEach(s -> {
            units.add(s.code());
            if (provinceOf.get(s.code()) != null) {
                units.add(provinceOf.get(s.code()));
            }
        });
        for (String u : units) {
            successorAgencies.getOrDefault(u, List.of()).forEach(a -> out.putIfAbsent(a.code(), new Target(a.code(), a.name(), u)));
            for (AgencyKind k : AgencyKind.values()) {
                Target t = agencyAt(k, k == AgencyKind.DEPARTMENT ? "TU_PHAP" : null, u);
                if (t != null) {
                    out.putIfAbsent(t.code(), t);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    Map<String, Agency> closingAgencies() {
        return closingAgencies;
    }

    Collection<Route> routes() {
        return routes.values();
    }

    List<CompiledPlan.Problem> problems() {
        return problems;
    }

    String provinceOf(String unit) {
        return provinceOf.get(unit);
    }
}
