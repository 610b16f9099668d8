package vn.motcua.assistant.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.assistant.appraisal.Appraisal.Finding;
import vn.motcua.assistant.appraisal.Appraisal.FindingKind;
import vn.motcua.assistant.appraisal.ProcedureRules.IdentityField;

/**
 * Compares what the form says (names, ID numbers, dates) with the text read from the attachments. Tolerant of OCR:
 * names are compared without diacritics, forgiving one wrong character or two OCR confusions ({@link #ocrDistance});
 * ID numbers and dates must be exact.
 */
final class Consistency {

    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d{9,12}(?!\\d)");
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?!\\d)");
    private static final Pattern WORDY_DATE = Pattern.compile("ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})");

    private Consistency() {
    }

    /** A read document: its file name and text. */
    record Text(String file, String text) {
    }

    static List<Finding> compare(List<IdentityField> fields, Map<String, Object> form, List<Text> texts) {
        List<Finding> out = new ArrayList<>();
        if (texts.isEmpty()) {
            return out;
        }
        for (IdentityField f : fields) {
            String value = RuleEngine.text(form, f.field());
            if (value == null) {
                continue;
            }
            Finding finding = switch (f.kind()) {
                case NAME -> name(f, value, texts);
                case ID -> id(f, value, texts);
                case DATE -> date(f, value, texts);
            };
            if (finding != null) {
                out.add(finding);
            }
        }
        return out;
    }

    private static Finding name(IdentityField f, String value, List<Text> texts) {
        String want = DocumentMatcher.fold(value);
        String[] wantWords = want.split(" ");
        String closest = null;
        String closestFile = null;
        int closestDistance = Integer.MAX_VALUE;
        for (Text t : texts) {
            String[] words = DocumentMatcher.fold(t.text()).replaceAll("[^a-z0-9 ]", " ").strip().split("\\s+");
            for (int i = 0; i + wantWords.length <= words.length; i++) {
                String window = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + wantWords.length));
                if (ocrDistance(want, window) <= 2) {
                    return null;
                }
                int d = distance(want, window);
                if (d < closestDistance) {
                    closestDistance = d;
                    closest = window;
                    closestFile = t.file();
                }
            }
        }
        if (closest != null && closestDistance <= Math.max(2, want.length() * 3 / 10)) {
            return new Finding(FindingKind.DISAGREES, f.label(), value, closestFile,
                    f.label() + " trên tờ khai là \"" + value + "\", giấy tờ " + closestFile + " ghi gần giống \"" + closest + "\".");
        }
        return new Finding(FindingKind.NOT_FOUND, f.label(), value, null,
                "Không thấy " + lower(f.label()) + " \"" + value + "\" trong các giấy tờ đã đọc.");
    }

    private static Finding id(IdentityField f, String value, List<Text> texts) {
        String want = value.replaceAll("\\D", "");
        Set<String> seen = new LinkedHashSet<>();
        String seenFile = null;
        for (Text t : texts) {
            Matcher m = DIGITS.matcher(t.text().replaceAll("(?<=\\d) (?=\\d)", ""));
            while (m.find()) {
                if (m.group().equals(want)) {
                    return null;
                }
                if (m.group().length() == want.length()) {
                    seen.add(m.group());
                    seenFile = seenFile == null ? t.file() : seenFile;
                }
            }
        }
        if (!seen.isEmpty()) {
            return new Finding(FindingKind.DISAGREES, f.label(), value, seenFile,
                    f.label() + " trên tờ khai là " + value + ", giấy tờ " + seenFile + " ghi " + String.join(", ", seen) + ".");
        }
        return new Finding(FindingKind.NOT_FOUND, f.label(), value, null,
                "Không thấy " + lower(f.label()) + " " + value + " trong các giấy tờ đã đọc.");
    }

    private static Finding date(IdentityField f, String value, List<Text> texts) {
        LocalDate want = RuleEngine.date(value);
        if (want == null) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        String seenFile = null;
        for (Text t : texts) {
            for (Pattern p : List.of(DATE, WORDY_DATE)) {
                Matcher m = p.matcher(p == WORDY_DATE ? DocumentMatcher.fold(t.text()) : t.text());
                while (m.find()) {
                    try {
                        LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(1)));
                        if (d.equals(want)) {
                            return null;
                        }
                        seen.add(VN_DATE.format(d));
                        seenFile = seenFile == null ? t.file() : seenFile;
                    } catch (java.time.DateTimeException ignored) {
                        // not a date
                    }
                }
            }
        }
        String shown = VN_DATE.format(want);
        if (!seen.isEmpty()) {
            return new Finding(FindingKind.DISAGREES, f.label(), shown, seenFile,
                    f.label() + " trên tờ khai là " + shown + ", giấy tờ chỉ ghi " + String.join(", ", seen) + ".");
        }
        return new Finding(FindingKind.NOT_FOUND, f.label(), shown, null,
                "Không thấy " + lower(f.label()) + " " + shown + " trong các giấy tờ đã đọc.");
    }

    static final java.time.format.DateTimeFormatter VN_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static final String VOWELS = "aeiouy";
    /** Pairs of a letter and the two letters OCR reads for it (or the reverse): the classic glyph confusions. */
    private static final String[][] GLYPHS = {{"u", "li"}, {"m", "rn"}, {"d", "cl"}, {"w", "vv"}};

    /**
     * Edit distance in half steps, as OCR errs on folded Vietnamese: a vowel read as another vowel costs 1 (a stacked
     * diacritic misread changes the base letter: "Phạm" → "phim", "Hồng" → "hung"), so does a letter read as its
     * two-letter look-alike ("ư" → "li", "m" → "rn"); any other edit costs 2. A name counts as the same within 2: one
     * ordinary slip, or two OCR confusions.
     */
    static int ocrDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = 2 * (i + j);
                    continue;
                }
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                int cost = x == y ? 0 : VOWELS.indexOf(x) >= 0 && VOWELS.indexOf(y) >= 0 ? 1 : 2;
                int best = Math.min(Math.min(d[i][j - 1] + 2, d[i - 1][j] + 2), d[i - 1][j - 1] + cost);
                for (String[] g : GLYPHS) {
                    if (j >= 2 && a.substring(i - 1, i).equals(g[0]) && b.substring(j - 2, j).equals(g[1])) {
                        best = Math.min(best, d[i - 1][j - 2] + 1);
                    }
                    if (i >= 2 && a.substring(i - 2, i).equals(g[1]) && b.substring(j - 1, j).equals(g[0])) {
                        best = Math.min(best, d[i - 2][j - 1] + 1);
                    }
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
