package vn.motcua.catalogue.eforms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.EFormPages.ReadRow;

/** Submitted data walked along its schema, for reading (see {@link vn.motcua.catalogue.EFormPages#read}). */
final class FormReader {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private FormReader() {
    }

    static List<ReadRow> rows(JsonNode schema, Map<String, Object> data) {
        List<ReadRow> rows = new ArrayList<>();
        add(rows, schema.get("fields"), data, 0);
        return rows;
    }

    private static void add(List<ReadRow> rows, JsonNode fields, Map<?, ?> data, int depth) {
        Set<String> known = new LinkedHashSet<>();
        if (fields != null) {
            for (JsonNode f : fields) {
                String name = f.get("name").asString();
                known.add(name);
                String label = f.path("label").asString(name);
                String type = f.path("type").asString("text");
                Object value = data.get(name);
                if (type.equals("group")) {
                    if (f.path("repeatable").asBoolean(false) && value instanceof List<?> items) {
                        int n = 0;
                        for (Object item : items) {
                            if (item instanceof Map<?, ?> m && !empty(m)) {
                                rows.add(new ReadRow(true, depth, label + " (" + (++n) + ")", "section", null, true));
                                add(rows, f.get("fields"), m, depth + 1);
                            }
                        }
                    } else if (value instanceof Map<?, ?> m && !empty(m)) {
                        rows.add(new ReadRow(true, depth, label, "section", null, true));
                        add(rows, f.get("fields"), m, depth + 1);
                    }
                    continue;
                }
                String text = text(value);
                if (text.isEmpty()) {
                    continue;
                }
                rows.add(new ReadRow(false, depth, label, type, display(f, type, text), true));
            }
        }
        for (Map.Entry<?, ?> e : data.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!known.contains(key) && !text(e.getValue()).isEmpty()) {
                rows.add(new ReadRow(false, depth, key, "text", text(e.getValue()), false));
            }
        }
    }

    private static String display(JsonNode f, String type, String value) {
        if (type.equals("choice")) {
            for (JsonNode o : f.path("options")) {
                if (o.path("value").asString("").equals(value)) {
                    return o.path("label").asString(value);
                }
            }
            return value;
        }
        if (type.equals("date") && ISO_DATE.matcher(value).matches()) {
            return value.substring(8, 10) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4);
        }
        return value;
    }

    private static boolean empty(Map<?, ?> m) {
        return m.values().stream().allMatch(v -> v instanceof Map<?, ?> inner ? empty(inner) : text(v).isEmpty());
    }

    private static String text(Object v) {
        if (v == null || v instanceof Map || v instanceof List) {
            return "";
        }
        return String.valueOf(v).strip();
    }
}
