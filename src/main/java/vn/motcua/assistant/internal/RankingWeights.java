package vn.motcua.assistant.internal;

/**
 * The numbers ranking and the no-match decision run on, in one place so that they can be tuned together (a grid over the
 * tuning half: {@code RankingGrid}, docs/assistant.md "Evaluation and figures").
 *
 * @param name       BM25 weight of a name syllable
 * @param name2      of a name word pair (syllable bigram)
 * @param body       of a syllable of the other texts (field, result, documents, answers)
 * @param body2      of a word pair of the other texts
 * @param tie        how much the alternatives of a span that did not win still count (0: only the best one)
 * @param alpha      an expansion of n word pairs is weighted 1/n^alpha (0: at full weight)
 * @param marker     factor per marker of a variant the question does not ask for ("cấp lại"…)
 * @param unknownLevel prior of a procedure whose level the catalogue does not give
 * @param organisationOnly prior of a procedure only organisations may apply for, unless the question names one
 * @param sibling    prior of the marked one of two near-identical siblings
 * @param minScore   below this score one shared word pair is not an answer
 * @param coverage   a best answer whose name covers less than this share of the question's spans…
 * @param partialScore …must score at least this to be an answer (calibrated on the tuning half: docs/assistant.md)
 */
record RankingWeights(float name, float name2, float body, float body2, float tie, double alpha, double marker,
                      double unknownLevel, double organisationOnly, double sibling, double minScore, double coverage,
                      double partialScore) {

    /**
     * Round 4's numbers: the round-5 grid's choice did better on the tuning half only (docs/assistant.md). The
     * tie-breaker 1 lets a span's alternatives add up; coverage 0 leaves the coverage rule off.
     */
    static final RankingWeights DEFAULT = new RankingWeights(1.0f, 2.0f, 0.15f, 0.3f, 1.0f, 0.0, 0.8, 1.05, 0.85, 0.92,
            11.0, 0.0, 13.0);

    /** A copy with one number changed, by its name (for the tuning grid). */
    RankingWeights with(String key, double v) {
        float f = (float) v;
        return switch (key) {
            case "name" -> new RankingWeights(f, name2, body, body2, tie, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "name2" -> new RankingWeights(name, f, body, body2, tie, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "body" -> new RankingWeights(name, name2, f, body2, tie, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "body2" -> new RankingWeights(name, name2, body, f, tie, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "tie" -> new RankingWeights(name, name2, body, body2, f, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "alpha" -> new RankingWeights(name, name2, body, body2, tie, v, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "marker" -> new RankingWeights(name, name2, body, body2, tie, alpha, v, unknownLevel, organisationOnly, sibling, minScore, coverage, partialScore);
            case "unknownLevel" -> new RankingWeights(name, name2, body, body2, tie, alpha, marker, v, organisationOnly, sibling, minScore, coverage, partialScore);
            case "organisationOnly" -> new RankingWeights(name, name2, body, body2, tie, alpha, marker, unknownLevel, v, sibling, minScore, coverage, partialScore);
            case "sibling" -> new RankingWeights(name, name2, body, body2, tie, alpha, marker, unknownLevel, organisationOnly, v, minScore, coverage, partialScore);
            case "minScore" -> new RankingWeights(name, name2, body, body2, tie, alpha, marker, unknownLevel, organisationOnly, sibling, v, coverage, partialScore);
            case "coverage" -> new RankingWeights(name, name2, body, body2, tie, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, v, partialScore);
            case "partialScore" -> new RankingWeights(name, name2, body, body2, tie, alpha, marker, unknownLevel, organisationOnly, sibling, minScore, coverage, v);
            default -> throw new IllegalArgumentException("no ranking weight " + key);
        };
    }

    /** "name2=2.5,tie=0.1" applied to this one. */
    RankingWeights with(String spec) {
        RankingWeights w = this;
        for (String kv : spec.split(",")) {
            if (kv.contains("=")) {
                w = w.with(kv.split("=")[0].strip(), Double.parseDouble(kv.split("=")[1].strip()));
            }
        }
        return w;
    }
}
