package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.AssistantEvaluation;

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
        AssistantService service = Probes.service();
        List<AssistantEvaluation.Question> seen = AssistantEvaluation.seenSets();
        // round 18's specs run their own passes (below)
        String modes = System.getProperty("assistant.probe.specs", "").isBlank() ? System.getProperty("assistant.probe.modes", "all,sets,written") : "";
        for (String mode : modes.isEmpty() ? new String[0] : modes.split(",")) {
            for (String gate : System.getProperty("assistant.probe.gates", "off,add,replace,sole").split(",")) {
                var r = AssistantEvaluation.runLeavingOut("seen " + mode + "/" + gate, seen, service,
                        ExampleEvidence.DEFAULT.with("gate=" + gate), LeaveOneSetOut.Mode.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT)));
                System.out.println("GATE " + r);
            }
        }
        if (Boolean.getBoolean("assistant.probe.curve")) {
            curve(service, seen);
        }
        if (Boolean.getBoolean("assistant.probe.dump")) {
            dump(service, seen);
        }
        String addSets = System.getProperty("assistant.probe.addsets", "");
        String specs = System.getProperty("assistant.probe.specs", "");
        if (!addSets.isBlank() && !specs.isBlank()) {
            specsPooled(service, addSets, specs);
        } else if (!addSets.isBlank()) {
            addCurve(service, addSets);
        }
    }

    /**
     * Round 18: production's settings changed by each spec ({@code -Dassistant.probe.specs="purpose=false;purpose=true"},
     * specs split by ';') over the named tuning sets, mode all, each set and pooled; then the seen sets in mode written.
     * Also how many answerable and NONE questions the purpose reading calls private with no act (counts only, no line).
     */
    private static void specsPooled(AssistantService service, String names, String specs) {
        PurposeReading purposes = PurposeReading.shipped();
        for (String spec : specs.split(";")) {
            ExampleEvidence ev = ExampleEvidence.DEFAULT.with(spec);
            Probes.Tally pooled = new Probes.Tally();
            int pooledPrivate = 0;
            for (var set : Probes.sets(names).entrySet()) {
                String name = set.getKey();
                Probes.Tally c = new Probes.Tally();
                int privAnswerable = 0, privNone = 0;
                for (AssistantEvaluation.Question q : set.getValue()) {
                    var a = Probes.answer(service, q, ev);
                    c.add(q, a);
                    boolean priv = purposes.read(q.text()).onlyPrivate();
                    // the seen sets' own lines only (never a held-out set's): what the reading misses and what it wrongly reads
                    if (name.equals("seen") && Boolean.getBoolean("assistant.probe.seenlines")
                            && (q.none() && !a.noMatch() || priv && !q.none())) {
                        System.out.printf("SEENLINE %s %s private=%s act=%s | %s%n", q.none() ? "NONE-answered" : "answerable-private",
                                q.source(), purposes.read(q.text()).privatePurpose(), purposes.read(q.text()).act(), q.text());
                    }
                    privAnswerable += priv && !q.none() ? 1 : 0;
                    privNone += priv && q.none() ? 1 : 0;
                }
                pooled.add(c);
                pooledPrivate += privAnswerable;
                System.out.println("SPEC [" + spec + "] " + name + ": " + c.line(2));
                System.out.printf("SPEC [%s] %s: read private, no act: %d answerable, %d NONE%n", spec, name, privAnswerable, privNone);
            }
            System.out.println("SPEC [" + spec + "] pooled: " + pooled.line(2));
            var r = AssistantEvaluation.runLeavingOut("seen written [" + spec + "]", AssistantEvaluation.seenSets(), service, ev,
                    LeaveOneSetOut.Mode.WRITTEN);
            System.out.println("SPEC " + r);
        }
    }

    /**
     * Session 17: the gate beside the rules ({@code add}) at several thresholds, mode all, over the named sets (each set
     * leaving its own lines out): {@code -Dassistant.probe.addsets=seen,11,12} — "seen" the seen sets, a number that
     * held-out set. Only for the sets declared tuning or validation sets in docs/assistant.md; figures only, no line
     * printed; {@code -Dassistant.probe.thresholds=0.3,0.5} the thresholds (default 0.35 to 0.70).
     */
    private static void addCurve(AssistantService service, String names) {
        double[] ts = java.util.Arrays.stream(System.getProperty("assistant.probe.thresholds", "0.35,0.4,0.45,0.5,0.55,0.6,0.7")
                .split(",")).mapToDouble(Double::parseDouble).toArray();
        ExampleEvidence add = ExampleEvidence.DEFAULT.with("gate=add");
        for (var set : Probes.sets(names).entrySet()) {
            for (double t : ts) {
                NoMatchGate gate = NoMatchGate.production(t);
                Probes.Tally c = new Probes.Tally();
                for (AssistantEvaluation.Question q : set.getValue()) {
                    c.add(q, Probes.answer(service, q, add, gate));
                }
                System.out.printf("GATE add %s t=%.2f: %s%n", set.getKey(), t, c.line(1));
            }
        }
    }

    /**
     * Each seen question's features (mode all, LOSO) and its answers when no gate refuses it (the gate alone at a
     * threshold it never reaches), to target/gate-seen.tsv: another model over the same features can then be measured
     * offline as the gate alone would be (refused when it says so; otherwise these answers).
     */
    private static void dump(AssistantService service, List<AssistantEvaluation.Question> seen) throws Exception {
        ExampleEvidence sole = ExampleEvidence.DEFAULT.with("gate=sole");
        NoMatchGate never = NoMatchGate.production(0.999999);
        StringBuilder out = new StringBuilder("source\tnone\tnoMatch\ttop1\ttop3\t" + String.join("\t", NoMatchFeatures.NAMES) + "\n");
        for (AssistantEvaluation.Question q : seen) {
            var a = Probes.answer(service, q, sole, never);
            var f = service.features(q.text(), sole, Probes.allBut(service, q), RankingWeights.DEFAULT);
            var codes = Probes.codes(a);
            out.append(q.source()).append('\t').append(q.none() ? 1 : 0).append('\t').append(a.noMatch() || f.isEmpty() ? 1 : 0)
                    .append('\t').append(!codes.isEmpty() && q.codes().contains(codes.get(0)) ? 1 : 0)
                    .append('\t').append(codes.stream().limit(3).anyMatch(q.codes()::contains) ? 1 : 0);
            double[] x = f.map(NoMatchFeatures::values).orElse(new double[NoMatchFeatures.NAMES.size()]);
            for (double v : x) {
                out.append('\t').append(String.format(java.util.Locale.ROOT, "%.6f", v));
            }
            out.append('\n');
        }
        java.nio.file.Files.writeString(Path.of("target/gate-seen.tsv"), out.toString());
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
            double p = service.features(q.text(), sole, Probes.allBut(service, q), RankingWeights.DEFAULT).map(gate::probability).orElse(1.0);
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
