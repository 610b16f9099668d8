package vn.motcua.assistant.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Round 17: one learned no-match decision, a logistic regression over {@link NoMatchFeatures}, its weights versioned data
 * ({@code assistant/nomatch-gate.tsv}, written with its provenance by the test-side trainer {@code NoMatchGateTrainer}
 * from the written corpus only). Refuses when P(no procedure) is at least the file's threshold.
 * <p>
 * The file: {@code #} comments (the provenance), {@code threshold<TAB>p}, {@code intercept<TAB>b}, then one line per
 * feature {@code name<TAB>mean<TAB>scale<TAB>weight}, every name of {@link NoMatchFeatures#NAMES} once. A bad file fails at
 * start with its line named, never at a question.
 */
record NoMatchGate(double threshold, double intercept, double[] mean, double[] scale, double[] weight) {

    static final String RESOURCE = "assistant/nomatch-gate.tsv";

    /** How the gate takes part in the no-match decision ({@code motcua.assistant.examples.gate}). */
    enum Mode {
        /** Today's rules alone. */
        OFF,
        /** One more refusal beside the rules (the rescue still applies). */
        ADD,
        /** In place of the examples' and the topic's rules ({@link ExampleEvidence#refuses}, {@link TopicEvidence}). */
        REPLACE
    }

    /** The production gate, read once from the classpath. */
    static NoMatchGate production() {
        return Holder.GATE;
    }

    /**
     * The production gate at another threshold, made once per threshold (the configured one, and the probes' few), not
     * once per question.
     */
    static NoMatchGate production(double threshold) {
        return Holder.AT.computeIfAbsent(threshold, t -> Holder.GATE.at(t));
    }

    private static final class Holder {
        private static final NoMatchGate GATE = load();
        private static final java.util.Map<Double, NoMatchGate> AT = new java.util.concurrent.ConcurrentHashMap<>();
    }

    static NoMatchGate load() {
        InputStream in = NoMatchGate.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The assistant's no-match gate " + RESOURCE + " is missing from the classpath");
        }
        try (in) {
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoMatchGate parse(InputStream in, String file) throws IOException {
        int n = NoMatchFeatures.NAMES.size();
        double[] mean = new double[n];
        double[] scale = new double[n];
        double[] weight = new double[n];
        boolean[] seen = new boolean[n];
        Double threshold = null;
        Double intercept = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int no = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t");
            String where = file + ":" + no + ": ";
            try {
                switch (p[0]) {
                    case "threshold" -> threshold = number(p, 1, where);
                    case "intercept" -> intercept = number(p, 1, where);
                    default -> {
                        int i = NoMatchFeatures.NAMES.indexOf(p[0]);
                        if (i < 0) {
                            throw new IllegalStateException(where + "unknown feature '" + p[0] + "' (known: " + NoMatchFeatures.NAMES + ")");
                        }
                        if (p.length != 4) {
                            throw new IllegalStateException(where + "expected name, mean, scale, weight (4 columns), found " + p.length);
                        }
                        if (seen[i]) {
                            throw new IllegalStateException(where + "feature '" + p[0] + "' given twice");
                        }
                        seen[i] = true;
                        mean[i] = number(p, 1, where);
                        scale[i] = number(p, 2, where);
                        weight[i] = number(p, 3, where);
                        if (scale[i] <= 0) {
                            throw new IllegalStateException(where + "the scale of '" + p[0] + "' must be positive");
                        }
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + "not a number: " + e.getMessage());
            }
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                throw new IllegalStateException(file + ": feature '" + NoMatchFeatures.NAMES.get(i) + "' missing");
            }
        }
        if (threshold == null || intercept == null) {
            throw new IllegalStateException(file + ": 'threshold' and 'intercept' lines are both required");
        }
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalStateException(file + ": the threshold must lie between 0 and 1, found " + threshold);
        }
        return new NoMatchGate(threshold, intercept, mean, scale, weight);
    }

    private static double number(String[] p, int i, String where) {
        if (p.length <= i) {
            throw new IllegalStateException(where + "a number is missing in column " + (i + 1));
        }
        double v = Double.parseDouble(p[i].strip());
        if (!Double.isFinite(v)) {
            throw new IllegalStateException(where + "not a finite number: " + p[i]);
        }
        return v;
    }

    /** P(no procedure answers the question), read from its evidence. */
    double probability(NoMatchFeatures f) {
        double z = intercept;
        double[] x = f.values();
        for (int i = 0; i < x.length; i++) {
            z += weight[i] * (x[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The same weights with another threshold (the probes' view of the gate at other operating points). */
    NoMatchGate at(double otherThreshold) {
        return new NoMatchGate(otherThreshold, intercept, mean, scale, weight);
    }

    boolean refuses(NoMatchFeatures f) {
        return probability(f) >= threshold;
    }

    @Override
    public String toString() {
        return "NoMatchGate[threshold=" + threshold + ", intercept=" + intercept + ", weight=" + Arrays.toString(weight) + "]";
    }
}
