package vn.motcua.assistant.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a procedure's name says beyond its act and its object, read from how the catalogue writes names: the case it is
 * limited to ("Đăng ký đất đai lần đầu <b>đối với trường hợp được Nhà nước giao đất để quản lý</b>", "… lần đầu <b>đối với
 * hộ gia đình, cá nhân</b>"). A question that names nothing of that case is not asking for that variant.
 */
final class NameStructure {

    private NameStructure() {
    }

    /** The catalogue's clause of a case or an applicant: from "đối với" or "trong trường hợp" to the next ";" or "(". */
    private static final Pattern CASE = Pattern.compile("(?i)(?:đối với trường hợp|trong trường hợp|trong các trường hợp)\\s+([^;(]+)");

    /** The folded word pairs of the name's case clause (empty when the name has none). */
    static Set<String> caseClause(String name) {
        String n = VietnameseAnalysis.normalize(name);
        Matcher m = CASE.matcher(n);
        if (!m.find()) {
            return Set.of();
        }
        Set<String> pairs = pairs(m.group(1));
        // only what the clause adds to the rest of the name ("… sử dụng đất" of the certificate is not the case)
        pairs.removeAll(pairs(n.substring(0, m.start()) + " " + n.substring(m.end())));
        return Set.copyOf(pairs);
    }

    private static Set<String> pairs(String text) {
        List<String> f = ProcedureIndex.words(text).stream().map(ProcedureIndex::foldWord).toList();
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < f.size(); i++) {
            if (!(QueryReader.STOP.contains(f.get(i)) && QueryReader.STOP.contains(f.get(i + 1)))) {
                pairs.add(f.get(i) + " " + f.get(i + 1));
            }
        }
        return pairs;
    }

    /** A name limited to a case the question names nothing of (no word pair of the clause). */
    static boolean unaskedCase(Set<String> clause, Set<String> questionPairs) {
        return !clause.isEmpty() && clause.stream().noneMatch(questionPairs::contains);
    }

    /**
     * The name's leading act, the word pair it opens with after "thủ tục" ("kiểm định" in "Kiểm định khí thải xe mô tô…",
     * "đăng ký" in "Thủ tục đăng ký khai tử"); null for a name shorter than that.
     */
    static String leadingAct(List<String> nameFolded) {
        int i = nameFolded.size() >= 2 && nameFolded.get(0).equals("thu") && nameFolded.get(1).equals("tuc") ? 2 : 0;
        return i + 1 < nameFolded.size() ? nameFolded.get(i) + " " + nameFolded.get(i + 1) : null;
    }
}
