package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;
import vn.motcua.assistant.AssistantTuning;

/**
 * Round 17 (a tool, not a test): the seen sets (the validation the gate never saw), leave-one-set-out, with the learned
 * no-match decision off, added, replacing the examples' and topic's rules, and alone, in modes all, sets and written,
 * over the bench's catalogue file. No blind set is read. {@code -Dassistant.probe.gate=true}
 * ({@code -Dassistant.probe.gates=off,add} and {@code -Dassistant.probe.modes=all} to narrow).
 */
@EnabledIfSystemProperty(named = "assistant.probe.gate", matches = "true")
class GateProbe {

    @Test
    void seenSets() throws Exception {
        AssistantService service = AssistantTuning.service(AssistantTuning.load(Path.of("target/assistant-catalogue.json")));
        service.rebuildNow();
        List<AssistantEvaluation.Question> seen = AssistantEvaluation.seenSets();
        for (String mode : System.getProperty("assistant.probe.modes", "all,sets,written").split(",")) {
            for (String gate : System.getProperty("assistant.probe.gates", "off,add,replace,sole").split(",")) {
                var r = AssistantEvaluation.runLeavingOut("seen " + mode + "/" + gate, seen, service,
                        ExampleEvidence.DEFAULT.with("gate=" + gate), LeaveOneSetOut.Mode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT)));
                System.out.println("GATE " + r);
            }
        }
    }
}
