package vn.motcua.assistant.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The ten best candidates of the questions given, with their evidence, for looking into a tuning-half miss:
 * {@code ./mvnw -q test -Dtest=RankingProbe -Dassistant.probe='cap lai so bhxh|…'}. Only for questions of the tuning
 * half or the dev set (the held-out sets are never probed).
 */
@EnabledIfSystemProperty(named = "assistant.probe", matches = ".+")
class RankingProbe {

    @Test
    void probe() throws Exception {
        AssistantService service = Probes.service();
        RankingWeights w = RankingWeights.DEFAULT.with(System.getProperty("assistant.base", ""));
        if (System.getProperty("assistant.probe").equals("unfamiliar")) {
            // the tuning half only: the share of unknown content words, the best score, and whether it is answerable
            List<String> lines = new java.util.ArrayList<>();
            for (var q : vn.motcua.assistant.AssistantEvaluation.load(vn.motcua.assistant.AssistantEvaluation.ownSet())) {
                if (q.split().equals("tune")) {
                    List<Ranker.Candidate> ranked = service.candidates(q.text(), w);
                    lines.add(String.format("UNFAMILIAR %.2f %6.1f %s %s", service.reading(q.text()).unfamiliar(),
                            ranked.isEmpty() ? 0 : ranked.get(0).score(), q.none() ? "NONE  " : "answer", q.text()));
                }
            }
            lines.stream().sorted(java.util.Comparator.reverseOrder()).limit(60).forEach(System.out::println);
            return;
        }
        if (System.getProperty("assistant.probe").equals("generic")) {
            // the tuning half only: the best candidate's shared name pairs with the number of fields using each
            ProcedureIndex idx = service.index();
            List<String> lines = new java.util.ArrayList<>();
            for (var q : vn.motcua.assistant.AssistantEvaluation.load(vn.motcua.assistant.AssistantEvaluation.ownSet())) {
                if (!q.split().equals("tune")) {
                    continue;
                }
                List<Ranker.Candidate> ranked = service.candidates(q.text(), w);
                if (ranked.isEmpty()) {
                    continue;
                }
                Ranker.Candidate top = ranked.get(0);
                var reading = service.reading(q.text());
                java.util.function.Predicate<String> in = p -> top.meta().nameBigrams().contains(p)
                        || top.meta().bodyBigrams().contains(p);
                List<String> shared = reading.bigrams().stream().filter(in)
                        .map(p -> p + ":" + idx.pairProcedures(p)).toList();
                int min = reading.bigrams().stream().filter(in).mapToInt(idx::pairProcedures).min().orElse(9999);
                lines.add(String.format("GENERIC %4d %6.1f %s %s %s", min, top.score(), q.none() ? "NONE "
                        : q.codes().contains(top.meta().code()) ? "right" : "wrong", shared, q.text()));
            }
            lines.stream().sorted(java.util.Comparator.reverseOrder()).forEach(System.out::println);
            return;
        }
        for (String q : System.getProperty("assistant.probe").split("\\|")) {
            List<Ranker.Candidate> ranked = service.candidates(q, w);
            System.out.println("PROBE " + q);
            for (Ranker.Candidate c : ranked.subList(0, Math.min(10, ranked.size()))) {
                System.out.printf("  %6.2f n2=%d b2=%d n1=%d cov=%.2f %s %s%n", c.score(), c.nameBigrams(), c.bodyBigrams(),
                        c.nameUnigrams(), c.coverage(), c.meta().code(), c.meta().name());
            }
        }
    }
}
