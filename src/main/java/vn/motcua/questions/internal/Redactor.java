package vn.motcua.questions.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a question or an answer and replaces it with a placeholder, before the officer confirms the
 * text for publication: e-mail addresses, 12-digit personal ID numbers (and 9-digit numbers named as ID cards), phone
 * numbers (Vietnamese mobile and landline, with or without +84 and separators), names after common titles and
 * honorifics (ông, bà, anh, chị, cô, chú, bác, em, cháu, cụ, "tên là", "tôi là", "họ tên"), house-number addresses
 * ("số 12 Lê Lợi", "12/3 Nguyễn Trãi", "45 đường Hai Bà Trưng", "nhà số 7 ngõ 10"), and the asker's own name
 * wherever it appears. It errs on the side of hiding: the officer may give back words wrongly hidden (a place such as
 * Bà Rịa), and publication is refused while a phone number, an ID number or an e-mail address remains
 * ({@link #strongFindings}).
 */
public final class Redactor {

    public enum Kind {
        EMAIL("[email]"), PERSONAL_ID("[số định danh]"), PHONE("[số điện thoại]"), NAME("[họ tên]"),
        ADDRESS("[địa chỉ]");

        final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    /** One piece of personal data found: what kind, where, and the text that was there. */
    public record Finding(Kind kind, int start, int end, String text) {
    }

    public record Result(String text, List<Finding> findings) {
    }

    private static final String UPPER_WORD = "\\p{Lu}[\\p{L}\\p{M}]*";
    private static final String NAME = UPPER_WORD + "(?:[ \\t]+" + UPPER_WORD + "){0,4}";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern ID12 = Pattern.compile("(?<![\\p{N}])\\p{N}{12}(?![\\p{N}])");
    private static final Pattern ID_NAMED = Pattern.compile(
            "(?iu)(?<=(?:cmnd|cccd|căn cước|chứng minh nhân dân|định danh|hộ chiếu)(?: công dân)?(?: số)?:?\\s{1,3})"
                    + "[A-Z]?\\d{8,12}(?![\\p{N}])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}+])(?:\\+84|0084|84|0)(?:[ .-]?\\d){8,10}(?![\\p{N}])");
    private static final Pattern TITLED_NAME = Pattern.compile(
            "(?<![\\p{L}])(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]ô|[Cc]hú|[Bb]ác|[Ee]m|[Cc]háu|[Cc]ụ|[Tt]ên là|[Tt]ên tôi là"
                    + "|[Tt]ôi là|[Tt]ôi tên|[Hh]ọ và tên:?|[Hh]ọ tên:?|[Ss]inh viên|[Cc]ông dân)[ \\t]+(" + NAME + ")");
    private static final String STREET_WORDS = "(?:đường|Đường|phố|Phố|ngõ|Ngõ|hẻm|Hẻm|ngách|Ngách|kiệt|Kiệt|tổ|Tổ|ấp|Ấp"
            + "|khu phố|Khu phố|thôn|Thôn|xóm|Xóm)";
    private static final String HOUSE_NUMBER = "\\d{1,5}[A-Za-z]?(?:[/-]\\d{1,5}[A-Za-z]?)*";
    /** A house number that ends there (not "20/2008/NĐ-CP", not "766/QĐ-TTg"). */
    private static final String HN = HOUSE_NUMBER + "(?![\\p{L}\\p{N}/-])";
    private static final Pattern ADDRESS = Pattern.compile(
            // "số nhà 12 ...", "nhà số 7 ...", "địa chỉ: 12 Lê Lợi"
            "(?:(?:[Ss]ố nhà|[Nn]hà số|[Đđ]ịa chỉ:?)[ \\t]+" + HN
                    + "(?:[ \\t,]+(?:" + STREET_WORDS + "[ \\t]+)?(?:" + NAME + "|\\d{1,5}))?)"
                    // "số 12 Lê Lợi", "số 5 hẻm 3"
                    + "|(?:(?<![\\p{L}])[Ss]ố[ \\t]+" + HN + "[ \\t,]+(?:" + STREET_WORDS + "[ \\t]+)?(?:" + NAME + "|\\d{1,5}))"
                    // "45 đường Hai Bà Trưng", "7 ngõ 10"
                    + "|(?:(?<![\\p{L}\\p{N}/])" + HN + "[ \\t]+" + STREET_WORDS + "[ \\t]+(?:" + NAME + "|\\d{1,5}))"
                    // "12/3 Nguyễn Trãi"
                    + "|(?:(?<![\\p{L}\\p{N}/])\\d{1,5}[A-Za-z]?(?:/\\d{1,5}[A-Za-z]?)+(?![\\p{L}\\p{N}/-])[ \\t]+" + NAME + ")"
                    // "12 Lê Lợi": a number and at least two capitalised words, not a legal reference
                    + "|(?:(?<![\\p{L}\\p{N}/])(?<!(?:[Đđ]iều|[Kk]hoản|[Đđ]iểm|[Cc]hương|[Mm]ục|[Pp]hần|[Mm]ẫu|[Ss]ố|[Nn]ăm|[Nn]gày|[Tt]háng) )"
                    + "\\d{1,4}[A-Za-z]?[ \\t]+" + UPPER_WORD + "[ \\t]+" + UPPER_WORD + "(?:[ \\t]+" + UPPER_WORD + "){0,3})");

    /** Places and streets that begin with a title word: not names (folded "title first-word"). */
    private static final java.util.Set<String> PLACES = java.util.Set.of("ba ria", "ba chieu", "ba diem", "ba trung",
            "ba den", "ba hom", "ba queo", "ong lanh", "co to", "co giang", "co bac", "ba huyen");

    private Redactor() {
    }

    /** Redacts {@code text}; {@code knownName} (the asker's name, may be null) is hidden wherever it occurs. */
    public static Result redact(String text, String knownName) {
        if (text == null || text.isEmpty()) {
            return new Result(text == null ? "" : text, List.of());
        }
        List<Finding> found = new ArrayList<>();
        add(found, EMAIL, text, Kind.EMAIL, 0);
        add(found, ID12, text, Kind.PERSONAL_ID, 0);
        add(found, ID_NAMED, text, Kind.PERSONAL_ID, 0);
        add(found, PHONE, text, Kind.PHONE, 0);
        add(found, TITLED_NAME, text, Kind.NAME, 1);
        add(found, ADDRESS, text, Kind.ADDRESS, 0);
        if (knownName != null && knownName.strip().length() >= 3) {
            String needle = knownName.strip().toLowerCase(Locale.ROOT);
            String hay = text.toLowerCase(Locale.ROOT);
            for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length())) {
                found.add(new Finding(Kind.NAME, i, i + needle.length(), text.substring(i, i + needle.length())));
            }
        }
        // Earlier first, and of two overlapping findings the one found by the stronger rule (listed first) wins.
        List<Finding> kept = new ArrayList<>();
        found.stream().sorted(Comparator.comparingInt(Finding::start).thenComparing(f -> -(f.end() - f.start())))
                .forEach(f -> {
                    if (kept.isEmpty() || f.start() >= kept.get(kept.size() - 1).end()) {
                        kept.add(f);
                    } else {
                        Finding last = kept.get(kept.size() - 1);
                        if (f.end() > last.end()) { // overlap that reaches further: widen the hidden span
                            kept.set(kept.size() - 1, new Finding(last.kind(), last.start(), f.end(),
                                    text.substring(last.start(), f.end())));
                        }
                    }
                });
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : kept) {
            out.append(text, at, f.start()).append(f.kind().placeholder());
            at = f.end();
        }
        out.append(text.substring(at));
        return new Result(out.toString(), List.copyOf(kept));
    }

    /**
     * What must never be published, found in a text the officer confirmed: e-mail addresses, ID numbers, phone
     * numbers. (Names and addresses are the officer's judgement: the detector over-hides them.)
     */
    public static List<Finding> strongFindings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        add(found, EMAIL, text, Kind.EMAIL, 0);
        add(found, ID12, text, Kind.PERSONAL_ID, 0);
        add(found, ID_NAMED, text, Kind.PERSONAL_ID, 0);
        add(found, PHONE, text, Kind.PHONE, 0);
        return found;
    }

    private static void add(List<Finding> out, Pattern p, String text, Kind kind, int group) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            if (kind == Kind.NAME) {
                String first = text.substring(m.start(), e).split("[ \\t]+")[0] + " " + m.group(group).split("[ \\t]+")[0];
                if (PLACES.contains(vn.motcua.platform.text.VietnameseText.fold(first))) {
                    continue;
                }
            }
            if (kind == Kind.PHONE) {
                String digits = m.group().replaceAll("\\D", "");
                int national = digits.startsWith("0084") ? digits.length() - 4 + 1
                        : digits.startsWith("84") ? digits.length() - 2 + 1 : digits.length();
                if (national < 10 || national > 11) {
                    continue;
                }
            }
            out.add(new Finding(kind, s, e, text.substring(s, e)));
        }
    }
}
