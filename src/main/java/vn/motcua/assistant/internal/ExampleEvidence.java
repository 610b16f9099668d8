package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How the answered examples ({@link ExampleIndex}) weigh in the ranking: a candidate's score is multiplied by
 * {@code 1 + weight × (summed similarity of its k most similar examples)}. Examples only reorder the candidates the
 * catalogue search found; a question the ranking refuses stays refused unless one example is at least {@code strong}
 * similar (a near-paraphrase) and its procedure is among the candidates.
 *
 * @param on     {@code -Dassistant.examples=false} switches the examples off (the "without" figures)
 * @param k      examples counted per procedure
 * @param weight factor per unit of summed similarity
 * @param floor  an example less similar than this is no evidence
 * @param strong similarity at which an example may answer a question the ranking refuses
 */
record ExampleEvidence(boolean on, int k, double weight, double floor, double strong) {

    /** Tuned on the leave-one-set-out figures of the seen sets only (docs/assistant.md, round 9). */
    static final ExampleEvidence DEFAULT = new ExampleEvidence(true, 3, 1.0, 0.3, 0.8);

    /** The defaults, or the numbers given as system properties (for measuring; read per question). */
    static ExampleEvidence current() {
        return new ExampleEvidence(
                Boolean.parseBoolean(System.getProperty("assistant.examples", String.valueOf(DEFAULT.on))),
                Integer.getInteger("assistant.examples.k", DEFAULT.k),
                dbl("assistant.examples.weight", DEFAULT.weight),
                dbl("assistant.examples.floor", DEFAULT.floor),
                dbl("assistant.examples.strong", DEFAULT.strong));
    }

    private static double dbl(String key, double dflt) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? dflt : Double.parseDouble(v);
    }

    Map<String, ExampleIndex.Support> support(ExampleIndex examples, QueryReader.Reading reading) {
        return on ? examples.support(reading, Math.max(1, k), floor) : Map.of();
    }

    /** The candidates with the examples' evidence folded in, best first. */
    List<Ranker.Candidate> fold(List<Ranker.Candidate> ranked, Map<String, ExampleIndex.Support> support) {
        if (support.isEmpty()) {
            return ranked;
        }
        List<Ranker.Candidate> out = new ArrayList<>(ranked.size());
        for (Ranker.Candidate c : ranked) {
            ExampleIndex.Support s = support.get(c.meta().code());
            out.add(s == null ? c : c.times(1 + weight * s.score()));
        }
        out.sort(Comparator.comparingDouble(Ranker.Candidate::score).reversed()
                .thenComparing(c -> c.meta().name().length()).thenComparing(c -> c.meta().code()));
        return out;
    }

    /** A candidate one example names with at least {@link #strong} similarity: it may answer on that evidence. */
    boolean strongFor(Ranker.Candidate c, Map<String, ExampleIndex.Support> support) {
        ExampleIndex.Support s = support.get(c.meta().code());
        return s != null && s.best() >= strong;
    }
}
