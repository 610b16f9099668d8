package vn.motcua.assistant.internal;

import java.util.List;
import java.util.Map;

/**
 * Round 17: the evidence the no-match rules read, as numbers for one learned decision ({@link NoMatchGate}). Computed for a
 * question from how it was read, the catalogue's ranked candidates (before the examples' fold) and the examples' support.
 * The existing rules' verdicts are features too, so the model weighs them instead of obeying them. The names are the
 * gate file's ({@code assistant/nomatch-gate.tsv}); the order is {@link #NAMES}.
 */
record NoMatchFeatures(double[] values) {

    /** Caps on counts: beyond these a count says nothing more. */
    private static final int PAIRS_CAP = 4;

    static final List<String> NAMES = List.of(
            "logScore", "coverage", "secondRatio", "namePairs", "bodyPairs", "askedShare", "unfamiliar", "genericOnly",
            "answers", "onlyActs", "noneBest", "noneSum", "noneCount", "ownBest", "ownSum", "ownCount", "answeredBest",
            "answeredSum", "ruleRefuses", "ruleLead", "ruleRescue", "noneLead", "noneOverOwn", "noneWeakName", "noneFewPairs",
            "scoreWeakName");

    /**
     * @param ranked   the catalogue's candidates, best first (not empty)
     * @param extended the same with the procedures only the examples found ({@link ExampleEvidence#withUnfound}): the
     *                 candidates an example may rescue
     */
    static NoMatchFeatures of(ProcedureIndex idx, QueryReader.Reading reading, List<Ranker.Candidate> ranked,
                              List<Ranker.Candidate> extended, Map<String, ExampleIndex.Support> support, ExampleEvidence ev,
                              RankingWeights w) {
        Ranker.Candidate best = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).score() / best.score() : 0;
        int asked = reading.bigrams().size();
        ExampleIndex.Support none = support.get(ExampleIndex.NONE);
        ExampleIndex.Support own = support.get(best.meta().code());
        double answeredBest = 0;
        double answeredSum = 0;
        for (var e : support.entrySet()) {
            if (!e.getKey().equals(ExampleIndex.NONE)) {
                answeredBest = Math.max(answeredBest, e.getValue().best());
                answeredSum = Math.max(answeredSum, e.getValue().score());
            }
        }
        boolean rescue = extended.stream().anyMatch(c -> ev.strongFor(c, support) || ev.rescues(c, support));
        return new NoMatchFeatures(new double[] {
                Math.log1p(best.score()), best.coverage(), second, Math.min(best.nameBigrams(), PAIRS_CAP),
                Math.min(best.bodyBigrams(), PAIRS_CAP), asked == 0 ? 0 : Math.min(1.0, (double) best.nameBigrams() / asked),
                reading.unfamiliar(), flag(Evidence.onlyGeneric(best)), flag(Evidence.answers(best, w)),
                flag(TopicEvidence.onlyActs(idx, best, reading.bigrams())),
                none == null ? 0 : none.best(), none == null ? 0 : none.score(), none == null ? 0 : none.count(),
                own == null ? 0 : own.best(), own == null ? 0 : own.score(), own == null ? 0 : own.count(),
                answeredBest, answeredSum,
                flag(ev.refuses(best, support)), flag(ev.negative() <= 1 && TopicEvidence.negativesLead(support, ev.lead(), ev.margin())),
                flag(rescue),
                // a linear model cannot form the rules' "and": the negatives' pull where the name's evidence is weak, given as
                // products, and the negatives against the answered examples as differences
                (none == null ? 0 : none.best()) - answeredBest, (none == null ? 0 : none.score()) - (own == null ? 0 : own.score()),
                (none == null ? 0 : none.best()) * flag(best.nameBigrams() <= ExampleEvidence.BARE_PAIRS),
                (none == null ? 0 : none.best()) * flag(best.nameBigrams() <= ExampleEvidence.VOTE_PAIRS),
                Math.log1p(best.score()) * flag(best.nameBigrams() <= ExampleEvidence.BARE_PAIRS)});
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
