package vn.motcua.assistant.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantTuning;

/**
 * Round 17: trains the learned no-match decision ({@link NoMatchGate}) on the written corpus only, never on a question
 * set. Every line of {@code assistant/examples/written-*.tsv} gets its {@link NoMatchFeatures} against the written
 * corpus without its own file ({@code written:<area>} left out, as a set is in the evaluation), label 1 when NONE, 0
 * otherwise (answerable lines whose procedure the ranking cannot find stay 0: refusing them is a wrong "no match" in the
 * evaluation too). Then an L2-regularised logistic regression by Newton's method; the penalty and the threshold are
 * chosen on leave-one-file-out predictions of the corpus itself. Writes {@code src/main/resources/assistant/nomatch-gate.tsv}.
 * <p>
 * {@code ./mvnw -o -q test -Dtest=NoMatchGateTrainer -Dassistant.gate.train=true} over the bench's catalogue file
 * ({@code target/assistant-catalogue.json}: run the bench once first).
 */
@EnabledIfSystemProperty(named = "assistant.gate.train", matches = "true")
class NoMatchGateTrainer {

    static final double[] PENALTIES = {0.1, 1, 10, 100};
    /** The threshold: the highest recall on held-out files with precision at least this. */
    static final double PRECISION = 0.92;

    record Row(double[] x, int y, String source) {
    }

    @Test
    void train() throws Exception {
        AssistantService service = AssistantTuning.service(AssistantTuning.load(Path.of("target/assistant-catalogue.json")));
        service.rebuildNow();
        List<Row> rows = new ArrayList<>();
        int noCandidate = 0;
        int noCandidateNone = 0;
        long t0 = System.nanoTime();
        for (ExampleIndex.Example e : service.everyExample().examples()) {
            if (!ExampleIndex.written(e.source())) {
                continue;
            }
            ExampleIndex view = LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.WRITTEN, e.source(), null);
            var f = service.features(e.text(), ExampleEvidence.DEFAULT, view, RankingWeights.DEFAULT);
            boolean none = e.codes().equals(List.of(ExampleIndex.NONE));
            if (f.isEmpty()) {
                noCandidate++;
                noCandidateNone += none ? 1 : 0;
                continue;
            }
            rows.add(new Row(f.get().values(), none ? 1 : 0, e.source()));
        }
        // the rows as read, for looking at them outside (target/, not kept)
        StringBuilder dump = new StringBuilder("source\tlabel\t" + String.join("\t", NoMatchFeatures.NAMES) + "\n");
        rows.forEach(r -> dump.append(r.source()).append('\t').append(r.y()).append('\t')
                .append(String.join("\t", java.util.Arrays.stream(r.x()).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v)).toList())).append('\n'));
        Files.writeString(Path.of("target/nomatch-gate-rows.tsv"), dump.toString(), StandardCharsets.UTF_8);
        int positives = (int) rows.stream().filter(r -> r.y() == 1).count();
        System.out.printf("GATE rows %d (NONE %d), no candidate at all %d (NONE %d), features in %d s%n", rows.size(), positives,
                noCandidate, noCandidateNone, (System.nanoTime() - t0) / 1_000_000_000);
        // today's rules on the same lines, read from their features (AssistantService.refuses with the gate off, then the rescue)
        int[] rules = rows.stream().mapToInt(r -> rulesRefuse(r.x()) ? 1 : 0).toArray();
        int[] labels = rows.stream().mapToInt(Row::y).toArray();
        double[] rulesP = java.util.Arrays.stream(rules).asDoubleStream().toArray();
        double[] rulesPr = recallPrecision(rulesP, labels, 0.5);
        System.out.printf("GATE today's rules on the corpus: recall %.1f %%, precision %.1f %%%n", 100 * rulesPr[0], 100 * rulesPr[1]);
        int d = NoMatchFeatures.NAMES.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            final int jj = j;
            mean[j] = rows.stream().mapToDouble(r -> r.x()[jj]).average().orElse(0);
            double var = rows.stream().mapToDouble(r -> Math.pow(r.x()[jj] - mean[jj], 2)).average().orElse(0);
            scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
        List<double[]> z = rows.stream().map(r -> standard(r.x(), mean, scale)).toList();
        int[] y = rows.stream().mapToInt(Row::y).toArray();
        String[] source = rows.stream().map(Row::source).toArray(String[]::new);
        // the penalty: lowest log-loss on each file predicted by a model fitted without it
        double bestPenalty = PENALTIES[0];
        double bestLoss = Double.MAX_VALUE;
        double[] held = null;
        for (double lambda : PENALTIES) {
            double[] p = leaveOneFileOut(z, y, source, lambda);
            double loss = 0;
            for (int i = 0; i < y.length; i++) {
                loss -= y[i] == 1 ? Math.log(Math.max(p[i], 1e-12)) : Math.log(Math.max(1 - p[i], 1e-12));
            }
            loss /= y.length;
            System.out.printf("GATE penalty %.1f: held-out log-loss %.4f%n", lambda, loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestPenalty = lambda;
                held = p;
            }
        }
        // the threshold: the highest held-out recall with precision at least PRECISION
        double threshold = 0.5;
        double[] atThreshold = null;
        for (int k = 5; k <= 95; k++) {
            double t = k / 100.0;
            double[] pr = recallPrecision(held, y, t);
            if (k % 5 == 0) {
                // beside the rules ("add"): the rules' refusals or the gate's, then the rescue
                double[] add = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    add[i] = (rules[i] == 1 || held[i] >= t && !rescued(rows.get(i).x())) ? 1 : 0;
                }
                double[] pa = recallPrecision(add, y, 0.5);
                System.out.printf("GATE threshold %.2f: held-out recall %.1f %%, precision %.1f %%; added to the rules %.1f %%, %.1f %%%n",
                        t, 100 * pr[0], 100 * pr[1], 100 * pa[0], 100 * pa[1]);
            }
            if (pr[1] >= PRECISION && (atThreshold == null || pr[0] > atThreshold[0])) {
                threshold = t;
                atThreshold = pr;
            }
        }
        double[] w = fit(z, y, bestPenalty);
        double[] fitted = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            fitted[i] = sigmoid(dot(w, z.get(i)));
        }
        double[] train = recallPrecision(fitted, y, threshold);
        StringBuilder out = new StringBuilder();
        out.append("# The assistant's learned no-match decision (NoMatchGate, since round 17; last trained on the date below), a logistic regression over\n")
                .append("# NoMatchFeatures. Written by NoMatchGateTrainer (./mvnw -o -q test -Dtest=NoMatchGateTrainer -Dassistant.gate.train=true)\n")
                .append("# on ").append(LocalDate.now()).append(" from the written corpus only (assistant/examples/written-*.tsv, never a question set):\n")
                .append(String.format(Locale.ROOT, "# %d lines with a candidate (%d NONE, label 1; answerable lines label 0), %d lines without any candidate left out (%d NONE),%n",
                        rows.size(), positives, noCandidate, noCandidateNone))
                .append("# each line's features read against the written corpus without its own file (written:<area>).\n")
                .append(String.format(Locale.ROOT, "# L2 penalty %.1f (of %s, lowest leave-one-file-out log-loss %.4f); Newton's method on standardised features.%n",
                        bestPenalty, java.util.Arrays.toString(PENALTIES), bestLoss))
                .append(String.format(Locale.ROOT, "# Threshold %.2f: the highest leave-one-file-out recall with precision >= %.0f %% (held out: recall %.1f %%, precision %.1f %%;%n",
                        threshold, 100 * PRECISION, atThreshold == null ? 0 : 100 * atThreshold[0], atThreshold == null ? 0 : 100 * atThreshold[1]))
                .append(String.format(Locale.ROOT, "# fitted on all: recall %.1f %%, precision %.1f %%).%n", 100 * train[0], 100 * train[1]))
                .append("# Columns: feature, mean, scale (standard deviation), weight; P(NONE) = sigmoid(intercept + sum weight * (x - mean) / scale).\n")
                .append(String.format(Locale.ROOT, "threshold\t%.2f%n", threshold))
                .append(String.format(Locale.ROOT, "intercept\t%.6f%n", w[d]));
        for (int j = 0; j < d; j++) {
            out.append(String.format(Locale.ROOT, "%s\t%.6f\t%.6f\t%.6f%n", NoMatchFeatures.NAMES.get(j), mean[j], scale[j], w[j]));
        }
        Files.writeString(Path.of("src/main/resources/" + NoMatchGate.RESOURCE), out.toString(), StandardCharsets.UTF_8);
        System.out.print(out);
    }

    private static double x(double[] x, String name) {
        return x[NoMatchFeatures.NAMES.indexOf(name)];
    }

    private static boolean rescued(double[] x) {
        return x(x, "ruleRescue") == 1;
    }

    /** Today's decision from the features: the catalogue's rules, the examples' and the topic's, unless rescued. */
    static boolean rulesRefuse(double[] x) {
        boolean catalogue = x(x, "answers") == 0 || x(x, "unfamiliar") >= Evidence.UNFAMILIAR - 1e-9 && x(x, "namePairs") < 2
                || x(x, "genericOnly") == 1;
        return (catalogue || x(x, "ruleRefuses") == 1 || x(x, "onlyActs") == 1 || x(x, "ruleLead") == 1) && !rescued(x);
    }

    /** Standardised features with a constant 1 last (the intercept). */
    static double[] standard(double[] x, double[] mean, double[] scale) {
        double[] z = new double[x.length + 1];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        z[x.length] = 1;
        return z;
    }

    /** Each row's probability from a model fitted without the rows of its own file. */
    static double[] leaveOneFileOut(List<double[]> z, int[] y, String[] source, double lambda) {
        double[] p = new double[y.length];
        var files = new TreeMap<String, List<Integer>>();
        for (int i = 0; i < y.length; i++) {
            files.computeIfAbsent(source[i], s -> new ArrayList<>()).add(i);
        }
        for (var file : files.entrySet()) {
            List<double[]> zt = new ArrayList<>();
            List<Integer> yt = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (!source[i].equals(file.getKey())) {
                    zt.add(z.get(i));
                    yt.add(y[i]);
                }
            }
            double[] w = fit(zt, yt.stream().mapToInt(Integer::intValue).toArray(), lambda);
            for (int i : file.getValue()) {
                p[i] = sigmoid(dot(w, z.get(i)));
            }
        }
        return p;
    }

    /**
     * L2-regularised logistic regression (the intercept, last, not penalised) by Newton's method: minimises
     * sum of log-losses + lambda/2 |w|^2.
     */
    static double[] fit(List<double[]> z, int[] y, double lambda) {
        int d = z.get(0).length;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < y.length; i++) {
                double[] x = z.get(i);
                double p = sigmoid(dot(w, x));
                double r = p * (1 - p);
                for (int a = 0; a < d; a++) {
                    g[a] += (p - y[i]) * x[a];
                    for (int b = 0; b <= a; b++) {
                        h[a][b] += r * x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    h[b][a] = h[a][b];
                }
                if (a < d - 1) {
                    g[a] += lambda * w[a];
                    h[a][a] += lambda;
                }
                h[a][a] += 1e-9;
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting (the Hessian is small and positive definite). */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tr = a[c];
            a[c] = a[piv];
            a[piv] = tr;
            double tb = b[c];
            b[c] = b[piv];
            b[piv] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    static double[] recallPrecision(double[] p, int[] y, double t) {
        int tp = 0;
        int said = 0;
        int pos = 0;
        for (int i = 0; i < y.length; i++) {
            pos += y[i];
            if (p[i] >= t) {
                said++;
                tp += y[i];
            }
        }
        return new double[] {pos == 0 ? 1 : (double) tp / pos, said == 0 ? 1 : (double) tp / said};
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    static double dot(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }
}
