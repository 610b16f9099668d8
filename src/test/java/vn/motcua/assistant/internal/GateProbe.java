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
            int[] pooled = new int[7];
            for (String name : names.split(",")) {
                List<AssistantEvaluation.Question> set = name.strip().equals("seen") ? AssistantEvaluation.seenSets()
                        : AssistantEvaluation.load(Path.of("src/test/resources/assistant/questions-held" + name.strip() + ".tsv"));
                int[] c = new int[7]; // top-1, top-3, none, noneRight, said, answerable, private-read answerable / none (below)
                int privAnswerable = 0, privNone = 0;
                for (AssistantEvaluation.Question q : set) {
                    ExampleIndex view = LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null);
                    var a = service.answer(q.text(), null, 5, java.util.Locale.forLanguageTag("vi"), RankingWeights.DEFAULT, ev, view);
                    var codes = a.answers().stream().map(vn.motcua.assistant.Answers.Answer::code).toList();
                    c[0] += !q.none() && !codes.isEmpty() && q.codes().contains(codes.get(0)) ? 1 : 0;
                    c[1] += !q.none() && codes.stream().limit(3).anyMatch(q.codes()::contains) ? 1 : 0;
                    c[2] += q.none() ? 1 : 0;
                    c[3] += a.noMatch() && q.none() ? 1 : 0;
                    c[4] += a.noMatch() ? 1 : 0;
                    c[5] += q.none() ? 0 : 1;
                    boolean priv = purposes.read(q.text()).onlyPrivate();
                    // the seen sets' own lines only (never a held-out set's): what the reading misses and what it wrongly reads
                    if (name.strip().equals("seen") && Boolean.getBoolean("assistant.probe.seenlines")
                            && (q.none() && !a.noMatch() || priv && !q.none())) {
                        System.out.printf("SEENLINE %s %s private=%s act=%s | %s%n", q.none() ? "NONE-answered" : "answerable-private",
                                q.source(), purposes.read(q.text()).privatePurpose(), purposes.read(q.text()).act(), q.text());
                    }
                    privAnswerable += priv && !q.none() ? 1 : 0;
                    privNone += priv && q.none() ? 1 : 0;
                }
                for (int i = 0; i < 6; i++) {
                    pooled[i] += c[i];
                }
                pooled[6] += privAnswerable;
                print("SPEC [" + spec + "] " + name.strip(), c);
                System.out.printf("SPEC [%s] %s: read private, no act: %d answerable, %d NONE%n", spec, name.strip(), privAnswerable, privNone);
            }
            print("SPEC [" + spec + "] pooled", pooled);
            var r = AssistantEvaluation.runLeavingOut("seen written [" + spec + "]", AssistantEvaluation.seenSets(), service, ev,
                    LeaveOneSetOut.Mode.WRITTEN);
            System.out.println("SPEC " + r);
        }
    }

    private static void print(String label, int[] c) {
        System.out.printf("%s: top-1 %d/%d (%.2f%%), top-3 %d (%.2f%%); no match recall %d/%d (%.1f%%), precision %d/%d (%.1f%%)%n",
                label, c[0], c[5], 100.0 * c[0] / c[5], c[1], 100.0 * c[1] / c[5], c[3], c[2], 100.0 * c[3] / Math.max(1, c[2]),
                c[3], c[4], 100.0 * c[3] / Math.max(1, c[4]));
    }

    /**
     * Session 17: the gate beside the rules ({@code add}) at several thresholds, mode all, over the named sets (each set
     * leaving its own lines out): {@code -Dassistant.probe.addsets=seen,11,12} — "seen" the seen sets, a number that
     * held-out set. Only for the sets declared tuning sets in docs/assistant.md (round 17b); figures only, no line printed.
     */
    private static void addCurve(AssistantService service, String names) {
        double[] ts = {0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7};
        ExampleEvidence add = ExampleEvidence.DEFAULT.with("gate=add");
        for (String name : names.split(",")) {
            List<AssistantEvaluation.Question> set = name.strip().equals("seen") ? AssistantEvaluation.seenSets()
                    : AssistantEvaluation.load(Path.of("src/test/resources/assistant/questions-held" + name.strip() + ".tsv"));
            for (double t : ts) {
                NoMatchGate gate = NoMatchGate.production().at(t);
                int top1 = 0, top3 = 0, none = 0, noneRight = 0, said = 0, answerable = 0;
                for (AssistantEvaluation.Question q : set) {
                    ExampleIndex view = LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null);
                    var a = service.answer(q.text(), null, 5, java.util.Locale.forLanguageTag("vi"), RankingWeights.DEFAULT, add, view, gate);
                    var codes = a.answers().stream().map(vn.motcua.assistant.Answers.Answer::code).toList();
                    none += q.none() ? 1 : 0;
                    answerable += q.none() ? 0 : 1;
                    said += a.noMatch() ? 1 : 0;
                    noneRight += a.noMatch() && q.none() ? 1 : 0;
                    top1 += !q.none() && !codes.isEmpty() && q.codes().contains(codes.get(0)) ? 1 : 0;
                    top3 += !q.none() && codes.stream().limit(3).anyMatch(q.codes()::contains) ? 1 : 0;
                }
                System.out.printf("GATE add %s t=%.2f: top-1 %d/%d (%.1f%%), top-3 %d (%.1f%%); no match recall %d/%d (%.1f%%), precision %d/%d (%.1f%%)%n",
                        name.strip(), t, top1, answerable, 100.0 * top1 / answerable, top3, 100.0 * top3 / answerable, noneRight, none,
                        100.0 * noneRight / Math.max(1, none), noneRight, said, 100.0 * noneRight / Math.max(1, said));
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
        NoMatchGate never = NoMatchGate.production().at(0.999999);
        StringBuilder out = new StringBuilder("source\tnone\tnoMatch\ttop1\ttop3\t" + String.join("\t", NoMatchFeatures.NAMES) + "\n");
        for (AssistantEvaluation.Question q : seen) {
            ExampleIndex view = LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null);
            var a = service.answer(q.text(), null, 5, java.util.Locale.forLanguageTag("vi"), RankingWeights.DEFAULT, sole, view, never);
            var f = service.features(q.text(), sole, view, RankingWeights.DEFAULT);
            var codes = a.answers().stream().map(vn.motcua.assistant.Answers.Answer::code).toList();
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
            double p = service.features(q.text(), sole, LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null),
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
