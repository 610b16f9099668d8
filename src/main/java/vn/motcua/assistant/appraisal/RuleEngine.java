package vn.motcua.assistant.appraisal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.assistant.appraisal.ProcedureRules.Condition;
import vn.motcua.assistant.appraisal.ProcedureRules.Rule;
import vn.motcua.assistant.appraisal.RuleResult.Result;
import vn.motcua.platform.text.VietnameseText;

/**
 * Evaluates a procedure's rules on a dossier's form, as of the day it was received. Pure and fast (no I/O): a field
 * that is absent or cannot be parsed gives UNKNOWN, never an error.
 */
public final class RuleEngine {

    static final Set<String> CHECKS = Set.of("required", "notFuture", "withinDays", "ageAtLeast", "ageBelow", "oneOf",
            "notOneOf", "before", "maxNumber", "requiredWhen");

    private RuleEngine() {
    }

    static void requireKnownCheck(Rule rule) {
        if (!CHECKS.contains(rule.check())) {
            throw new IllegalStateException("rule " + rule.id() + ": unknown check '" + rule.check() + "'");
        }
    }

    public static List<RuleResult> evaluate(ProcedureRules rules, Map<String, Object> form, LocalDate receivedOn) {
        List<RuleResult> out = new ArrayList<>(rules.rules().size());
        for (Rule r : rules.rules()) {
            out.add(evaluate(r, form, receivedOn));
        }
        return out;
    }

    static RuleResult evaluate(Rule r, Map<String, Object> form, LocalDate receivedOn) {
        if (r.when() != null && !"requiredWhen".equals(r.check()) && holds(r.when(), form, receivedOn) != Boolean.TRUE) {
            return result(r, Result.PASS, "Không áp dụng cho trường hợp này.", null, null);
        }
        List<Object> values = values(form, r.field());
        Object first = values.isEmpty() ? null : values.get(0);
        String shown = first == null ? null : first.toString();
        return switch (r.check()) {
            case "required" -> blank(first) ? fail(r, shown, null) : pass(r, shown, null);
            case "requiredWhen" -> {
                Boolean applies = holds(r.when(), form, receivedOn);
                if (applies == null) {
                    yield unknown(r);
                }
                yield !applies ? result(r, Result.PASS, "Không áp dụng.", null, null)
                        : blank(first) ? fail(r, shown, null) : pass(r, shown, null);
            }
            case "notFuture" -> {
                LocalDate d = date(first);
                yield d == null ? unknown(r) : d.isAfter(receivedOn) ? fail(r, shown, null) : pass(r, shown, null);
            }
            case "withinDays" -> {
                LocalDate d = date(first);
                yield d == null ? unknown(r)
                        : ChronoUnit.DAYS.between(d, receivedOn) > r.days() ? fail(r, shown, r.days()) : pass(r, shown, r.days());
            }
            case "ageAtLeast", "ageBelow" -> {
                LocalDate d = date(first);
                if (d == null) {
                    yield unknown(r);
                }
                boolean atLeast = Period.between(d, receivedOn).getYears() >= r.years();
                yield atLeast == "ageAtLeast".equals(r.check()) ? pass(r, shown, r.years()) : fail(r, shown, r.years());
            }
            case "oneOf", "notOneOf" -> {
                if (blank(first)) {
                    yield unknown(r);
                }
                boolean in = containsFolded(r.values(), shown);
                yield in == "oneOf".equals(r.check()) ? pass(r, shown, null) : fail(r, shown, null);
            }
            case "maxNumber" -> {
                Double n = number(first);
                yield n == null ? unknown(r) : n > r.limit() ? fail(r, shown, r.limit()) : pass(r, shown, r.limit());
            }
            case "before" -> before(r, form);
            default -> throw new IllegalStateException("unknown check " + r.check());
        };
    }

    /** {@code field} before {@code other}; for fields inside a repeated group, item by item. */
    private static RuleResult before(Rule r, Map<String, Object> form) {
        List<Object> a = values(form, r.field());
        List<Object> b = values(form, r.other());
        if (a.isEmpty() || b.isEmpty()) {
            return unknown(r);
        }
        boolean sawPair = false;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            LocalDate x = date(a.get(i));
            LocalDate y = date(b.get(i));
            if (x == null || y == null) {
                continue;
            }
            sawPair = true;
            if (!x.isBefore(y)) {
                return result(r, Result.FAIL, r.fail(), x.toString(), null, y.toString());
            }
        }
        return sawPair ? result(r, Result.PASS, r.pass(), a.get(0).toString(), null, b.get(0).toString()) : unknown(r);
    }

    /** Whether the condition holds; null when the field it depends on is absent. */
    static Boolean holds(Condition c, Map<String, Object> form, LocalDate receivedOn) {
        List<Object> values = values(form, c.field());
        Object v = values.isEmpty() ? null : values.get(0);
        if (blank(v)) {
            return null;
        }
        if (c.ageBelow() != null) {
            LocalDate d = date(v);
            return d == null ? null : Period.between(d, receivedOn).getYears() < c.ageBelow();
        }
        if (c.oneOf() != null) {
            return containsFolded(c.oneOf(), v.toString());
        }
        if (c.notOneOf() != null) {
            return !containsFolded(c.notOneOf(), v.toString());
        }
        return Boolean.TRUE;
    }

    /** The values at a dotted path; a repeated group (a list) contributes each item's value, in order. */
    @SuppressWarnings("unchecked")
    static List<Object> values(Object root, String path) {
        List<Object> current = List.of(root);
        for (String part : path.split("\\.")) {
            List<Object> next = new ArrayList<>();
            for (Object o : current) {
                if (o instanceof Map<?, ?> m) {
                    Object v = ((Map<String, Object>) m).get(part);
                    if (v instanceof List<?> l) {
                        next.addAll(l);
                    } else if (v != null) {
                        next.add(v);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    public static String text(Map<String, Object> form, String path) {
        List<Object> v = values(form, path);
        return v.isEmpty() || blank(v.get(0)) ? null : v.get(0).toString().strip();
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return LocalDate.parse(o.toString().strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return o == null ? null : Double.valueOf(o.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(Object o) {
        return o == null || o.toString().isBlank();
    }

    private static boolean containsFolded(List<String> values, String v) {
        String f = VietnameseText.fold(v).strip();
        return values.stream().anyMatch(x -> VietnameseText.fold(x).strip().equals(f));
    }

    private static RuleResult pass(Rule r, String value, Integer limit) {
        return result(r, Result.PASS, r.pass(), value, limit, null);
    }

    private static RuleResult fail(Rule r, String value, Integer limit) {
        return result(r, Result.FAIL, r.fail(), value, limit, null);
    }

    private static RuleResult unknown(Rule r) {
        return new RuleResult(r.id(), Result.UNKNOWN, r.unknown() == null ? "Không đủ thông tin để kiểm tra." : r.unknown(),
                r.source(), r.severity());
    }

    private static RuleResult result(Rule r, Result result, String message, String value, Integer limit) {
        return new RuleResult(r.id(), result, message, r.source(), r.severity());
    }

    private static RuleResult result(Rule r, Result result, String template, String value, Integer limit, String other) {
        String m = template == null ? "" : template;
        m = m.replace("{value}", value == null ? "" : value).replace("{other}", other == null ? "" : other)
                .replace("{limit}", limit == null ? "" : limit.toString());
        return new RuleResult(r.id(), result, m, r.source(), r.severity());
    }
}
