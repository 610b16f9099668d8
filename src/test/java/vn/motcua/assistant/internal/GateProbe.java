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
        if (Boolean.getBoolean("assistant.probe.curve")) {
            curve(service, seen);
        }
    }

    /**
     * The gate alone at lower thresholds than the file's, mode all, as information (never to choose one): a question
     * refused at the file's threshold is refused at any lower one, so one pass and each question's P(NONE) give them all.
     */
    private static void curve(AssistantService service, List<AssistantEvaluation.Question> seen) {
        ExampleEvidence sole = ExampleEvidence.DEFAULT.with("gate=sole");
        LeaveOneSetOut seam = LeaveOneSetOut.of(service, sole, LeaveOneSetOut.Mode.ALL);
        NoMatchGate gate = NoMatchGate.production();
        double[] ts = {0.3, 0.4, 0.5, 0.6, gate.threshold()};
        int[] top1 = new int[ts.length];
        int[] noneRight = new int[ts.length];
        int[] said = new int[ts.length];
        int none = 0;
        for (AssistantEvaluation.Question q : seen) {
            var a = seam.ask(q.text(), q.source());
            double p = service.features(q.text(), sole, LeaveOneSetOut.view(service.examples(), LeaveOneSetOut.Mode.ALL, q.source(), null),
                    RankingWeights.DEFAULT).map(gate::probability).orElse(1.0);
            none += q.none() ? 1 : 0;
            for (int i = 0; i < ts.length; i++) {
                boolean refused = a.noMatch() || p >= ts[i];
                said[i] += refused ? 1 : 0;
                noneRight[i] += refused && q.none() ? 1 : 0;
                top1[i] += !refused && !q.none() && q.codes().contains(a.answers().get(0).code()) ? 1 : 0;
            }
        }
        for (int i = 0; i < ts.length; i++) {
            System.out.printf("GATE curve sole, all, threshold %.2f: top-1 %d; no match recall %d/%d, precision %d/%d%n", ts[i], top1[i],
                    noneRight[i], none, noneRight[i], said[i]);
        }
    }
}
