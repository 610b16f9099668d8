package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answered example questions as evidence ("people who asked like you needed X"): questions citizens asked, each labelled
 * with the procedure that answered it ({@code assistant/examples-vi.tsv}), read by the same {@link QueryReader} as a
 * question (folding, typo correction, the lexicon) into word pairs and syllables, and compared by cosine similarity
 * with idf weights computed over the examples. A view without one source ({@link #without}) is built anew, idf
 * included, so that a set is never measured against its own lines.
 */
final class ExampleIndex {

    /** An example: its text, the codes that answer it, where it came from, and its weighted terms. */
    record Example(String text, List<String> codes, String source, Map<String, Double> terms, double norm) {
    }

    /** A read example before weighting: word pairs and syllables of its reading. */
    record Read(String text, List<String> codes, String source, Set<String> unigrams, Set<String> bigrams) {
    }

    /** One procedure's support: the summed similarity of its k most similar examples, and the best of them. */
    record Support(double score, double best, String bestText, int count) {
    }

    /** The source tag of every line of the written corpus starts so ({@code written:land}). */
    static final String WRITTEN = "written:";
    /** The code of a negative example: a question that needed no procedure. */
    static final String NONE = "NONE";
    /** A word pair weighs twice a syllable, as in the name fields. */
    static final double PAIR = 2.0;

    private final List<Read> read;
    /** Round 11: the weight of a word pair and of a syllable's character trigram (0: none), relative to a syllable. */
    private final double pair;
    private final double grams;
    private final Map<String, ExampleIndex> shaped = new ConcurrentHashMap<>();
    private final List<Example> examples;
    private final Map<String, List<Integer>> postings = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, ExampleIndex> without = new ConcurrentHashMap<>();
    private final Map<String, ExampleIndex> views = new ConcurrentHashMap<>();

    private ExampleIndex(List<Read> read) {
        this(read, PAIR, 0);
    }

    private ExampleIndex(List<Read> read, double pair, double grams) {
        this.read = read;
        this.pair = pair;
        this.grams = grams;
        Map<String, Integer> df = new HashMap<>();
        for (Read r : read) {
            for (String t : terms(r)) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int n = Math.max(1, read.size());
        df.forEach((t, d) -> idf.put(t, Math.log(1 + (double) n / d)));
        this.examples = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            Read r = read.get(i);
            Map<String, Double> w = weights(terms(r));
            double norm = Math.sqrt(w.values().stream().mapToDouble(x -> x * x).sum());
            examples.add(new Example(r.text(), r.codes(), r.source(), w, norm));
            for (String t : w.keySet()) {
                postings.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            }
        }
    }

    static ExampleIndex empty() {
        return new ExampleIndex(List.of());
    }

    /** The examples of the resource file, each read against the procedure index now being built. */
    static ExampleIndex build(List<String[]> lines, Function<String, QueryReader.Reading> reader) {
        List<Read> read = new ArrayList<>(lines.size());
        for (String[] l : lines) {
            QueryReader.Reading r = reader.apply(VietnameseAnalysis.normalize(l[0]).strip());
            read.add(new Read(l[0], List.of(l[1].split(",")), l[2], r.unigrams(), r.bigrams()));
        }
        return new ExampleIndex(read);
    }

    /** Round 11: a procedure's examples from real use count only when it has at least this many (one odd label does not steer). */
    static final int MIN_FROM_USE = 2;

    /**
     * The seed lines with the examples from real use appended (question, code, source), those of procedures with fewer
     * than {@link #MIN_FROM_USE} left out, and a question already among the lines (same source, same text) once.
     */
    static List<String[]> withUse(List<String[]> seed, List<vn.motcua.assistant.ProcedureTextSource.AnsweredExample> fromUse) {
        if (fromUse.isEmpty()) {
            return seed;
        }
        Map<String, Long> perCode = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        List<vn.motcua.assistant.ProcedureTextSource.AnsweredExample> distinct = new ArrayList<>();
        for (var e : fromUse) {
            if (e.procedureCode() != null && seen.add(e.source() + "\t" + e.procedureCode() + "\t" + e.question().toLowerCase(java.util.Locale.ROOT))) {
                distinct.add(e);
                perCode.merge(e.procedureCode(), 1L, Long::sum);
            }
        }
        List<String[]> out = new ArrayList<>(seed);
        for (var e : distinct) {
            if (perCode.get(e.procedureCode()) >= MIN_FROM_USE) {
                out.add(new String[] {e.question(), e.procedureCode(), e.source()});
            }
        }
        return out;
    }

    /** The same examples without those of one source, idf recomputed (built once per source, then kept). */
    ExampleIndex without(String source) {
        if (source == null || source.isBlank()) {
            return this;
        }
        return without.computeIfAbsent(source, s -> new ExampleIndex(read.stream().filter(r -> !r.source().equals(s)).toList(),
                pair, grams));
    }

    /** The same examples with only the sources {@code keep} accepts, idf recomputed (built once per name, then kept). */
    ExampleIndex only(String name, Predicate<String> keep) {
        return views.computeIfAbsent(name, s -> new ExampleIndex(read.stream().filter(r -> keep.test(r.source())).toList(),
                pair, grams));
    }

    /** Whether a source tag is the written corpus's ({@code written:<area>}) rather than a question set's. */
    static boolean written(String source) {
        return source.startsWith(WRITTEN);
    }

    /** The same examples with another representation (built once per shape, then kept). */
    ExampleIndex shaped(double pairWeight, double gramWeight) {
        if (pairWeight == pair && gramWeight == grams) {
            return this;
        }
        return shaped.computeIfAbsent(pairWeight + "/" + gramWeight, s -> new ExampleIndex(read, pairWeight, gramWeight));
    }

    /**
     * The same without one source and without any example of the very same question (case-insensitive): a stricter
     * reading of leave-one-set-out, for measuring how much verbatim repeats across sets add. Built per call, not kept.
     */
    ExampleIndex withoutSameQuestion(String source, String question) {
        String q = question.strip().toLowerCase(java.util.Locale.ROOT);
        return new ExampleIndex(read.stream().filter(r -> !r.source().equals(source)
                && !r.text().strip().toLowerCase(java.util.Locale.ROOT).equals(q)).toList(), pair, grams);
    }

    int size() {
        return examples.size();
    }

    List<Example> examples() {
        return examples;
    }

    /**
     * Per procedure, the summed similarity of its {@code k} most similar examples (only examples at least
     * {@code floor} similar count): the evidence the ranking folds in.
     */
    Map<String, Support> support(QueryReader.Reading reading, int k, double floor) {
        return support(reading, k, floor, 1.0);
    }

    /** The same with the similarity of a written-corpus example ({@link #written}) times {@code writtenWeight}. */
    Map<String, Support> support(QueryReader.Reading reading, int k, double floor, double writtenWeight) {
        Map<String, Double> q = weights(terms(reading.unigrams(), reading.bigrams()));
        double qn = Math.sqrt(q.values().stream().mapToDouble(x -> x * x).sum());
        if (qn == 0 || examples.isEmpty()) {
            return Map.of();
        }
        double[] dot = new double[examples.size()];
        q.forEach((t, w) -> {
            for (int i : postings.getOrDefault(t, List.of())) {
                dot[i] += w * examples.get(i).terms().get(t);
            }
        });
        Map<String, double[]> topk = new HashMap<>();
        Map<String, String> bestText = new HashMap<>();
        for (int i = 0; i < dot.length; i++) {
            if (dot[i] == 0) {
                continue;
            }
            Example e = examples.get(i);
            double sim = dot[i] / (qn * e.norm()) * (writtenWeight != 1.0 && written(e.source()) ? writtenWeight : 1.0);
            if (sim < floor) {
                continue;
            }
            for (String code : e.codes()) {
                double[] top = topk.computeIfAbsent(code, c -> new double[k]);
                if (sim > top[k - 1]) {
                    if (sim > top[0]) {
                        bestText.put(code, e.text());
                    }
                    top[k - 1] = sim;
                    Arrays.sort(top);
                    reverse(top);
                }
            }
        }
        Map<String, Support> out = new HashMap<>();
        topk.forEach((code, top) -> out.put(code, new Support(Arrays.stream(top).sum(), top[0], bestText.get(code),
                (int) Arrays.stream(top).filter(x -> x > 0).count())));
        return out;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private Map<String, Double> weights(List<String> terms) {
        Map<String, Double> w = new HashMap<>();
        for (String t : terms) {
            Double i = idf.get(t);
            if (i != null) {
                w.put(t, (t.startsWith("2:") ? pair : t.startsWith("3:") ? grams : 1.0) * i);
            }
        }
        return w;
    }

    private List<String> terms(Read r) {
        return terms(r.unigrams(), r.bigrams());
    }

    private List<String> terms(Set<String> unigrams, Set<String> bigrams) {
        List<String> out = new ArrayList<>();
        for (String u : unigrams) {
            if (!QueryReader.STOP.contains(u)) {
                out.add("1:" + u);
                if (grams > 0) {
                    // character trigrams of the folded syllable: a typo the correction missed still shares most of them
                    String m = "#" + u + "#";
                    for (int i = 0; i + 3 <= m.length(); i++) {
                        out.add("3:" + m.substring(i, i + 3));
                    }
                }
            }
        }
        for (String b : bigrams) {
            out.add("2:" + b);
        }
        return out;
    }
}
