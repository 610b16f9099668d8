package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Round 13: the third answer is not a near-twin of the second (round 15: nor of the first). When the next candidate is a
 * near-identical sibling of either ("Cấp giấy phép sát hạch cho trung tâm sát hạch lái xe loại 1, loại 2" / "… loại 3"),
 * the third place goes to the first candidate that differs; the twin follows it. The first answer's own sibling may still
 * be second (it is often the right one among a few close variants). Measured on every seen set's leave-one-set-out figures (docs/assistant.md, round 13).
 */
final class AnswerOrder {

    private AnswerOrder() {
    }

    /** Names sharing at least this share of their word pairs (Jaccard) are twins. 0.5 and 0.4 cost a 5th-set top-3. */
    static final double TWINS = 0.6;

    static List<Ranker.Candidate> third(List<Ranker.Candidate> ranked) {
        if (ranked.size() < 4) {
            return ranked;
        }
        Set<String> first = ranked.get(0).meta().nameBigrams();
        Set<String> second = ranked.get(1).meta().nameBigrams();
        if (!twinOf(ranked.get(2), first, second)) {
            return ranked;
        }
        for (int i = 3; i < ranked.size(); i++) {
            if (!twinOf(ranked.get(i), first, second)) {
                List<Ranker.Candidate> out = new ArrayList<>(ranked.subList(0, 2));
                out.add(ranked.get(i));
                out.addAll(ranked.subList(2, i));
                out.addAll(ranked.subList(i + 1, ranked.size()));
                return out;
            }
        }
        return ranked;
    }

    /**
     * Round 15: the third answer is the procedure people who asked alike needed ({@link ExampleEvidence#nearest}) when
     * the first two are others: the ranking's third is most often a variant of the first two, and a question the
     * catalogue's words miss is often one the examples know. With fewer than three answers it is added at the end.
     */
    static List<Ranker.Candidate> examplesThird(List<Ranker.Candidate> ranked, java.util.Optional<Ranker.Candidate> nearest) {
        if (nearest.isEmpty()) {
            return ranked;
        }
        String code = nearest.get().meta().code();
        for (int i = 0; i < Math.min(2, ranked.size()); i++) {
            if (ranked.get(i).meta().code().equals(code)) {
                return ranked;
            }
        }
        List<Ranker.Candidate> out = new ArrayList<>(ranked.size() + 1);
        for (Ranker.Candidate c : ranked) {
            if (!c.meta().code().equals(code)) {
                out.add(c);
            }
        }
        out.add(Math.min(2, out.size()), nearest.get());
        return out;
    }

    /** Round 15: a twin of the first answer gives up the third place too (the first two are left as they are). */
    private static boolean twinOf(Ranker.Candidate c, Set<String> first, Set<String> second) {
        return twins(first, c.meta().nameBigrams()) || twins(second, c.meta().nameBigrams());
    }

    static boolean twins(Set<String> a, Set<String> b) {
        long shared = a.stream().filter(b::contains).count();
        return shared > 0 && shared / (double) (a.size() + b.size() - shared) >= TWINS;
    }
}
