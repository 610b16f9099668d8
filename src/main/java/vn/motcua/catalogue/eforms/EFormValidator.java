package vn.motcua.catalogue.eforms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Validates submitted data against an e-form schema (a JSON-Schema-like subset). Pure: the caller
 * supplies a check for address unit codes. Errors carry a message key and arguments; the service
 * resolves them in the caller's language.
 *
 * <p>Schema: {@code {"title", "fields":[{"name","label","type","required","requiredIf":{"field","equals"},
 * "options":[{"value","label"}], "min","max","maxLength","pattern","notAfterToday","notBeforeToday",
 * "birthDateField","fields" (group), "repeatable","minItems","maxItems"}]}}. Types: text, textarea,
 * number, date, choice, personalId, phone, email, address, group.
 */
public final class EFormValidator {

    private static final Pattern MOBILE = Pattern.compile("^(0|84)(3|5|7|8|9)\\d{8}$");
    private static final Pattern LANDLINE = Pattern.compile("^(0|84)2\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern UNIT_CODE = Pattern.compile("^\\d{2}(\\d{3})?$");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s.\\-()]");
    private static final Pattern PHONE_PLUS = Pattern.compile("^\\+");
    /**
     * The schemas' own patterns, compiled once each (compiling one cost more than the rest of a form's checks). The
     * published schemas hold few of them; an unpublished schema's are at most a few more.
     */
    private static final java.util.Map<String, Pattern> SCHEMA_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        Pattern p = SCHEMA_PATTERNS.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (SCHEMA_PATTERNS.size() < 10_000) {
                SCHEMA_PATTERNS.put(regex, p);
            }
        }
        return p;
    }

    /**
     * The names each {@code fields} array declares, listed once per array rather than on every submission. Schemas
     * are read-only nodes shared through the catalogue cache; weak keys compare by identity, so a schema nobody holds
     * any more (a replaced version, an administrator's draft) leaves with its entry.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<JsonNode, java.util.Set<String>> KNOWN_NAMES =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private static java.util.Set<String> names(JsonNode fields) {
        java.util.Set<String> names = new java.util.HashSet<>();
        fields.forEach(f -> names.add(f.get("name").asString()));
        return java.util.Set.copyOf(names);
    }

    /** A problem before localisation. */
    public record Problem(String field, String key, Object... args) {
    }

    private final LocalDate today;
    private final Predicate<String> unitExists;
    private final List<Problem> problems = new ArrayList<>();

    public EFormValidator(LocalDate today, Predicate<String> unitExists) {
        this.today = today;
        this.unitExists = unitExists;
    }

    public List<Problem> validate(JsonNode schema, Map<String, Object> data) {
        validateFields(schema.get("fields"), data == null ? Map.of() : data, "", "");
        return problems;
    }

    /** The longest value any scalar field may hold, whatever its schema says (a text field's own cap is lower). */
    static final int MAX_VALUE_LENGTH = 4000;

    /**
     * {@code section}: the labels of the sections around these fields ("Người được khai sinh — "), so that an error
     * names the field a person has to fix even where two sections ask the same thing (the applicant's and the child's
     * "Họ, chữ đệm và tên").
     */
    private void validateFields(JsonNode fields, Map<String, Object> data, String prefix, String section) {
        // The schema is closed: a key it does not name is refused (named, shortened), never stored.
        java.util.Set<String> known = fields == null ? java.util.Set.of() : KNOWN_NAMES.get(fields, EFormValidator::names);
        for (String key : data.keySet()) {
            if (!known.contains(key)) {
                String shown = vn.motcua.platform.text.InputText.printable(String.valueOf(key));
                problems.add(new Problem(prefix + shown, "eform.error.unknownField", shown));
            }
        }
        if (fields == null) {
            return;
        }
        for (JsonNode f : fields) {
            String name = f.get("name").asString();
            String path = prefix + name;
            String label = section + (f.has("label") ? f.get("label").asString() : name);
            Object value = data.get(name);
            boolean required = f.path("required").asBoolean(false) || requiredIf(f.get("requiredIf"), data);
            String type = f.path("type").asString("text");
            if (type.equals("group")) {
                validateGroup(f, value, path, label, required);
                continue;
            }
            if (value != null && !(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                // an object or a list where one value belongs (e.g. {"fullName": {...}}) is never turned into text
                problems.add(new Problem(path, "eform.error.type", label));
                continue;
            }
            String s = value == null ? "" : String.valueOf(value).strip();
            if (s.length() > MAX_VALUE_LENGTH || (s.length() > 255 && !type.equals("text") && !type.equals("textarea"))) {
                problems.add(new Problem(path, "eform.error.maxLength", label,
                        type.equals("text") || type.equals("textarea") ? MAX_VALUE_LENGTH : 255));
                continue;
            }
            if (s.isEmpty()) {
                if (required) {
                    problems.add(new Problem(path, "eform.error.required", label));
                }
                continue;
            }
            switch (type) {
                case "text", "textarea" -> text(f, s, path, label);
                case "number" -> number(f, s, path, label);
                case "date" -> date(f, s, path, label);
                case "choice" -> choice(f, s, path, label);
                case "personalId" -> personalId(f, s, data, path, label);
                case "phone" -> {
                    String digits = PHONE_PLUS.matcher(PHONE_PUNCTUATION.matcher(s).replaceAll("")).replaceFirst("");
                    if (!MOBILE.matcher(digits).matches() && !LANDLINE.matcher(digits).matches()) {
                        problems.add(new Problem(path, "eform.error.phone", label));
                    }
                }
                case "email" -> {
                    if (!EMAIL.matcher(s).matches() || s.length() > 254) {
                        problems.add(new Problem(path, "eform.error.email", label));
                    }
                }
                case "address" -> {
                    if (!UNIT_CODE.matcher(s).matches() || !unitExists.test(s)) {
                        problems.add(new Problem(path, "eform.error.address", label));
                    }
                }
                default -> problems.add(new Problem(path, "eform.error.unknownType", label, type));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void validateGroup(JsonNode f, Object value, String path, String label, boolean required) {
        boolean repeatable = f.path("repeatable").asBoolean(false);
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    items.add((Map<String, Object>) m);
                } else {
                    problems.add(new Problem(path, "eform.error.group", label));
                    return;
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            items.add((Map<String, Object>) m);
        } else if (value != null) {
            problems.add(new Problem(path, "eform.error.group", label));
            return;
        }
        items.removeIf(m -> m.values().stream().allMatch(v -> v == null || String.valueOf(v).isBlank()));
        int min = f.path("minItems").asInt(required ? 1 : 0);
        int max = f.path("maxItems").asInt(repeatable ? 50 : 1);
        if (items.isEmpty() && min >= 1) {
            // A required section left empty: name each missing field (as if one empty item had been sent), never
            // "at least 1 item" for the whole section; only a section without required fields says so.
            int before = problems.size();
            validateFields(f.get("fields"), Map.of(), path + (repeatable ? "[0]" : "") + ".",
                    label + (repeatable ? " 1" : "") + " — ");
            if (problems.size() == before) {
                problems.add(new Problem(path, "eform.error.minItems", label, min));
            }
            return;
        }
        if (items.size() < min) {
            problems.add(new Problem(path, "eform.error.minItems", label, min));
        }
        if (items.size() > max) {
            problems.add(new Problem(path, "eform.error.maxItems", label, max));
        }
        for (int i = 0; i < items.size(); i++) {
            validateFields(f.get("fields"), items.get(i), path + (repeatable ? "[" + i + "]" : "") + ".",
                    label + (repeatable ? " " + (i + 1) : "") + " — ");
        }
    }

    private boolean requiredIf(JsonNode cond, Map<String, Object> data) {
        if (cond == null) {
            return false;
        }
        Object other = data.get(cond.get("field").asString());
        String v = other == null ? "" : String.valueOf(other);
        if (cond.has("equals")) {
            return v.equals(cond.get("equals").asString());
        }
        return !v.isBlank();
    }

    private void text(JsonNode f, String s, String path, String label) {
        int max = f.path("maxLength").asInt(f.path("type").asString().equals("textarea") ? 4000 : 255);
        if (s.length() > max) {
            problems.add(new Problem(path, "eform.error.maxLength", label, max));
        } else if (f.has("pattern") && !pattern(f.get("pattern").asString()).matcher(s).matches()) {
            problems.add(new Problem(path, "eform.error.pattern", label));
        }
    }

    private void number(JsonNode f, String s, String path, String label) {
        BigDecimal n;
        try {
            n = new BigDecimal(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new Problem(path, "eform.error.number", label));
            return;
        }
        if (f.has("min") && n.compareTo(f.get("min").decimalValue()) < 0) {
            problems.add(new Problem(path, "eform.error.min", label, f.get("min").asString()));
        } else if (f.has("max") && n.compareTo(f.get("max").decimalValue()) > 0) {
            problems.add(new Problem(path, "eform.error.max", label, f.get("max").asString()));
        }
    }

    /**
     * {@code LocalDate.parse} (ISO, strict): the common "yyyy-MM-dd" of ASCII digits is read directly, the same
     * answer without the formatter's parse context; anything else (a signed or longer year, a malformed text) still
     * goes through {@code LocalDate.parse}. {@code EFormValidatorTest} checks both against each other at the edges.
     */
    static Optional<LocalDate> parseDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return Optional.of(LocalDate.of(y, m, d));
                } catch (java.time.DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The number written by s[from, to) in ASCII digits, or -1 if any character is not one. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** What the three date boxes post, joined (see {@link FormRenderer#joinDates}): year-month-day, maybe not a date. */
    private static final Pattern DATE_PARTS = Pattern.compile("^([^-]*)-([^-]*)-([^-]*)$");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private void date(JsonNode f, String s, String path, String label) {
        Optional<LocalDate> d = parseDate(s);
        if (d.isEmpty()) {
            java.util.regex.Matcher parts = DATE_PARTS.matcher(s);
            if (parts.matches() && (parts.group(1).isBlank() || parts.group(2).isBlank() || parts.group(3).isBlank())) {
                problems.add(new Problem(path, "eform.error.dateIncomplete", label));
            } else if (parts.matches() && !YEAR.matcher(parts.group(1).strip()).matches()) {
                problems.add(new Problem(path, "eform.error.dateYear", label));
            } else {
                problems.add(new Problem(path, "eform.error.date", label));
            }
            return;
        }
        if (d.get().getYear() < 1870) {
            problems.add(new Problem(path, "eform.error.date", label));
        } else if (f.path("notAfterToday").asBoolean(false) && d.get().isAfter(today)) {
            problems.add(new Problem(path, "eform.error.future", label));
        } else if (f.path("notBeforeToday").asBoolean(false) && d.get().isBefore(today)) {
            problems.add(new Problem(path, "eform.error.past", label));
        }
    }

    private void choice(JsonNode f, String s, String path, String label) {
        for (JsonNode o : f.path("options")) {
            if (o.get("value").asString().equals(s)) {
                return;
            }
        }
        problems.add(new Problem(path, "eform.error.choice", label));
    }

    private void personalId(JsonNode f, String s, Map<String, Object> data, String path, String label) {
        LocalDate birth = null;
        if (f.has("birthDateField")) {
            Object b = data.get(f.get("birthDateField").asString());
            birth = b == null ? null : parseDate(String.valueOf(b).strip()).orElse(null);
        }
        PersonalIds.check(s, birth, today).ifPresent(p -> problems.add(switch (p) {
            case FORMAT -> new Problem(path, "eform.error.personalId.format", label);
            case PROVINCE -> new Problem(path, "eform.error.personalId.province", label, s.substring(0, 3));
            case FUTURE_YEAR -> new Problem(path, "eform.error.personalId.year", label);
            case BIRTH_YEAR_MISMATCH -> new Problem(path, "eform.error.personalId.birthYear", label,
                    PersonalIds.birthYear(s));
        }));
    }
}
