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
 * The second held-out set's misses are printed only with {@code -Dassistant.bench.heldMisses=true} (once, when the
 * tuning is over). The bench also writes what the index reads of the catalogue to
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
    /** The example settings the accuracy lines are measured with (the latency loop asks as configured). */
    private ExampleEvidence settings = ExampleEvidence.DEFAULT;

    @Test
    void accuracyAndLatency() {
        importer.importAll();
        index.rebuildNow(); // warm-up build (class loading, JIT)
        long[] builds = new long[3];
        for (int i = 0; i < builds.length; i++) {
            builds[i] = index.rebuildNow();
        }
        dump(catalogue.allInForce(LocalDate.now()));
        List<AssistantEvaluation.Question> own = AssistantEvaluation.load(AssistantEvaluation.ownSet());
        List<AssistantEvaluation.Question> held2 = AssistantEvaluation.load(AssistantEvaluation.secondHeldOutSet());
        List<AssistantEvaluation.Question> held3 = AssistantEvaluation.load(AssistantEvaluation.thirdHeldOutSet());
        List<AssistantEvaluation.Question> held4 = AssistantEvaluation.load(AssistantEvaluation.fourthHeldOutSet());
        List<AssistantEvaluation.Question> held5 = AssistantEvaluation.load(AssistantEvaluation.fifthHeldOutSet());
        List<AssistantEvaluation.Question> held6 = AssistantEvaluation.load(AssistantEvaluation.sixthHeldOutSet());
        List<AssistantEvaluation.Question> held7 = AssistantEvaluation.load(AssistantEvaluation.seventhHeldOutSet());
        List<AssistantEvaluation.Question> held8 = AssistantEvaluation.load(AssistantEvaluation.eighthHeldOutSet());
        List<AssistantEvaluation.Question> held9 = AssistantEvaluation.load(AssistantEvaluation.ninthHeldOutSet());
        List<AssistantEvaluation.Question> held10 = AssistantEvaluation.load(AssistantEvaluation.tenthHeldOutSet());
        List<AssistantEvaluation.Question> dev = AssistantEvaluation.devSet() == null ? List.of()
                : AssistantEvaluation.load(AssistantEvaluation.devSet());
        List<AssistantEvaluation.Question> ownAll = new ArrayList<>(own);
        ownAll.addAll(held2);
        ownAll.addAll(held3);
        ownAll.addAll(held4);
        ownAll.addAll(held5);
        ownAll.addAll(held6);
        ownAll.addAll(held7);
        ownAll.addAll(held8);
        ownAll.addAll(held9);
        ownAll.addAll(held10);
        List<AssistantEvaluation.Question> all = new ArrayList<>(ownAll);
        all.addAll(dev);
        for (int i = 0; i < 3; i++) { // warm-up
            AssistantEvaluation.run("warm-up", all, q -> assistant.ask(q, null, 5, Locale.forLanguageTag("vi")));
        }
        // round 9: every set measured without the answered examples, then with them, each set without its own lines
        boolean examples = Boolean.parseBoolean(System.getProperty("assistant.examples", "true"));
        settings = ExampleEvidence.OFF;
        List<AssistantEvaluation.Result> without = results(own, held2, held3, held4, held5, held6, held7, held8, held9, held10, dev, ownAll);
        settings = examples ? ExampleEvidence.DEFAULT : ExampleEvidence.OFF;
        List<AssistantEvaluation.Result> results = results(own, held2, held3, held4, held5, held6, held7, held8, held9, held10, dev, ownAll);
        int n = 3000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String q = all.get(i % all.size()).text();
            long t = System.nanoTime();
            assistant.ask(q, null, 5, Locale.forLanguageTag("vi"));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%nASSISTANT BENCH over %d procedures (shared 2-core machine)%n", index.size());
        System.out.printf("index build: %s ms%n", Arrays.toString(builds));
        System.out.println("-- without examples");
        without.forEach(r -> System.out.println(r));
        System.out.println(examples ? "-- with examples (leave-one-set-out)" : "-- examples off (-Dassistant.examples=false)");
        results.forEach(r -> System.out.println(r));
        System.out.printf("latency over %d questions (%d distinct): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, all.size(), nanos[n / 2] / 1e6, nanos[n * 95 / 100] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
        if (Boolean.getBoolean("assistant.bench.heldMisses")) {
            System.out.println("misses on the 2nd held-out set (not looked at while tuning; printed for the record):");
            results.get(3).misses().forEach(System.out::println);
        }
        if (Boolean.getBoolean("assistant.bench.held3Misses")) {
            System.out.println("misses on the 3rd held-out set (not looked at while tuning; printed once, at the end):");
            results.get(5).misses().forEach(System.out::println);
        }
        System.out.println();
        // round 9's targets (#18): printed, judged by a reader on a quiet machine (a bench asserts no timing)
        System.out.printf("targets: latency p95 %.2f ms (<= 30), index build max %d ms (<= 10,000)%n",
                nanos[n * 95 / 100] / 1e6, Arrays.stream(builds).max().orElseThrow());
    }

    private List<AssistantEvaluation.Result> results(List<AssistantEvaluation.Question> own,
            List<AssistantEvaluation.Question> held2, List<AssistantEvaluation.Question> held3,
            List<AssistantEvaluation.Question> held4, List<AssistantEvaluation.Question> held5,
            List<AssistantEvaluation.Question> held6, List<AssistantEvaluation.Question> held7,
            List<AssistantEvaluation.Question> held8, List<AssistantEvaluation.Question> held9,
            List<AssistantEvaluation.Question> held10,
            List<AssistantEvaluation.Question> dev,
            List<AssistantEvaluation.Question> ownAll) {
        return List.of(
                run("own, all " + ownAll.size(), ownAll),
                run("own, tuning half", own.stream().filter(q -> q.split().equals("tune")).toList()),
                run("own, 1st held-out half", own.stream().filter(q -> q.split().equals("held")).toList()),
                run("own, 2nd held-out set", held2),
                run("shared dev set", dev),
                run("own, 3rd held-out set", held3),
                run("own, 4th held-out set", held4),
                run("own, 5th held-out set", held5),
                run("own, 6th held-out set", held6),
                run("own, 7th held-out set", held7),
                run("own, 8th held-out set", held8),
                run("own, 9th held-out set", held9),
                run("own, 10th held-out set", held10));
    }

    /** Each question without the examples of its own set (leave-one-set-out). */
    private AssistantEvaluation.Result run(String name, List<AssistantEvaluation.Question> questions) {
        return AssistantEvaluation.runLeavingOut(name, questions, assistant, settings);
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
