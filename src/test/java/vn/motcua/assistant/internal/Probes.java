package vn.motcua.assistant.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.motcua.assistant.AssistantEvaluation;
import vn.motcua.assistant.AssistantTuning;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Test side: what the assistant's probes (tools run by hand, never in {@code verify}) share: the bench's catalogue dump
 * and a service over it, the named question sets, a question answered leave-one-set-out, and the top-1 / top-3 / no
 * match counts. Never a blind set.
 */
final class Probes {

    private Probes() {
    }

    static final Locale VI = Locale.forLanguageTag("vi");

    /** The bench's catalogue dump ({@code AssistantBench} writes it). */
    static final Path CATALOGUE = Path.of("target/assistant-catalogue.json");

    /** The first blind set: the 15th on are measured by the integrator only, never read by a probe. */
    static final int FIRST_BLIND = 15;
    /** Session 18: the 19th, a validation set (figures only: its lines are never printed). */
    static final int VALIDATION = 19;

    static List<ProcedureVersion> catalogue() throws Exception {
        return AssistantTuning.load(CATALOGUE);
    }

    /** Each procedure's field, by code. */
    static Map<String, String> fields(List<ProcedureVersion> catalogue) {
        Map<String, String> out = new java.util.HashMap<>();
        catalogue.forEach(v -> out.put(v.code(), v.field()));
        return out;
    }

    /** A service over the catalogue dump, its index built. */
    static AssistantService service() throws Exception {
        return service(catalogue());
    }

    /** A service over these procedures, its index built. */
    static AssistantService service(List<ProcedureVersion> catalogue) {
        AssistantService service = AssistantTuning.service(catalogue);
        service.rebuildNow();
        return service;
    }

    /**
     * "seen": the seen sets; a number: that held-out tuning set (the 11th to 14th) or the validation set (the 19th). A
     * blind set is refused.
     */
    static List<AssistantEvaluation.Question> set(String name) {
        String n = name.strip();
        if (n.equals("seen")) {
            return AssistantEvaluation.seenSets();
        }
        int nth = Integer.parseInt(n);
        if (nth >= FIRST_BLIND && nth != VALIDATION) {
            throw new IllegalArgumentException("the " + n + "th set is blind: no probe reads it");
        }
        return AssistantEvaluation.load(Path.of("src/test/resources/assistant/questions-held" + n + ".tsv"));
    }

    /** The sets named, comma-separated ({@link #set}), in their order. */
    static Map<String, List<AssistantEvaluation.Question>> sets(String names) {
        Map<String, List<AssistantEvaluation.Question>> out = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            out.put(name.strip(), set(name));
        }
        return out;
    }

    /** The question answered in mode all, its own set's examples left out. */
    static Answers answer(AssistantService service, AssistantEvaluation.Question q, ExampleEvidence ev) {
        return answer(service, q, ev, null);
    }

    /** The same with this learned no-match decision (null: the settings' own). */
    static Answers answer(AssistantService service, AssistantEvaluation.Question q, ExampleEvidence ev, NoMatchGate gate) {
        return service.answer(q.text(), null, 5, VI, RankingWeights.DEFAULT, ev, allBut(service, q), gate);
    }

    /** The examples a question is measured against in mode all: every example but its own set's. */
    static ExampleIndex allBut(AssistantService service, AssistantEvaluation.Question q) {
        return LeaveOneSetOut.view(service.everyExample(), LeaveOneSetOut.Mode.ALL, q.source(), null);
    }

    /** The answer's codes, best first. */
    static List<String> codes(Answers a) {
        return a.answers().stream().map(Answers.Answer::code).toList();
    }

    /** Counts over answered questions: answerable, right first, right in the first three, NONE, NONE refused, refusals. */
    static final class Tally {
        int answerable;
        int top1;
        int top3;
        int none;
        int noneRight;
        int said;

        void add(AssistantEvaluation.Question q, Answers a) {
            List<String> codes = codes(a);
            answerable += q.none() ? 0 : 1;
            top1 += !q.none() && !codes.isEmpty() && q.codes().contains(codes.get(0)) ? 1 : 0;
            top3 += !q.none() && codes.stream().limit(3).anyMatch(q.codes()::contains) ? 1 : 0;
            none += q.none() ? 1 : 0;
            noneRight += q.none() && a.noMatch() ? 1 : 0;
            said += a.noMatch() ? 1 : 0;
        }

        void add(Tally o) {
            answerable += o.answerable;
            top1 += o.top1;
            top3 += o.top3;
            none += o.none;
            noneRight += o.noneRight;
            said += o.said;
        }

        /** "top-1 a/n (r%), top-3 …; no match recall …, precision …", the rates with this many decimals. */
        String line(int decimals) {
            String r = "%." + decimals + "f%%";
            return String.format(Locale.ROOT, "top-1 %d/%d (" + r + "), top-3 %d (" + r + "); no match recall %d/%d (%.1f%%), precision %d/%d (%.1f%%)",
                    top1, answerable, 100.0 * top1 / answerable, top3, 100.0 * top3 / answerable, noneRight, none,
                    100.0 * noneRight / Math.max(1, none), noneRight, said, 100.0 * noneRight / Math.max(1, said));
        }
    }
}
