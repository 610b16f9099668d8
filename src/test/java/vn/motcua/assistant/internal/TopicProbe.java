package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.AssistantEvaluation;

/**
 * Round 17b (a tool, not a test), over the bench's catalogue file, mode all, each set leaving its own lines out.
 * {@code -Dassistant.probe.topic=true}: the seen sets' accepted questions classified by whether they name the best
 * answer's leading act and a distinctive pair of its name, and whether an example of it is near (false accepts printed
 * with their cell; only seen lines). {@code -Dassistant.probe.topic.variants='incidental=0;incidental=0.005'} with
 * {@code -Dassistant.probe.topic.sets=seen,11,12,13,14}: top-1, top-3, no-match recall and precision per set and pooled,
 * figures only (the 11th–14th are tuning sets by figures alone, docs/assistant.md round 17b), and each variant's p95.
 */
@EnabledIfSystemProperty(named = "assistant.probe.topic", matches = "true")
class TopicProbe {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void probe() throws Exception {
        AssistantService service = Probes.service();
        if (!Boolean.getBoolean("assistant.probe.topic.skipCells")) {
            cells(service);
        }
        String variants = System.getProperty("assistant.probe.topic.variants", "");
        if (!variants.isBlank()) {
            pooled(service, variants.split(";"), System.getProperty("assistant.probe.topic.sets", "seen"));
        }
    }

    private static void cells(AssistantService service) {
        double[] shares = {0.002, 0.005, 0.01, 0.02};
        ProcedureIndex idx = service.index();
        ExampleEvidence ev = ExampleEvidence.DEFAULT;
        // per share: cell → {false accepts, right answers}
        StringBuilder dump = new StringBuilder("none\tminDf\tact\town\tcoverage\tscore\tnamePairs\tanswered\tnoneBest\tknownElsewhere\tunknownPairs\tpairs\n");
        List<Map<String, int[]>> table = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            table.add(new TreeMap<>());
        }
        for (AssistantEvaluation.Question q : AssistantEvaluation.seenSets()) {
            ExampleIndex view = Probes.allBut(service, q);
            Answers a = Probes.answer(service, q, ev);
            if (a.noMatch()) {
                continue;
            }
            boolean right = !q.none() && q.codes().contains(a.answers().get(0).code());
            if (!q.none() && !right) {
                continue;
            }
            QueryReader.Reading reading = service.reading(q.text());
            Ranker.Candidate best = service.rank(idx, reading, null, RankingWeights.DEFAULT).get(0);
            var own = ev.support(view, reading).get(best.meta().code());
            String act = NameStructure.leadingAct(best.meta().nameFolded());
            boolean hasAct = act != null && reading.bigrams().contains(act);
            boolean near = own != null && own.best() >= ev.floor();
            List<String> shared = reading.bigrams().stream().filter(best.meta().nameBigrams()::contains).sorted().toList();
            var support = ev.support(view, reading);
            int minDf = shared.stream().filter(g -> idx.strength(g) == GenericPairs.Strength.TOPIC).mapToInt(idx::pairProcedures).min().orElse(9999);
            List<String> content = reading.bigrams().stream().filter(g -> Arrays.stream(g.split(" ")).noneMatch(QueryReader.STOP::contains)).toList();
            long elsewhere = content.stream().filter(g -> idx.pairProcedures(g) > 0 && idx.pairProcedures(g) <= 13
                    && !best.meta().nameBigrams().contains(g) && !best.meta().bodyBigrams().contains(g)).count();
            long unknown = content.stream().filter(g -> idx.pairProcedures(g) == 0).count();
            double answered = support.entrySet().stream().filter(x -> !x.getKey().equals(ExampleIndex.NONE)).mapToDouble(x -> x.getValue().best()).max().orElse(0);
            var none = support.get(ExampleIndex.NONE);
            dump.append(String.join("\t", q.none() ? "1" : "0", "" + minDf, hasAct ? "1" : "0", fmt(own == null ? 0 : own.best()), fmt(best.coverage()),
                    fmt(best.score()), "" + best.nameBigrams(), fmt(answered), fmt(none == null ? 0 : none.best()), "" + elsewhere, "" + unknown,
                    "" + content.size())).append('\n');
            for (int i = 0; i < shares.length; i++) {
                int limit = Math.max(1, (int) (shares[i] * idx.size()));
                boolean topic = shared.stream().anyMatch(g -> idx.strength(g) == GenericPairs.Strength.TOPIC && idx.pairProcedures(g) <= limit);
                String cell = "topic " + (topic ? "yes" : "no ") + ", act " + (hasAct ? "yes" : "no ") + ", own example near " + (near ? "yes" : "no ");
                table.get(i).computeIfAbsent(cell, c -> new int[2])[q.none() ? 0 : 1]++;
                if (q.none() && i == 1) {
                    Map<String, Integer> dfs = new LinkedHashMap<>();
                    shared.forEach(g -> dfs.put(g, idx.pairProcedures(g)));
                    System.out.printf("TOPIC FA [%s] %s | %s | act %s | shared %s | own %.2f%n", cell, q.text(), best.meta().name(), act, dfs,
                            own == null ? 0 : own.best());
                }
            }
        }
        try {
            java.nio.file.Files.writeString(Path.of("target/topic-seen.tsv"), dump);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < shares.length; i++) {
            System.out.printf("TOPIC cells, distinctive = at most %.1f%% of procedures (%d):%n", 100 * shares[i],
                    Math.max(1, (int) (shares[i] * idx.size())));
            table.get(i).forEach((cell, n) -> System.out.printf("TOPIC   %s: false accepts %d, right answers %d%n", cell, n[0], n[1]));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void pooled(AssistantService service, String[] variants, String sets) {
        Map<String, List<AssistantEvaluation.Question>> byName = Probes.sets(sets);
        for (String spec : variants) {
            ExampleEvidence ev = ExampleEvidence.DEFAULT.with(spec.replace('+', ','));
            Probes.Tally pool = new Probes.Tally();
            List<Long> nanos = new ArrayList<>();
            for (var e : byName.entrySet()) {
                Probes.Tally n = new Probes.Tally();
                for (AssistantEvaluation.Question q : e.getValue()) {
                    long t0 = System.nanoTime();
                    Answers a = Probes.answer(service, q, ev);
                    nanos.add(System.nanoTime() - t0);
                    n.add(q, a);
                }
                System.out.println("TOPIC " + spec + " " + e.getKey() + ": " + n.line(1));
                pool.add(n);
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("TOPIC %s POOLED: %s; p95 %.2f ms%n", spec, pool.line(1), sorted[(int) (0.95 * (sorted.length - 1))] / 1e6);
        }
    }
}
