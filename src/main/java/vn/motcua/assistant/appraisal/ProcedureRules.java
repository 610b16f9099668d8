package vn.motcua.assistant.appraisal;

import java.util.List;
import java.util.Map;

/**
 * The appraisal rules of one procedure, as written in {@code data/catalogue/appraisal/<code>.yml}.
 *
 * @param documents how the catalogue's required documents are recognised in files, and when a conditional one is needed
 * @param identity  form fields compared with what the documents say
 * @param subject   form fields that identify the subject of the request (for "already registered")
 */
public record ProcedureRules(String procedure, String name, List<DocumentHint> documents, List<IdentityField> identity,
                             List<String> subject, List<Rule> rules, Case documentCase) {

    public static final ProcedureRules NONE = new ProcedureRules(null, null, List.of(), List.of(), List.of(), List.of(), null);

    /**
     * Which of the catalogue's alternative document lists applies: the form field and, per value, a folded piece of
     * the list's heading (e.g. basis RENTED → "thue, muon, o nho").
     */
    public record Case(String field, Map<String, String> headings) {
    }

    /** The heading piece for this form's case, or null (no cases, or the field is not filled in). */
    String caseText(Map<String, Object> form) {
        if (documentCase == null) {
            return null;
        }
        String v = RuleEngine.text(form, documentCase.field());
        return v == null ? null : documentCase.headings().get(v);
    }

    /**
     * @param match    a folded piece of the catalogue document's name
     * @param keywords folded words or phrases that identify such a document in a file name, its text, a reused type
     * @param when     the case in which a conditional document is required (null: decided by the attachments)
     * @param explain  the condition, in Vietnamese, shown when the document is not required
     * @param photo    the document is a picture without text (a portrait): a file recognised as it is not expected
     *                 to be read, so it is never reported unreadable
     * @param namedBy  a form field (dotted, repeated groups included) whose values name the document — the papers to
     *                 certify are whatever the form lists: their names are keywords too
     */
    public record DocumentHint(String match, List<String> keywords, Condition when, String explain, boolean photo,
                               String namedBy) {
    }

    public enum Kind { NAME, ID, DATE }

    public record IdentityField(String field, Kind kind, String label) {
    }

    /** A condition on a form field: one of / none of some values, or an age below a number of years. */
    public record Condition(String field, List<String> oneOf, List<String> notOneOf, Integer ageBelow) {
    }

    public enum Severity { BLOCKING, SUPPLEMENT, NOTE }

    /**
     * @param optional an absent field gives UNKNOWN without counting as a problem
     */
    public record Rule(String id, String check, String field, String other, List<String> values, Integer days,
                       Integer years, Integer limit, Condition when, Severity severity, boolean optional, String source,
                       String pass, String fail, String unknown) {
    }

    static ProcedureRules fromYaml(Map<String, Object> y) {
        return new ProcedureRules(str(y.get("procedure")), str(y.get("name")),
                list(y.get("documents")).stream().map(d -> new DocumentHint(str(d.get("match")), strings(d.get("keywords")),
                        condition(d.get("when")), str(d.get("explain")), Boolean.TRUE.equals(d.get("photo")),
                        str(d.get("namedBy")))).toList(),
                list(y.get("identity")).stream().map(d -> new IdentityField(str(d.get("field")),
                        Kind.valueOf(str(d.get("kind"))), str(d.get("label")))).toList(),
                strings(y.get("subject")),
                list(y.get("rules")).stream().map(r -> new Rule(str(r.get("id")), str(r.get("check")), str(r.get("field")),
                        str(r.get("other")), strings(r.get("values")), integer(r.get("days")), integer(r.get("years")),
                        integer(r.get("limit")), condition(r.get("when")),
                        Severity.valueOf(r.getOrDefault("severity", "SUPPLEMENT").toString()),
                        Boolean.TRUE.equals(r.get("optional")), str(r.get("source")), str(r.get("pass")),
                        str(r.get("fail")), str(r.get("unknown")))).toList(),
                documentCase(y.get("case")));
    }

    @SuppressWarnings("unchecked")
    private static Case documentCase(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> c = (Map<String, Object>) m;
        Map<String, String> headings = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) c.get("headings")).forEach((k, v) -> headings.put(k, String.valueOf(v)));
        return new Case(str(c.get("field")), Map.copyOf(headings));
    }

    @SuppressWarnings("unchecked")
    private static Condition condition(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> c = (Map<String, Object>) m;
        return new Condition(str(c.get("field")), c.containsKey("oneOf") ? strings(c.get("oneOf")) : null,
                c.containsKey("notOneOf") ? strings(c.get("notOneOf")) : null, integer(c.get("ageBelow")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Integer integer(Object o) {
        return o == null ? null : Integer.valueOf(o.toString());
    }
}
