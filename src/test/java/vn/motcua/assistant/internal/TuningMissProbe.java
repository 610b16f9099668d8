package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;
import vn.motcua.assistant.AssistantTuning;

/** Scratch (session 18): every miss of the tuning sets (11th-14th), mode all, production settings, with names. */
@EnabledIfSystemProperty(named = "assistant.probe.tmiss", matches = "true")
class TuningMissProbe {
    @Test
    void misses() throws Exception {
        var catalogue = AssistantTuning.load(Path.of("target/assistant-catalogue.json"));
        Map<String, String> name = new HashMap<>();
        catalogue.forEach(v -> name.put(v.code(), v.name()));
        AssistantService service = AssistantTuning.service(catalogue);
        service.rebuildNow();
        ExampleEvidence ev = ExampleEvidence.DEFAULT.with(System.getProperty("assistant.probe.with", ""));
        Set<String> seenCodes = new HashSet<>();
        AssistantEvaluation.seenSets().forEach(q -> seenCodes.addAll(q.codes()));
        for (String s : System.getProperty("assistant.probe.sets", "11,12,13,14").split(",")) {
            for (AssistantEvaluation.Question q : AssistantEvaluation.load(Path.of("src/test/resources/assistant/questions-held" + s + ".tsv"))) {
                ExampleIndex view = LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null);
                var a = service.answer(q.text(), null, 5, Locale.forLanguageTag("vi"), RankingWeights.DEFAULT, ev, view);
                var codes = a.answers().stream().map(vn.motcua.assistant.Answers.Answer::code).toList();
                boolean ok = q.none() ? a.noMatch() : !codes.isEmpty() && q.codes().contains(codes.get(0));
                boolean t3 = !q.none() && codes.stream().limit(3).anyMatch(q.codes()::contains);
                String kind = q.none() ? "NONE" : q.codes().stream().anyMatch(seenCodes::contains) ? "ANS-seen" : "ANS-new";
                System.out.printf("TM\t%s\t%s\t%s\t%s\t%s%n", s, ok ? "ok" : t3 ? "top3" : "miss", kind, q.text(),
                        q.none() ? "" : q.codes().get(0) + " " + name.get(q.codes().get(0)));
                if (!ok) {
                    for (int i = 0; i < Math.min(3, codes.size()); i++) {
                        System.out.printf("TM-got\t%d %s %s%n", i + 1, codes.get(i), name.get(codes.get(i)));
                    }
                    if (a.noMatch()) System.out.println("TM-got\tNOMATCH");
                }
            }
        }
    }
}
