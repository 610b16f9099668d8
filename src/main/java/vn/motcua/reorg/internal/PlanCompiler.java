package vn.motcua.reorg.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;
import vn.motcua.territory.Territory;
import vn.motcua.territory.UnitChanges;
import vn.motcua.territory.UnitType;

/** Turns an authored {@link PlanDefinition} into a {@link CompiledPlan}, collecting what is wrong with it. */
@Component
class PlanCompiler {

    static final ZoneId VN = VietnamTime.ZONE;
    /** Compiled once: {@code String.replaceAll} compiled it for every address the routing read. */
    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^\\p{Alnum}]+");

    private final Territory territory;

    PlanCompiler(Territory territory) {
        this.territory = territory;
    }

    /** The effective instant: an ISO instant/offset date-time, or a date meaning 00:00 in Vietnam. */
    static Instant parseEffective(String s) {
        if (s == null || s.isBlank()) {
            throw ApiException.badRequest("reorg.plan.effective", String.valueOf(s));
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s.strip()).atStartOfDay(VN).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("reorg.plan.effective", s);
            }
        }
    }

    /** Checks the fields without which a plan cannot even be stored (400). */
    static void checkShape(PlanDefinition d) {
        if (d == null || d.name() == null || d.name().isBlank()) {
            throw ApiException.badRequest("reorg.plan.name");
        }
        parseEffective(d.effective());
        if (d.legalBasis() == null || d.legalBasis().isBlank()) {
            throw ApiException.badRequest("reorg.plan.legalBasis");
        }
        for (PlanDefinition.Operation op : d.operations()) {
            if (op == null || op.op() == null || !OPS.contains(op.op().toUpperCase(Locale.ROOT))) {
                throw ApiException.badRequest("reorg.plan.op", op == null ? "null" : String.valueOf(op.op()));
            }
        }
        // A unit type must be known at once (a typo would otherwise sit in a stored draft until validation).
        for (PlanDefinition.UnitSpec u : d.open()) {
            if (u == null) {
                throw ApiException.unprocessable("reorg.plan.nullEntry", "open");
            }
            checkType(u.type(), u.code());
        }
        for (PlanDefinition.Operation op : d.operations()) {
            if ("RECLASSIFY".equalsIgnoreCase(op.op()) && op.type() != null) {
                checkType(op.type(), op.unit());
            }
        }
        if (d.batchSize() != null && (d.batchSize() < 1 || d.batchSize() > 1_000_000)) {
            throw ApiException.badRequest("reorg.plan.batchSize", d.batchSize());
        }
    }

    private static void checkType(String type, String code) {
        try {
            UnitType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("reorg.validation.badType", String.valueOf(code), String.valueOf(type))
                    .with("field", "type");
        }
    }

    static final Set<String> OPS = Set.of("MERGE", "SPLIT", "RENAME", "RECLASSIFY", "DISSOLVE", "ABOLISH_LEVEL",
            "TRANSFER_PROCEDURES");

    CompiledPlan compile(PlanDefinition d) {
        checkShape(d);
        Instant effective = parseEffective(d.effective());
        LocalDate date = effective.atZone(VN).toLocalDate();
        LocalDate before = date.minusDays(1);
        List<CompiledPlan.Problem> problems = new ArrayList<>();
        Map<String, UnitChanges.Open> opens = new LinkedHashMap<>();
        Set<String> closes = new LinkedHashSet<>();
        Map<String, UnitChanges.Link> links = new LinkedHashMap<>();
        Map<String, List<CompiledPlan.Succ>> successors = new LinkedHashMap<>();
        Map<String, String> abolished = new LinkedHashMap<>();
        Map<String, Map<String, String>> procedures = new LinkedHashMap<>();

        for (PlanDefinition.UnitSpec u : d.open()) {
            UnitType type = type(u.type(), problems, u.code());
            if (u.code() == null || u.name() == null || type == null) {
                problems.add(new CompiledPlan.Problem("reorg.validation.badOpen", String.valueOf(u.code())));
                continue;
            }
            opens.put(u.code(), new UnitChanges.Open(u.code(), u.name(), u.fullName() == null ? u.name() : u.fullName(),
                    type, u.parent()));
        }
        for (PlanDefinition.Operation op : d.operations()) {
            switch (op.op().toUpperCase(Locale.ROOT)) {
                case "MERGE" -> {
                    if (op.into() == null || op.from().size() + op.partialFrom().size() == 0) {
                        problems.add(new CompiledPlan.Problem("reorg.validation.badOp", "MERGE", String.valueOf(op.into())));
                        continue;
                    }
                    boolean many = op.from().size() + op.partialFrom().size() > 1;
                    for (String f : op.from()) {
                        closes.add(f);
                        link(links, successors, f, op.into(), many ? LineageKind.MERGE : LineageKind.RENAME, Share.FULL);
                    }
                    for (String p : op.partialFrom()) {
                        closes.add(p);
                        link(links, successors, p, op.into(), LineageKind.SPLIT, Share.PARTIAL);
                    }
                }
                case "SPLIT" -> {
                    if (op.unit() == null || op.to().isEmpty()) {
                        problems.add(new CompiledPlan.Problem("reorg.validation.badOp", "SPLIT", String.valueOf(op.unit())));
                        continue;
                    }
                    closes.add(op.unit());
                    for (String t : op.to()) {
                        link(links, successors, op.unit(), t, LineageKind.SPLIT, op.to().size() > 1 ? Share.PARTIAL : Share.FULL);
                    }
                }
                case "RENAME", "RECLASSIFY" -> {
                    AdministrativeUnit cur = op.unit() == null ? null : territory.unit(op.unit(), before).orElse(null);
                    if (cur == null) {
                        problems.add(new CompiledPlan.Problem("reorg.validation.unknownUnit", String.valueOf(op.unit()), before.toString()));
                        continue;
                    }
                    boolean rename = op.op().equalsIgnoreCase("RENAME");
                    UnitType type = rename ? cur.type() : type(op.type(), problems, cur.code());
                    if (type == null) {
                        continue;
                    }
                    String name = rename && op.name() != null ? op.name() : cur.name();
                    String full = op.fullName() != null ? op.fullName() : name;
                    closes.add(cur.code());
                    opens.put(cur.code(), new UnitChanges.Open(cur.code(), name, full, type, cur.parentCode()));
                    link(links, successors, cur.code(), cur.code(), rename ? LineageKind.RENAME : LineageKind.RECLASSIFY, Share.FULL);
                }
                case "DISSOLVE" -> {
                    if (op.unit() == null || op.into() == null) {
                        problems.add(new CompiledPlan.Problem("reorg.validation.badOp", "DISSOLVE", String.valueOf(op.unit())));
                        continue;
                    }
                    closes.add(op.unit());
                    link(links, successors, op.unit(), op.into(), LineageKind.DISSOLVE, Share.FULL);
                }
                case "ABOLISH_LEVEL" -> {
                    if (!"DISTRICT".equalsIgnoreCase(op.level()) || op.into() == null || op.within().isEmpty()) {
                        problems.add(new CompiledPlan.Problem("reorg.validation.badOp", "ABOLISH_LEVEL", String.valueOf(op.level())));
                        continue;
                    }
                    String to = op.functionsTo() == null ? "COMMUNE" : op.functionsTo().toUpperCase(Locale.ROOT);
                    for (String prov : op.within()) {
                        for (AdministrativeUnit dist : territory.children(prov, before)) {
                            if (dist.type() == UnitType.DISTRICT) {
                                closes.add(dist.code());
                                abolished.put(dist.code(), to);
                                link(links, successors, dist.code(), op.into(), LineageKind.DISSOLVE, Share.FULL);
                            }
                        }
                    }
                }
                case "TRANSFER_PROCEDURES" -> {
                    if (op.fromAgency() == null || op.toAgency() == null || op.procedures().isEmpty()) {
                        problems.add(new CompiledPlan.Problem("reorg.validation.badOp", "TRANSFER_PROCEDURES", String.valueOf(op.fromAgency())));
                        continue;
                    }
                    op.procedures().forEach(p -> procedures.computeIfAbsent(op.fromAgency(), k -> new LinkedHashMap<>()).put(p, op.toAgency()));
                }
                default -> throw new IllegalStateException(op.op());
            }
        }
        Map<String, List<CompiledPlan.Rule>> routing = new LinkedHashMap<>();
        for (PlanDefinition.RoutingRuleSpec r : d.routingRules()) {
            if (r.unit() == null || r.to() == null || r.streets().isEmpty()) {
                problems.add(new CompiledPlan.Problem("reorg.validation.badRule", String.valueOf(r.unit())));
                continue;
            }
            routing.computeIfAbsent(r.unit(), k -> new ArrayList<>())
                    .add(new CompiledPlan.Rule(r.to(), r.streets().stream().map(PlanCompiler::addressKey).toList()));
        }
        Map<String, String> explicit = new LinkedHashMap<>();
        d.explicit().forEach(e -> explicit.put(e.dossier(), e.agency()));
        Map<String, String> posts = new LinkedHashMap<>();
        d.postMappings().forEach(p -> posts.put(p.post(), p.to()));
        UnitChanges changes = new UnitChanges(new ArrayList<>(opens.values()), new ArrayList<>(closes),
                new ArrayList<>(links.values()));
        boolean extend = "EXTEND".equalsIgnoreCase(d.deadlinePolicy());
        return new CompiledPlan(effective, date, d.legalBasis(), changes, closes, opens.keySet(), successors, routing,
                abolished, procedures, explicit, posts, extend, d.extendWorkingDays() == null ? 0 : d.extendWorkingDays(),
                d.batchSize() == null ? 20_000 : d.batchSize(),
                d.nearCutoverWorkingDays() == null ? 5 : d.nearCutoverWorkingDays(),
                d.notifyApplicants() == null || d.notifyApplicants(), problems);
    }

    private static void link(Map<String, UnitChanges.Link> links, Map<String, List<CompiledPlan.Succ>> successors,
                             String pred, String succ, LineageKind kind, Share share) {
        if (links.putIfAbsent(pred + ">" + succ, new UnitChanges.Link(pred, succ, kind, share, null)) == null) {
            successors.computeIfAbsent(pred, k -> new ArrayList<>()).add(new CompiledPlan.Succ(succ, share));
        }
    }

    private static UnitType type(String t, List<CompiledPlan.Problem> problems, String code) {
        try {
            return UnitType.valueOf(String.valueOf(t).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new CompiledPlan.Problem("reorg.validation.badType", String.valueOf(code), String.valueOf(t)));
            return null;
        }
    }

    /** Folded text with every non-alphanumeric run as one space, padded: " le loi " (so "Lê Lợi" ≠ "Lê Lợi Mới"… by words). */
    static String addressKey(String s) {
        if (s == null) {
            return " ";
        }
        return " " + NOT_ALNUM.matcher(VietnameseText.fold(s)).replaceAll(" ").strip() + " ";
    }
}
