package vn.motcua.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.assistant.internal.AssistantService;
import vn.motcua.assistant.internal.ExampleEvidence;
import vn.motcua.assistant.internal.LeaveOneSetOut;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.support.IntegrationTest;

/**
 * The assistant over the imported catalogue (2,642 procedures): index build time, then top-1, top-3, no-match
 * precision and recall on our own set (tuning half, first held-out half, second held-out set) and on the shared dev
 * set, and latency. {@code ./mvnw -Pbench test -Dtest=AssistantBench}. Prints every set without and with the answered
 * examples (each set without its own lines: leave-one-set-out); asserts only the time targets (p95 ≤ 30 ms, build ≤ 10 s).
 * <p>
 * Round 14: the examples in each measurement mode ({@link LeaveOneSetOut.Mode}: sets, written, all; none is the
 * "without" block). The bench also writes what the index reads of the catalogue to
 * {@code target/assistant-catalogue.json}, for {@link AssistantTuning} (tuning half and dev set only, no database).
 */
@IntegrationTest
class AssistantBench {

    @Autowired
    CatalogueImporter importer;
    @Autowired
    AssistantService assistant;
    @Autowired
    AssistantIndex index;
    @Autowired
    Catalogue catalogue;
    /** The bound example settings (round 17: {@code -Dmotcua.assistant.examples.gate=add} measures the gate in every pass). */
    @Autowired
    ExampleEvidence settings;

    @Test
    void accuracyAndLatency() {
        importer.importAll();
        index.rebuildNow(); // warm-up build (class loading, JIT)
        long[] builds = new long[3];
        for (int i = 0; i < builds.length; i++) {
            builds[i] = index.rebuildNow();
        }
        dump(catalogue.allInForce(LocalDate.now()));
        Map<String, List<AssistantEvaluation.Question>> sets = AssistantEvaluation.sets();
        List<AssistantEvaluation.Question> all = new ArrayList<>();
        sets.forEach((name, set) -> {
            if (!name.startsWith("own, all") && !(name.startsWith("blind") && name.contains(","))) { // each question once
                all.addAll(set);
            }
        });
        for (int i = 0; i < 3; i++) { // warm-up
            AssistantEvaluation.run("warm-up", all, q -> assistant.ask(q, null, 5, Locale.forLanguageTag("vi")));
        }
        // round 9: every set measured without the answered examples, then with them, each set without its own lines;
        // round 14: with them in each measurement mode (sets: today's figure; written: the written corpus alone, every
        // set's lines out; all: both, leave-one-set-out), or only the mode -Dassistant.examples.mode names
        boolean examples = Boolean.parseBoolean(System.getProperty("assistant.examples", "true"));
        List<LeaveOneSetOut.Mode> modes = !examples ? List.of()
                : System.getProperty("assistant.examples.mode") != null ? List.of(LeaveOneSetOut.Mode.fromProperty())
                : List.of(LeaveOneSetOut.Mode.SETS, LeaveOneSetOut.Mode.WRITTEN, LeaveOneSetOut.Mode.ALL);
        Map<String, List<AssistantEvaluation.Result>> results = new LinkedHashMap<>();
        long e0 = System.nanoTime();
        results.put("-- without examples (mode none)", results(sets, LeaveOneSetOut.Mode.NONE));
        for (LeaveOneSetOut.Mode mode : modes) {
            results.put("-- with examples, mode " + mode.label() + switch (mode) {
                case SETS -> " (our sets' questions only, leave-one-set-out: the figure of rounds 9-13b)";
                case WRITTEN -> " (the written corpus only: every set's lines out)";
                case ALL -> " (written corpus + sets, leave-one-set-out)";
                case NONE -> "";
            }, results(sets, mode));
        }
        long evalMs = (System.nanoTime() - e0) / 1_000_000;
        int n = 3000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String q = all.get(i % all.size()).text();
            long t = System.nanoTime();
            assistant.ask(q, null, 5, Locale.forLanguageTag("vi"));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%nASSISTANT BENCH over %d procedures (shared 2-core machine), no-match gate %s%n", index.size(),
                settings.gate().name().toLowerCase(Locale.ROOT));
        System.out.printf("index build: %s ms%n", Arrays.toString(builds));
        results.forEach((title, rs) -> {
            System.out.println(title);
            rs.forEach(System.out::println);
        });
        System.out.printf("evaluation passes: %d ms%n", evalMs);
        // the misses of two early held-out sets, printed once each at the end of their rounds (last block's mode)
        List<AssistantEvaluation.Result> last = new ArrayList<>(results.values()).get(results.size() - 1);
        for (String[] m : List.of(new String[] {"assistant.bench.heldMisses", "own, 2nd held-out set"},
                new String[] {"assistant.bench.held3Misses", "own, 3rd held-out set"})) {
            if (Boolean.getBoolean(m[0])) {
                System.out.println("misses on " + m[1] + ":");
                last.stream().filter(r -> r.name().equals(m[1])).forEach(r -> r.misses().forEach(System.out::println));
            }
        }
        System.out.printf("latency over %d questions (%d distinct): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, all.size(), nanos[n / 2] / 1e6, nanos[n * 95 / 100] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
        System.out.println();
        // round 9's targets (#18): printed, judged by a reader on a quiet machine (a bench asserts no timing)
        System.out.printf("targets: latency p95 %.2f ms (<= 30), index build max %d ms (<= 10,000)%n",
                nanos[n * 95 / 100] / 1e6, Arrays.stream(builds).max().orElseThrow());
    }

    private List<AssistantEvaluation.Result> results(Map<String, List<AssistantEvaluation.Question>> sets, LeaveOneSetOut.Mode mode) {
        List<AssistantEvaluation.Result> out = new ArrayList<>();
        sets.forEach((name, set) -> out.add(AssistantEvaluation.runLeavingOut(name, set, assistant, settings, mode)));
        return out;
    }

    /** What the index reads of each procedure, for the database-free tuning run. */
    static void dump(List<ProcedureVersion> versions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProcedureVersion v : versions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("name", v.name());
            m.put("field", v.field());
            m.put("levels", v.levels());
            m.put("docs", v.requiredDocuments().stream().map(RequiredDocument::name).toList());
            m.put("performerLevel", v.performer() == null || v.performer().level() == null ? null : v.performer().level().name());
            m.put("performerText", v.performer() == null ? null : v.performer().text());
            m.put("applicantTypes", v.applicantTypes());
            m.put("result", v.result());
            out.add(m);
        }
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/assistant-catalogue.json"), JsonMapper.builder().build().writeValueAsString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
