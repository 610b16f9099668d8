package vn.motcua.assistant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a candidate answers the question at all (the "no match" decision) and why it was chosen (the runs of its name
 * that the question's word pairs covered).
 */
final class Evidence {

    private Evidence() {
    }

    /**
     * The best answer must share a word pair with the question (in the name, or two in the other texts); below
     * {@link RankingWeights#minScore} one shared pair is not enough ("bóng đá" in a betting licence is no answer to a
     * match).
     */
    static boolean matches(Ranker.Candidate c, RankingWeights w) {
        return c.nameBigrams() >= 2 || (c.nameBigrams() >= 1 || c.bodyBigrams() >= 2) && c.score() >= w.minScore();
    }

    /**
     * The best answer answers the question: it {@link #matches}, and when its name covers less than half the question's
     * spans ("phạt nguội xe máy": a fine, no procedure, against a vehicle procedure that has only "xe máy"), it scores
     * like an answer (at least {@link RankingWeights#partialScore}, just below the tuning half's weakest right answer of
     * that kind).
     */
    static boolean answers(Ranker.Candidate best, RankingWeights w) {
        return matches(best, w) && (best.coverage() >= w.coverage() || best.score() >= w.partialScore());
    }

    /**
     * A third of the question's content words unknown to every procedure and to the lexicon: calibrated on the tuning
     * half, whose no-match questions with unknown words are at 1/3 and above and whose answerable ones all at 0.
     */
    static final double UNFAMILIAR = 1.0 / 3;

    /**
     * No match whatever the score when the question is largely about words no procedure uses and the best answer shares
     * fewer than two word pairs of its name with it ("mua điện thoại iphone ở đâu rẻ").
     */
    static boolean unfamiliar(QueryReader.Reading reading, Ranker.Candidate best) {
        return reading.unfamiliar() >= UNFAMILIAR - 1e-9 && best.nameBigrams() < 2;
    }

    /**
     * No match when the best answer shares word pairs with the question but every one of them is generic
     * ({@link ProcedureIndex#generic}: "thủ tục", "giấy tờ"): nothing in the question names its topic.
     */
    static boolean onlyGeneric(Ranker.Candidate best) {
        return !best.specific();
    }

    /** The runs of the name whose syllables matched (a word pair, or a significant syllable), in the name's spelling. */
    static List<String> why(ProcedureIndex.Meta m, Set<String> unigrams, Set<String> bigrams) {
        List<String> folded = m.nameFolded();
        boolean[] mark = new boolean[folded.size()];
        for (int i = 0; i + 1 < folded.size(); i++) {
            if (bigrams.contains(folded.get(i) + " " + folded.get(i + 1))) {
                mark[i] = true;
                mark[i + 1] = true;
            }
        }
        // single syllables are too ambiguous without diacritics to show as a reason: only word pairs are shown
        Map<String, Boolean> runs = new LinkedHashMap<>();
        int i = 0;
        while (i < folded.size()) {
            if (!mark[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < folded.size() && mark[j]) {
                j++;
            }
            runs.put(String.join(" ", m.nameWords().subList(i, j)), true);
            i = j;
        }
        return runs.keySet().stream().limit(3).toList();
    }
}
