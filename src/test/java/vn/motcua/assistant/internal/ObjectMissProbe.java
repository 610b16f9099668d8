package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;
import vn.motcua.assistant.AssistantTuning;

/**
 * Scratch (session 18, round 21): the NONE questions of the seen sets (LOSO) and the 11th-14th (tuning sets, read) that
 * production still answers, mode all, with the purpose reading and the top three names. Never a blind set.
 */
@EnabledIfSystemProperty(named = "assistant.probe.omiss", matches = "true")
class ObjectMissProbe {
    @Test
    void misses() throws Exception {
        var catalogue = AssistantTuning.load(Path.of("target/assistant-catalogue.json"));
        Map<String, String> name = new HashMap<>();
        catalogue.forEach(v -> name.put(v.code(), v.name()));
        AssistantService service = AssistantTuning.service(catalogue);
        service.rebuildNow();
        ExampleEvidence ev = ExampleEvidence.DEFAULT.with(System.getProperty("assistant.probe.with", ""));
        PurposeReading purposes = PurposeReading.shipped();
        List<AssistantEvaluation.Question> qs = new ArrayList<>(AssistantEvaluation.seenSets());
        for (String s : "11,12,13,14".split(",")) {
            qs.addAll(AssistantEvaluation.load(Path.of("src/test/resources/assistant/questions-held" + s + ".tsv")));
        }
        for (AssistantEvaluation.Question q : qs) {
            if (!q.none()) continue;
            ExampleIndex view = LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null);
            var a = service.answer(q.text(), null, 5, Locale.forLanguageTag("vi"), RankingWeights.DEFAULT, ev, view);
            if (a.noMatch()) continue;
            var p = purposes.read(q.text());
            System.out.printf("OM\t%s\tpriv=%s act=%s\t%s%n", q.source(), p.privatePurpose(), p.act(), q.text());
            var codes = a.answers().stream().map(vn.motcua.assistant.Answers.Answer::code).toList();
            for (int i = 0; i < Math.min(3, codes.size()); i++) {
                System.out.printf("OM-got\t%d %s %s%n", i + 1, codes.get(i), name.get(codes.get(i)));
            }
        }
    }
}
