package vn.motcua.catalogue.eforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.FieldError;

/**
 * Turns a schema (plus submitted values and errors) into a flat list of rows a template can render
 * without recursion: fieldset open/close, fields, and "add another" buttons. Also turns posted form
 * parameters ({@code applicant.fullName}, {@code members[1].personalId}) back into nested data.
 */
public final class FormRenderer {

    public enum Kind { OPEN, FIELD, CLOSE, ADD }

    public record Option(String value, String label) {
    }

    /**
     * One row. {@code conditional}: the field is required only when its optional section is filled in (e.g. the
     * father's name); the page says so instead of a plain "bắt buộc". {@code day}, {@code month}, {@code year}: a date
     * field's three boxes.
     */
    public record Row(Kind kind, String path, String id, String label, String type, boolean required,
                      List<Option> options, String value, String error, String hint, boolean conditional,
                      String day, String month, String year) {

        Row(Kind kind, String path, String id, String label, String type, boolean required, List<Option> options,
            String value, String error, String hint) {
            this(kind, path, id, label, type, required, options, value, error, hint, false, null, null, null);
        }

        /** A section whose fields may all be left empty (said on the page as "nếu có"). */
        public boolean optionalSection() {
            return kind == Kind.OPEN && !required && !"item".equals(type);
        }
    }

    /** The suffixes of a date's three boxes: {@code child.birthDate__day}, {@code __month}, {@code __year}. */
    public static final String DAY = "__day";
    public static final String MONTH = "__month";
    public static final String YEAR = "__year";

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_]+)(?:\\[(\\d+)])?");
    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern DAY_OR_MONTH = Pattern.compile("\\d{1,2}");
    private static final Pattern YEAR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern PARAM_KEY = Pattern.compile("[A-Za-z0-9_.\\[\\]]+");

    private FormRenderer() {
    }

    public static List<Row> rows(JsonNode schema, Map<String, String> values, List<FieldError> errors,
                                 Map<String, Integer> counts) {
        Map<String, String> errorByPath = new LinkedHashMap<>();
        for (FieldError e : errors) {
            errorByPath.putIfAbsent(e.field(), e.message());
        }
        List<Row> rows = new ArrayList<>();
        add(rows, schema.get("fields"), "", values, errorByPath, counts, false);
        return rows;
    }

    private static void add(List<Row> rows, JsonNode fields, String prefix, Map<String, String> values,
                            Map<String, String> errors, Map<String, Integer> counts, boolean inOptional) {
        if (fields == null) {
            return;
        }
        for (JsonNode f : fields) {
            String name = f.get("name").asString();
            String path = prefix + name;
            String label = f.path("label").asString(name);
            String type = f.path("type").asString("text");
            boolean required = f.path("required").asBoolean(false);
            if (type.equals("group")) {
                boolean repeatable = f.path("repeatable").asBoolean(false);
                int n = repeatable ? Math.max(1, counts.getOrDefault(path, 1)) : 1;
                rows.add(new Row(Kind.OPEN, path, id(path), label, type, required, List.of(), null, errors.get(path), null));
                for (int i = 0; i < n; i++) {
                    String itemPrefix = path + (repeatable ? "[" + i + "]" : "") + ".";
                    if (repeatable) {
                        rows.add(new Row(Kind.OPEN, path + "[" + i + "]", id(path + "[" + i + "]"),
                                "#" + (i + 1), "item", false, List.of(), null, null, null));
                    }
                    add(rows, f.get("fields"), itemPrefix, values, errors, counts,
                            inOptional || !required || (repeatable && f.path("minItems").asInt(required ? 1 : 0) <= i));
                    if (repeatable) {
                        rows.add(new Row(Kind.CLOSE, path, null, null, null, false, List.of(), null, null, null));
                    }
                }
                if (repeatable) {
                    rows.add(new Row(Kind.ADD, path, id(path) + "-add", label, type, false, List.of(),
                            String.valueOf(n), null, null));
                }
                rows.add(new Row(Kind.CLOSE, path, null, null, null, false, List.of(), null, null, null));
                continue;
            }
            List<Option> options = new ArrayList<>();
            for (JsonNode o : f.path("options")) {
                options.add(new Option(o.get("value").asString(), o.path("label").asString(o.get("value").asString())));
            }
            String hint = switch (type) {
                case "date" -> "eform.date.hint";
                case "address" -> "eform.address.hint";
                case "personalId" -> "eform.personalId.hint";
                default -> null;
            };
            String value = values.getOrDefault(path, "");
            String day = null;
            String month = null;
            String year = null;
            if (type.equals("date")) {
                String[] iso = value.split("-", 3);
                boolean split = iso.length == 3;
                day = values.getOrDefault(path + DAY, split ? unpad(iso[2]) : "");
                month = values.getOrDefault(path + MONTH, split ? unpad(iso[1]) : "");
                year = values.getOrDefault(path + YEAR, split ? iso[0] : "");
            }
            rows.add(new Row(Kind.FIELD, path, id(path), label, type, required, options, value, errors.get(path), hint,
                    required && inOptional, day, month, year));
        }
    }

    static String id(String path) {
        return "f-" + NOT_ID.matcher(path).replaceAll("-");
    }

    private static String unpad(String s) {
        return s.length() == 2 && s.charAt(0) == '0' ? s.substring(1) : s;
    }

    /**
     * A date's three boxes ({@code x__day}, {@code x__month}, {@code x__year}) → {@code x} as the ISO date the API
     * takes ({@code 2007-03-27}); all three empty → nothing; anything else → {@code year-month-day} as typed, which the
     * validator names (a part missing, a two-digit year, a day that does not exist).
     */
    public static Map<String, String> joinDates(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (key.endsWith(DAY) || key.endsWith(MONTH) || key.endsWith(YEAR)) {
                String path = key.substring(0, key.lastIndexOf("__"));
                if (out.containsKey(path) && !params.containsKey(path)) {
                    continue;
                }
                String d = params.getOrDefault(path + DAY, "").strip();
                String m = params.getOrDefault(path + MONTH, "").strip();
                String y = params.getOrDefault(path + YEAR, "").strip();
                if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
                    out.putIfAbsent(path, "");
                } else if (DAY_OR_MONTH.matcher(d).matches() && DAY_OR_MONTH.matcher(m).matches() && YEAR_DIGITS.matcher(y).matches()) {
                    out.put(path, y + "-" + (m.length() == 1 ? "0" + m : m) + "-" + (d.length() == 1 ? "0" + d : d));
                } else {
                    out.put(path, y + "-" + m + "-" + d);
                }
            } else {
                out.putIfAbsent(key, e.getValue());
            }
        }
        return out;
    }

    /** Posted parameters → nested data for the validator; also counts repeatable items. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> nest(Map<String, String> posted, Map<String, Integer> counts) {
        Map<String, String> params = joinDates(posted);
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("_") || !PARAM_KEY.matcher(key).matches()) {
                continue;
            }
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                Matcher m = SEGMENT.matcher(parts[i]);
                if (!m.matches()) {
                    break;
                }
                String name = m.group(1);
                path.append(path.length() == 0 ? "" : ".").append(name);
                boolean last = i == parts.length - 1;
                if (m.group(2) != null) {
                    int idx = Math.min(Integer.parseInt(m.group(2)), 49);
                    counts.merge(path.toString(), idx + 1, Math::max);
                    List<Object> list = (List<Object>) node.computeIfAbsent(name, k -> new ArrayList<>());
                    while (list.size() <= idx) {
                        list.add(new LinkedHashMap<String, Object>());
                    }
                    if (last) {
                        break;
                    }
                    node = (Map<String, Object>) list.get(idx);
                    path.append("[").append(idx).append("]");
                } else if (last) {
                    node.put(name, e.getValue());
                } else {
                    Object child = node.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
                    if (!(child instanceof Map)) {
                        break;
                    }
                    node = (Map<String, Object>) child;
                }
            }
        }
        return root;
    }
}
