package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reorganisation plan as the API takes it ({@code POST /api/v1/reorg/plans}), built in a line per operation:
 * {@code ReorgPlan.named("…").effective(d).openWard(d, p).merge(List.of(a, b), d).create(http)}. Empty parts are left
 * out, as a hand-written plan would.
 */
public final class ReorgPlan {

    private final Map<String, Object> plan = new LinkedHashMap<>();
    private final List<Map<String, Object>> open = new ArrayList<>();
    private final List<Map<String, Object>> operations = new ArrayList<>();
    private final List<Map<String, Object>> routingRules = new ArrayList<>();
    private final List<Map<String, Object>> explicit = new ArrayList<>();
    private final List<Map<String, Object>> postMappings = new ArrayList<>();

    private ReorgPlan(String name) {
        plan.put("name", name);
        plan.put("effective", "2027-01-01");
        plan.put("legalBasis", "Nghị quyết thử nghiệm");
    }

    public static ReorgPlan named(String name) {
        return new ReorgPlan(name);
    }

    public ReorgPlan effective(LocalDate date) {
        return effective(date.toString());
    }

    public ReorgPlan effective(String date) {
        plan.put("effective", date);
        return this;
    }

    public ReorgPlan legalBasis(String text) {
        plan.put("legalBasis", text);
        return this;
    }

    public ReorgPlan batchSize(int n) {
        plan.put("batchSize", n);
        return this;
    }

    /** Any other top-level field (deadline policy, notification switch…). */
    public ReorgPlan with(String field, Object value) {
        plan.put(field, value);
        return this;
    }

    /** A new ward "Phường Mới {code}" under {@code parent}. */
    public ReorgPlan openWard(String code, String parent) {
        return open(Map.of("code", code, "name", "Mới", "fullName", "Phường Mới " + code, "type", "WARD", "parent", parent));
    }

    public ReorgPlan open(Map<String, Object> unit) {
        open.add(unit);
        return this;
    }

    public ReorgPlan merge(List<String> from, String into) {
        return operation(Map.of("op", "MERGE", "from", from, "into", into));
    }

    /** A merger taking whole units and parts of others (split at the same time). */
    public ReorgPlan merge(List<String> from, List<String> partialFrom, String into) {
        return operation(Map.of("op", "MERGE", "from", from, "partialFrom", partialFrom, "into", into));
    }

    public ReorgPlan split(String unit, List<String> to) {
        return operation(Map.of("op", "SPLIT", "unit", unit, "to", to));
    }

    public ReorgPlan rename(String unit, String name, String fullName) {
        return operation(Map.of("op", "RENAME", "unit", unit, "name", name, "fullName", fullName));
    }

    public ReorgPlan dissolve(String unit, String into) {
        return operation(Map.of("op", "DISSOLVE", "unit", unit, "into", into));
    }

    public ReorgPlan operation(Map<String, Object> op) {
        operations.add(op);
        return this;
    }

    /** Addresses of split {@code unit} on these streets go to {@code to}. */
    public ReorgPlan streets(String unit, String to, String... streets) {
        routingRules.add(Map.of("unit", unit, "to", to, "streets", List.of(streets)));
        return this;
    }

    /** One dossier (by id or code) to a named agency. */
    public ReorgPlan explicit(String dossier, String agency) {
        explicit.add(Map.of("dossier", dossier, "agency", agency));
        return this;
    }

    public ReorgPlan postMapping(Map<String, Object> mapping) {
        postMappings.add(mapping);
        return this;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(plan);
        put(out, "open", open);
        put(out, "operations", operations);
        put(out, "routingRules", routingRules);
        put(out, "explicit", explicit);
        put(out, "postMappings", postMappings);
        return out;
    }

    private static void put(Map<String, Object> out, String key, List<Map<String, Object>> list) {
        if (!list.isEmpty()) {
            out.put(key, List.copyOf(list));
        }
    }

    /** Creates the plan as the administrator (quantri); its id. */
    public String create(Http http) {
        Http.Response created = http.postJson("quantri", "demo", "/api/v1/reorg/plans", toMap());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
