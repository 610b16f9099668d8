package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import vn.motcua.assistant.Answers;

/**
 * Siblings neither of which is a subset of the other: two close answers whose names share most of their words and each
 * add a part of their own ("Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm" / "… hộ thoát nghèo, hộ thoát cận
 * nghèo định kỳ hằng năm"). When the question names neither part, guessing is a coin toss: ask, with each sibling's own
 * part as its option. (A sibling whose name holds the other's and more is the marked variant, ranked lower instead:
 * {@link Ranker#siblings}.)
 */
final class SiblingClarifier {

    /** The share of the shorter name's word pairs the two names must share to be siblings. */
    static final double SHARED = 0.6;
    /**
     * Words of a level or a place of performance: not a difference the citizen tells (the level prior chooses by their
     * unit), so names that differ only by them are no siblings to ask about ("… (cấp huyện)" / "… (cấp xã)").
     */
    static final Set<String> LEVEL_WORDS = Set.of("cap", "xa", "huyen", "tinh", "trung", "uong", "thuc", "hien", "tai",
            "phuong", "quan", "thanh", "pho");
    /** Longest option label, in characters: beyond it the own part is cut at a word. */
    static final int LABEL = 90;

    private SiblingClarifier() {
    }

    /**
     * @param business whether the question names a business: otherwise a procedure only organisations may apply for is no
     *                 reading of a citizen's question to offer
     */
    static Answers.Clarify clarify(List<Ranker.Candidate> close, Set<String> questionPairs, boolean business,
                                   MessageSource messages, Locale locale) {
        ProcedureIndex.Meta a = close.get(0).meta();
        List<ProcedureIndex.Meta> group = new ArrayList<>(List.of(a));
        for (Ranker.Candidate c : close.subList(1, close.size())) {
            if (!business && c.meta().applicants() == ProcedureIndex.Applicants.ORGANISATIONS) {
                continue;
            }
            if (siblings(a, c.meta(), questionPairs)
                    && group.stream().allMatch(g -> g == a || siblings(g, c.meta(), questionPairs))) {
                group.add(c.meta());
            }
        }
        if (group.size() < 2) {
            return null;
        }
        List<Answers.Option> options = new ArrayList<>();
        for (ProcedureIndex.Meta m : group) {
            Set<String> others = new HashSet<>();
            group.stream().filter(g -> g != m).forEach(g -> others.addAll(g.nameBigrams()));
            options.add(new Answers.Option(ownPart(m, others), List.of(m.code())));
        }
        return new Answers.Clarify(messages.getMessage("assistant.clarify.sibling.question", null,
                "Which of these do you mean?", locale), options);
    }

    /**
     * Two names sharing at least {@link #SHARED} of the shorter one's word pairs, each adding content words of its own
     * (not function words, not a level), neither adding a marker ("điều chỉnh", "cấp lại"…: that one is the marked
     * variant, ranked lower by {@link Ranker#markedness}), and the question naming none of either's own pairs.
     */
    static boolean siblings(ProcedureIndex.Meta a, ProcedureIndex.Meta b, Set<String> questionPairs) {
        Set<String> onlyA = new HashSet<>(a.nameBigrams());
        onlyA.removeAll(b.nameBigrams());
        Set<String> onlyB = new HashSet<>(b.nameBigrams());
        onlyB.removeAll(a.nameBigrams());
        if (!ownContent(onlyA, b) || !ownContent(onlyB, a)) {
            return false;
        }
        int shared = a.nameBigrams().size() - onlyA.size();
        int shorter = Math.min(a.nameBigrams().size(), b.nameBigrams().size());
        return shared >= SHARED * shorter && onlyA.stream().noneMatch(questionPairs::contains)
                && onlyB.stream().noneMatch(questionPairs::contains);
    }

    private static boolean ownContent(Set<String> own, ProcedureIndex.Meta other) {
        boolean content = false;
        for (String pair : own) {
            if (Ranker.MARKERS.contains(pair)) {
                return false;
            }
            for (String w : pair.split(" ")) {
                if (Ranker.MARKERS.contains(w)) {
                    return false;
                }
                if (!other.nameUnigrams().contains(w) && !QueryReader.STOP.contains(w) && !LEVEL_WORDS.contains(w)) {
                    content = true;
                }
            }
        }
        return content;
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * The name from its first word pair the others lack, in the name's own spelling ("… thường xuyên hằng năm"); the
     * whole name when it differs from the start.
     */
    static String ownPart(ProcedureIndex.Meta m, Set<String> others) {
        String name = VietnameseAnalysis.normalize(m.name());
        List<Integer> starts = new ArrayList<>();
        Matcher w = WORD.matcher(name);
        while (w.find()) {
            starts.add(w.start());
        }
        List<String> f = m.nameFolded();
        int from = 0;
        if (f.size() == starts.size()) { // the index may read a name longer than it is written (abbreviations)
            for (int i = 0; i + 1 < f.size(); i++) {
                if (!others.contains(f.get(i) + " " + f.get(i + 1))) {
                    from = i;
                    break;
                }
            }
        }
        String part = name.substring(starts.isEmpty() ? 0 : starts.get(from)).strip();
        if (part.indexOf(" (") > 0) { // a parenthesis lists what the case covers: the part before it tells the case
            part = part.substring(0, part.indexOf(" ("));
        }
        if (part.length() > LABEL) {
            int cut = part.lastIndexOf(' ', LABEL);
            part = part.substring(0, cut > 0 ? cut : LABEL).replaceAll("[,;:]$", "") + " …";
        }
        return from == 0 ? part : "… " + part;
    }
}
