package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;
import vn.motcua.assistant.AssistantTuning;

/**
 * A grid over the ranking numbers ({@link RankingWeights}), on the tuning half and the shared dev set only (the held-out
 * sets are never run here): every combination's figures, then the best's misses. Over the catalogue the bench wrote
 * ({@code target/assistant-catalogue.json}), without a database:
 * {@code ./mvnw -q test -Dtest=RankingGrid -Dassistant.grid='name2=1.5,2,3;tie=0,0.1'} (a base with
 * {@code -Dassistant.base='alpha=0.5'}).
 */
@EnabledIfSystemProperty(named = "assistant.grid", matches = ".+")
class RankingGrid {

    record Row(String spec, AssistantEvaluation.Result tune, AssistantEvaluation.Result dev) {
        double key() {
            return tune.top1() + 0.5 * tune.top3() + tune.noneRight() - tune.saidNone() + dev.top1() + 0.5 * dev.top3();
        }
    }

    /**
     * For the no-match threshold: the best candidate's share of the question's spans covered by its name, and its score,
     * for every tuning-half question (answerable or not), sorted; the held-out sets are not read.
     */
    @Test
    @EnabledIfSystemProperty(named = "assistant.grid.coverage", matches = "true")
    void coverage() throws Exception {
        AssistantService service = AssistantTuning.service(AssistantTuning.load(Path.of("target/assistant-catalogue.json")));
        service.rebuildNow();
        RankingWeights w = RankingWeights.DEFAULT.with(System.getProperty("assistant.base", ""));
        List<String> lines = new ArrayList<>();
        for (AssistantEvaluation.Question q : AssistantEvaluation.load(AssistantEvaluation.ownSet())) {
            if (!q.split().equals("tune")) {
                continue;
            }
            List<Ranker.Candidate> ranked = service.candidates(q.text(), w);
            if (ranked.isEmpty()) {
                lines.add(String.format("COVER none  -    %-6s %s", q.none() ? "NONE" : "answer", q.text()));
                continue;
            }
            Ranker.Candidate top = ranked.get(0);
            lines.add(String.format("COVER %.2f %6.1f %-6s %-5s %s", top.coverage(), top.score(), q.none() ? "NONE"
                    : q.codes().contains(top.meta().code()) ? "right" : "wrong", Evidence.matches(top, w) ? "pairs" : "-", q.text()));
        }
        lines.stream().sorted().forEach(System.out::println);
    }

    @Test
    void grid() throws Exception {
        AssistantService service = AssistantTuning.service(AssistantTuning.load(Path.of("target/assistant-catalogue.json")));
        service.rebuildNow();
        List<AssistantEvaluation.Question> tune = AssistantEvaluation.load(AssistantEvaluation.ownSet()).stream()
                .filter(q -> q.split().equals("tune")).toList();
        List<AssistantEvaluation.Question> dev = AssistantEvaluation.load(AssistantEvaluation.devSet());
        RankingWeights base = RankingWeights.DEFAULT.with(System.getProperty("assistant.base", ""));
        List<String> specs = List.of("");
        for (String axis : System.getProperty("assistant.grid").split(";")) {
            String key = axis.split("=")[0].strip();
            List<String> next = new ArrayList<>();
            for (String s : specs) {
                for (String v : axis.split("=")[1].split(",")) {
                    next.add((s.isEmpty() ? "" : s + ",") + key + "=" + v.strip());
                }
            }
            specs = next;
        }
        Locale vi = Locale.forLanguageTag("vi");
        List<Row> rows = new ArrayList<>();
        for (String spec : specs) {
            RankingWeights w = base.with(spec);
            Row r = new Row(spec, AssistantEvaluation.run("tuning half", tune, q -> service.ask(q, null, 5, vi, w)),
                    AssistantEvaluation.run("dev set", dev, q -> service.ask(q, null, 5, vi, w)));
            rows.add(r);
            System.out.printf("GRID %-60s tune top-1 %3d top-3 %3d none %2d/%2d said %2d | dev top-1 %2d top-3 %2d none %d/%d%n",
                    spec, r.tune().top1(), r.tune().top3(), r.tune().noneRight(), r.tune().none(), r.tune().saidNone(),
                    r.dev().top1(), r.dev().top3(), r.dev().noneRight(), r.dev().none());
        }
        Row best = rows.stream().max(Comparator.comparingDouble(Row::key)).orElseThrow();
        System.out.println("BEST " + best.spec() + " (base " + base + ")");
        System.out.println(best.tune());
        if (Boolean.getBoolean("assistant.grid.misses")) {
            best.tune().misses().forEach(System.out::println);
        }
        System.out.println(best.dev());
        if (Boolean.getBoolean("assistant.grid.misses")) {
            best.dev().misses().forEach(System.out::println);
        }
    }
}
