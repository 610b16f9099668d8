package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Round 13: the third answer is not a near-twin of the second. When the second and the next candidate are near-identical
 * siblings ("Cấp giấy phép sát hạch cho trung tâm sát hạch lái xe loại 1, loại 2" / "… loại 3"), the third place goes to the first candidate that differs; the twin
 * follows it. The first answer's own siblings may follow it (they are often the right one among a few close variants),
 * so only the second is compared. Measured on every seen set's leave-one-set-out figures (docs/assistant.md, round 13).
 */
final class AnswerOrder {

    private AnswerOrder() {
    }

    /** Names sharing at least this share of their word pairs (Jaccard) are twins. 0.5 and 0.4 cost a 5th-set top-3. */
    static final double TWINS = 0.6;

    static List<Ranker.Candidate> third(List<Ranker.Candidate> ranked) {
        if (ranked.size() < 4 || !twins(ranked.get(1).meta().nameBigrams(), ranked.get(2).meta().nameBigrams())) {
            return ranked;
        }
        Set<String> second = ranked.get(1).meta().nameBigrams();
        for (int i = 3; i < ranked.size(); i++) {
            if (!twins(second, ranked.get(i).meta().nameBigrams())) {
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

    static boolean twins(Set<String> a, Set<String> b) {
        long shared = a.stream().filter(b::contains).count();
        return shared > 0 && shared / (double) (a.size() + b.size() - shared) >= TWINS;
    }
}
