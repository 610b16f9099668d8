package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;

/**
 * Round 11 (a tool, not a test): every seen question whose first answer the sibling guard ({@code nameFirst}) changes,
 * and the 7th set's misses, leave-one-set-out, for docs/assistant.md's tables. {@code -Dassistant.probe.guard=true},
 * {@code -Dassistant.probe.with=k=3,...} for other example settings.
 */
@EnabledIfSystemProperty(named = "assistant.probe.guard", matches = "true")
class GuardProbe {
    @Test
    void probe() throws Exception {
        var catalogue = Probes.catalogue();
        var service = Probes.service(catalogue);
        java.util.Map<String, String> field = Probes.fields(catalogue);
        List<AssistantEvaluation.Question> all = new ArrayList<>(AssistantEvaluation.load(AssistantEvaluation.ownSet()));
        for (Path p : List.of(AssistantEvaluation.secondHeldOutSet(), AssistantEvaluation.thirdHeldOutSet(), AssistantEvaluation.fourthHeldOutSet(),
                AssistantEvaluation.fifthHeldOutSet(), AssistantEvaluation.sixthHeldOutSet(), AssistantEvaluation.seventhHeldOutSet())) {
            all.addAll(AssistantEvaluation.load(p));
        }
        var on = LeaveOneSetOut.of(service, ExampleEvidence.DEFAULT.with(System.getProperty("assistant.probe.with", "")));
        var off = LeaveOneSetOut.of(service, ExampleEvidence.DEFAULT.with(System.getProperty("assistant.probe.with", "") + ",nameFirst=false"));
        for (var q : all) {
            var a = on.ask(q.text(), q.source());
            var b = off.ask(q.text(), q.source());
            String ta = a.answers().isEmpty() ? "-" : a.answers().get(0).code();
            String tb = b.answers().isEmpty() ? "-" : b.answers().get(0).code();
            if (!ta.equals(tb)) {
                System.out.println("GUARD " + q.source() + " | " + q.text() + " | want " + q.codes() + " | on " + ta + " "
                        + a.answers().get(0).name() + " | off " + tb + " " + b.answers().get(0).name());
            }
        }
        // the 7th set's misses, leave-one-set-out, for the error analysis
        for (var q : AssistantEvaluation.load(AssistantEvaluation.seventhHeldOutSet())) {
            var a = on.ask(q.text(), q.source());
            boolean right = q.none() ? a.noMatch() : !a.answers().isEmpty() && q.codes().contains(a.answers().get(0).code());
            if (!right) {
                List<String> top = a.answers().stream().limit(3).map(x -> x.code() + " " + x.name().substring(0, Math.min(70, x.name().length()))).toList();
                boolean top3 = a.answers().stream().limit(3).anyMatch(x -> q.codes().contains(x.code()));
                System.out.println("MISS7 " + (top3 ? "top3 " : "     ") + q.text() + " | want " + q.codes() + " | got " + (a.noMatch() ? "NO MATCH" : top) + (a.clarify() != null ? " CLARIFY" : ""));
            }
        }
    
        // round 12: the 8th set's misses, leave-one-set-out, with the wanted and the first answer's field
        for (var q : AssistantEvaluation.load(AssistantEvaluation.eighthHeldOutSet())) {
            var a = on.ask(q.text(), q.source());
            if (q.none() || a.noMatch() || q.codes().contains(a.answers().get(0).code())) {
                continue;
            }
            String got = a.answers().get(0).code();
            String want = field.get(q.codes().get(0));
            boolean top3 = a.answers().stream().limit(3).anyMatch(x -> q.codes().contains(x.code()));
            System.out.println("MISS8\t" + (java.util.Objects.equals(want, field.get(got)) ? "same" : "other") + "\t" + (top3 ? "top3" : "-")
                    + "\t" + q.text() + "\t" + q.codes() + " " + want + "\t" + got + " " + field.get(got) + " " + a.answers().get(0).name());
        }
    }
}
