package vn.motcua.assistant.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.platform.text.VietnameseText;

/**
 * Recognises which required document a file is: by keywords (from the procedure's rules file, or derived from the
 * document's name) found in the file's name or in the text read from it.
 */
final class DocumentMatcher {

    private DocumentMatcher() {
    }

    /**
     * The rules' hint for a catalogue document (its folded name contains the hint's {@code match}), or null. When
     * several match, the one named first in the document's name: "Văn bản ủy quyền … (người được ủy quyền phải xuất
     * trình Thẻ Căn cước …)" is the power of attorney, not the ID card it mentions.
     */
    static ProcedureRules.DocumentHint hint(ProcedureRules rules, RequiredDocument doc) {
        String name = fold(doc.name());
        ProcedureRules.DocumentHint best = null;
        int bestAt = Integer.MAX_VALUE;
        for (ProcedureRules.DocumentHint h : rules.documents()) {
            int at = name.indexOf(fold(h.match()));
            if (at >= 0 && at < bestAt) {
                best = h;
                bestAt = at;
            }
        }
        return best;
    }

    /** The files recognised, by their name, as a document the rules call a photo (no text to read). */
    static java.util.Set<String> photoFiles(ProcedureRules rules, List<AppraisalQueries.Attachment> files) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ProcedureRules.DocumentHint h : rules.documents()) {
            if (h.photo()) {
                List<String> keywords = h.keywords().stream().map(DocumentMatcher::fold).toList();
                files.stream().filter(f -> matches(keywords, f.fileName(), null)).forEach(f -> out.add(f.fileName()));
            }
        }
        return out;
    }

    /** Folded phrases that identify the document. */
    static List<String> keywords(RequiredDocument doc, ProcedureRules.DocumentHint hint) {
        if (hint != null && !hint.keywords().isEmpty()) {
            return hint.keywords().stream().map(DocumentMatcher::fold).toList();
        }
        // cut at the first punctuation before folding: folding turns punctuation into spaces
        String head = fold(doc.name().replaceFirst("^[-\\s]+", "").split("[;:(.,]")[0]);
        head = head.split(" hoac | trong truong hop | doi voi ")[0].strip();
        for (String prefix : List.of("ban sao ", "ban chinh ", "ban chup ", "01 ", "02 ")) {
            if (head.startsWith(prefix)) {
                head = head.substring(prefix.length());
            }
        }
        String[] words = head.split("\\s+");
        if (words.length > 5) {
            head = String.join(" ", java.util.Arrays.copyOf(words, 5));
        }
        return head.length() < 6 ? List.of() : List.of(head);
    }

    /**
     * Keywords the form gives for a document whose hint names a form field ({@code namedBy}): the first three words of
     * each value ("Bằng tốt nghiệp trung học phổ thông" → "bang tot nghiep"), as a file is named by what it is.
     */
    static List<String> namedBy(ProcedureRules.DocumentHint hint, java.util.Map<String, Object> form) {
        if (hint == null || hint.namedBy() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object v : RuleEngine.values(form, hint.namedBy())) {
            String[] words = fold(v == null ? "" : v.toString()).split(" ");
            String head = String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length))).strip();
            if (head.length() >= 6) {
                out.add(head);
            }
        }
        return out;
    }

    /** Whether a file is this document: a keyword in its name (separators as spaces) or in the first 600 folded chars of its text. */
    static boolean matches(List<String> keywords, String fileName, String text) {
        if (keywords.isEmpty()) {
            return false;
        }
        String name = fold(fileName == null ? "" : fileName.replaceAll("\\.[A-Za-z0-9]{2,4}$", "").replaceAll("[-_.]+", " "));
        String head = text == null ? "" : fold(text.length() > 600 ? text.substring(0, 600) : text);
        for (String k : keywords) {
            if (name.contains(k) || (!head.isEmpty() && head.contains(k))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTheForm(RequiredDocument doc) {
        String f = fold(doc.name()).replaceFirst("^[-\\s]+", "");
        return f.startsWith("to khai") || f.startsWith("mau ho tich dien tu") || f.startsWith("don de nghi");
    }

    static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetter).count();
    }

    /** The published text names a case ("Trường hợp …", "… trong trường hợp …", "(nếu có)"). */
    static boolean conditional(String name) {
        String f = fold(name).replaceFirst("^[-\\s*]+", "");
        return f.startsWith("truong hop") || f.startsWith("doi voi") || f.startsWith("neu ") || f.contains(" trong truong hop ")
                || f.contains(" doi voi truong hop ") || f.contains("(neu co)") || f.contains(" doi voi nguoi ");
    }

    static String firstClause(String name) {
        String s = name.replaceFirst("^[-\\s*]+", "").strip();
        int cut = s.indexOf('.');
        s = cut > 0 ? s.substring(0, cut) : s;
        return s.length() > 200 ? s.substring(0, 197) + "…" : s;
    }

    /**
     * Whether a document's heading (the catalogue's condition: "Hồ sơ đăng ký tạm trú gồm:", "Đăng ký thường trú vào chỗ
     * ở hợp pháp do thuê, mượn, ở nhờ") is the case of this dossier: the form's case text (from the rules' {@code case})
     * when the procedure has one, else the general case ("Hồ sơ … gồm").
     */
    static boolean mainCase(String condition, String caseText) {
        String c = fold(condition);
        if (caseText != null) {
            return c.contains(fold(caseText));
        }
        return c.startsWith("ho so") || c.startsWith("* ho so");
    }

    static String fold(String s) {
        return s == null ? "" : VietnameseText.fold(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    static List<String> fileNames(List<AppraisalQueries.Attachment> files) {
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.fileName()));
        return names;
    }
}
