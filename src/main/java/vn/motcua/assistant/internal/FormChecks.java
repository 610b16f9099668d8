package vn.motcua.assistant.internal;

import vn.motcua.platform.text.VietnameseText;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.catalogue.RequiredDocument;

/**
 * The checks before submit, as pure functions of the form's schema, its data, the procedure's required documents and the
 * names of the documents attached. Each finding carries a message key of {@code i18n/assistant} and its arguments.
 */
final class FormChecks {

    enum Severity { ERROR, WARNING, INFO }

    record Finding(String field, Severity severity, String code, List<Object> args) {
    }

    /** Vietnamese mobile numbers since the 2018 renumbering: 0 + 3x, 5x, 7x, 8x, 9x network prefixes, 10 digits. */
    static final Pattern MOBILE = Pattern.compile("0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\\d)\\d{7}");

    private FormChecks() {
    }

    static List<Finding> check(FormSchemas.Schema schema, Map<String, Object> form, List<RequiredDocument> required,
                               List<String> provided, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        Map<String, Object> data = form == null ? Map.of() : form;
        childBirthDate(schema, data, today, out);
        for (FormSchemas.Field f : schema.fields()) {
            if (f.type().equals("personalId")) {
                forEachValue(f, data, (path, item, value) -> personalId(schema, f, path, item, data, value, out));
            } else if (f.type().equals("phone")) {
                forEachValue(f, data, (path, item, value) -> phone(path, value, out));
            }
        }
        documents(required, provided, out);
        return out;
    }

    // ------------------------------------------------------------------------------------------ child's birth date

    static void childBirthDate(FormSchemas.Schema schema, Map<String, Object> data, LocalDate today, List<Finding> out) {
        if (schema.field("child.birthDate") == null) {
            return;
        }
        LocalDate child = date(value(data, "child.birthDate"));
        if (child == null) {
            return;
        }
        if (child.isAfter(today)) {
            out.add(new Finding("child.birthDate", Severity.ERROR, "assistant.check.child.future", List.of(show(child))));
        }
        LocalDate mother = date(value(data, "mother.birthDate"));
        if (mother != null && !child.isAfter(mother)) {
            out.add(new Finding("child.birthDate", Severity.ERROR, "assistant.check.child.beforeMother",
                    List.of(show(child), show(mother))));
        }
    }

    // ------------------------------------------------------------------------------------------ personal ID

    static void personalId(FormSchemas.Schema schema, FormSchemas.Field f, String path, Map<String, Object> item,
                           Map<String, Object> data, String value, List<Finding> out) {
        String id = PersonalIdNumbers.digits(value);
        if (!PersonalIdNumbers.wellFormed(id)) {
            out.add(new Finding(path, Severity.ERROR, "assistant.check.id.format", List.of()));
            return;
        }
        if (!PersonalIdNumbers.knownProvince(id)) {
            out.add(new Finding(path, Severity.ERROR, "assistant.check.id.province", List.of(id.substring(0, 3))));
        }
        String birthName = f.birthDateField() != null ? f.birthDateField() : "birthDate";
        LocalDate birth = date(item != null ? item.get(birthName) : value(data, sibling(f, birthName)));
        int year = PersonalIdNumbers.birthYear(id);
        if (birth != null && birth.getYear() != year) {
            out.add(new Finding(path, Severity.ERROR, "assistant.check.id.birthYear",
                    List.of(String.valueOf(id.charAt(3)), String.valueOf(year), String.valueOf(birth.getYear()))));
        }
        Boolean female = female(schema, f, item, data);
        if (female != null && female != PersonalIdNumbers.female(id)) {
            out.add(new Finding(path, Severity.ERROR, "assistant.check.id.sex",
                    List.of(String.valueOf(id.charAt(3)), PersonalIdNumbers.female(id) ? "nu" : "nam", female ? "nu" : "nam")));
        }
    }

    /** The sex given for the ID's holder: a gender field beside it, the applicant's form-level gender, or the role. */
    static Boolean female(FormSchemas.Schema schema, FormSchemas.Field f, Map<String, Object> item, Map<String, Object> data) {
        Object g = item != null ? item.get("gender") : value(data, sibling(f, "gender"));
        if (g == null && f.group().equals("applicant") && schema.field("gender") != null) {
            g = value(data, "gender");
        }
        if (g != null && !g.toString().isBlank()) {
            String s = g.toString().strip().toUpperCase(Locale.ROOT);
            if (s.equals("NU") || s.equals("NỮ") || s.equals("F") || s.equals("FEMALE")) {
                return true;
            }
            if (s.equals("NAM") || s.equals("M") || s.equals("MALE")) {
                return false;
            }
            return null;
        }
        String role = f.group().contains(".") ? f.group().substring(f.group().lastIndexOf('.') + 1) : f.group();
        return switch (role) {
            case "mother", "bride" -> true;
            case "father", "groom" -> false;
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------ phone

    static void phone(String path, String value, List<Finding> out) {
        String p = value.replaceAll("[\\s.()-]", "");
        if (p.startsWith("+84")) {
            p = "0" + p.substring(3);
        } else if (p.startsWith("84") && p.length() == 11) {
            p = "0" + p.substring(2);
        }
        if (!p.matches("\\d{10}")) {
            out.add(new Finding(path, Severity.ERROR, "assistant.check.phone.format", List.of(value)));
        } else if (!MOBILE.matcher(p).matches()) {
            out.add(new Finding(path, Severity.ERROR, "assistant.check.phone.prefix", List.of(p.substring(0, 3))));
        }
    }

    // ------------------------------------------------------------------------------------------ documents

    /** Generic words of document names that say nothing of which document it is. */
    static final Set<String> GENERIC = Set.of("giay", "ban", "sao", "chinh", "cua", "va", "hoac", "cac", "co", "theo", "qui",
            "dinh", "to", "van", "nguoi", "yeu", "cau", "tu", "trong", "mot", "so", "thi", "la", "duoc", "cho", "voi", "ve", "pdf",
            "jpg", "png", "doc", "docx");
    /** How the catalogue's notes begin (they were parsed as documents): never a document of their own. */
    static final List<String> NOTES = List.of("truong hop", "doi voi", "vi du", "luu y", "ca nhan co quyen", "nguoi tiep nhan",
            "co quan", "nguoi yeu cau", "khong yeu cau", "neu ");
    /** The declaration itself: the e-form is it. */
    static final List<String> DECLARATION = List.of("to khai", "don de nghi", "don yeu cau", "don xin", "phieu yeu cau",
            "van ban de nghi", "to trinh");

    static void documents(List<RequiredDocument> required, List<String> provided, List<Finding> out) {
        List<Set<String>> given = new ArrayList<>();
        for (String p : provided == null ? List.<String>of() : provided) {
            given.add(words(p));
        }
        int conditional = 0;
        Set<String> seen = new HashSet<>();
        for (RequiredDocument d : required) {
            String title = title(d.name());
            String folded = fold(title);
            if (d.presentOnly() || d.count() == 0 || title.length() < 6 || DECLARATION.stream().anyMatch(folded::startsWith)
                    || !seen.add(folded)) {
                continue;
            }
            if (d.condition() != null || NOTES.stream().anyMatch(folded::startsWith) || folded.contains("truong hop")) {
                conditional++;
                continue;
            }
            if (!covered(words(title), given)) {
                out.add(new Finding(null, Severity.WARNING, "assistant.check.document.missing", List.of(title)));
            }
        }
        if (conditional > 0) {
            out.add(new Finding(null, Severity.INFO, "assistant.check.document.conditional", List.of(conditional)));
        }
    }

    /** The document's name up to its first clause ("Giấy chứng sinh; trường hợp không có…" → "Giấy chứng sinh"). */
    static String title(String name) {
        String t = name == null ? "" : name.strip();
        for (String sep : new String[] {";", ". ", " (", ":"}) {
            int i = t.indexOf(sep);
            if (i > 0) {
                t = t.substring(0, i);
            }
        }
        t = t.strip();
        return t.length() > 120 ? t.substring(0, 117) + "…" : t;
    }

    /** Covered when most of the document's telling words are in one attached name ("giay-chung-sinh.pdf"). */
    static boolean covered(Set<String> document, List<Set<String>> given) {
        Set<String> telling = new HashSet<>(document);
        telling.removeAll(GENERIC);
        if (telling.isEmpty()) {
            telling = document;
        }
        for (Set<String> g : given) {
            long hit = telling.stream().filter(g::contains).count();
            if (hit > 0 && hit * 10 >= telling.size() * 6L) {
                return true;
            }
        }
        return false;
    }

    static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : fold(s).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The platform's fold: the document names and the attached file names meet on the same key. */
    static String fold(String s) {
        return VietnameseText.fold(s);
    }

    // ------------------------------------------------------------------------------------------ data access

    interface ValueVisitor {
        void visit(String path, Map<String, Object> item, String value);
    }

    /** Calls back once per non-blank value: once for a plain field, once per item of a repeatable group. */
    @SuppressWarnings("unchecked")
    static void forEachValue(FormSchemas.Field f, Map<String, Object> data, ValueVisitor visitor) {
        if (f.repeatable()) {
            Object list = value(data, f.group());
            if (list instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> m) {
                        Object v = m.get(f.name());
                        if (v != null && !v.toString().isBlank()) {
                            visitor.visit(f.group() + "[" + i + "]." + f.name(), (Map<String, Object>) m, v.toString());
                        }
                    }
                }
            }
            return;
        }
        Object v = value(data, f.path());
        if (v != null && !v.toString().isBlank()) {
            visitor.visit(f.path(), null, v.toString());
        }
    }

    static String sibling(FormSchemas.Field f, String name) {
        return f.group().isEmpty() ? name : f.group() + "." + name;
    }

    static Object value(Map<String, Object> data, String path) {
        Object cur = data;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static LocalDate date(Object v) {
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        String s = v.toString().strip();
        try {
            return s.contains("/") ? LocalDate.parse(s, VN) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null; // the e-form's own validation reports a malformed date
        }
    }

    static String show(LocalDate d) {
        return d.format(VN);
    }
}
