package vn.motcua.assistant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.support.IntegrationTest;

/**
 * The assistant over the imported catalogue (2,642 procedures): index build time, then top-1, top-3, no-match
 * precision and recall on our own set (tuning half and held-out half apart) and on the shared dev set, and latency.
 * {@code ./mvnw -Pbench test -Dtest=AssistantBench}. Prints; asserts nothing.
 */
@IntegrationTest
class AssistantBench {

    @Autowired
    CatalogueImporter importer;
    @Autowired
    Assistant assistant;
    @Autowired
    AssistantIndex index;

    @Test
    void accuracyAndLatency() {
        importer.importAll();
        index.rebuildNow(); // warm-up build (class loading, JIT)
        long[] builds = new long[3];
        for (int i = 0; i < builds.length; i++) {
            builds[i] = index.rebuildNow();
        }
        List<AssistantEvaluation.Question> own = AssistantEvaluation.load(AssistantEvaluation.ownSet());
        List<AssistantEvaluation.Question> dev = AssistantEvaluation.devSet() == null ? List.of()
                : AssistantEvaluation.load(AssistantEvaluation.devSet());
        List<AssistantEvaluation.Question> all = new ArrayList<>(own);
        all.addAll(dev);
        for (int i = 0; i < 3; i++) { // warm-up
            AssistantEvaluation.run("warm-up", all, q -> assistant.ask(q, null, 5, Locale.forLanguageTag("vi")));
        }
        List<AssistantEvaluation.Result> results = List.of(
                run("own, all", own),
                run("own, tuning half", own.stream().filter(q -> q.split().equals("tune")).toList()),
                run("own, held-out half", own.stream().filter(q -> q.split().equals("held")).toList()),
                run("shared dev set", dev));
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
        results.forEach(r -> System.out.println(r));
        System.out.printf("latency over %d questions (%d distinct): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, all.size(), nanos[n / 2] / 1e6, nanos[n * 95 / 100] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
        System.out.println("misses on the held-out half (not looked at while tuning; printed for the record):");
        results.get(2).misses().forEach(System.out::println);
        System.out.println();
    }

    private AssistantEvaluation.Result run(String name, List<AssistantEvaluation.Question> questions) {
        return AssistantEvaluation.run(name, questions, q -> assistant.ask(q, null, 5, Locale.forLanguageTag("vi")));
    }
}
