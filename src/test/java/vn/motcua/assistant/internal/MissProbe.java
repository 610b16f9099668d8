package vn.motcua.assistant.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.AssistantEvaluation;

/**
 * Round 13 (a tool, not a test): every seen set's question answered wrongly (a wrong first answer, a refusal, or a NONE
 * question answered), leave-one-set-out,
 * with where the right procedure stands in the catalogue's 40 candidates (before and after the examples are folded in),
 * whether the ranking refused, and the right procedure's best example similarity. Only seen sets (those among the
 * examples) are read. {@code ./mvnw -q test -Dtest=MissProbe -Dassistant.probe.miss=true} over the bench's catalogue file;
 * {@code -Dassistant.probe.trace=true} also prints every question and its first answer.
 */
@EnabledIfSystemProperty(named = "assistant.probe.miss", matches = "true")
class MissProbe {

    @Test
    void misses() throws Exception {
        var catalogue = Probes.catalogue();
        AssistantService service = Probes.service(catalogue);
        Map<String, String> field = Probes.fields(catalogue);
        ExampleEvidence ev = ExampleEvidence.DEFAULT.with(System.getProperty("assistant.probe.with", ""));
        LeaveOneSetOut seam = LeaveOneSetOut.of(service, ev);
        List<AssistantEvaluation.Question> all = AssistantEvaluation.seenSets();
        RankingWeights w = RankingWeights.DEFAULT;
        for (AssistantEvaluation.Question q : all) {
            if (Boolean.getBoolean("assistant.probe.trace")) {
                System.out.println("Q\t" + q.source() + "\t" + q.codes() + "\t" + q.text());
            }
            Answers a = seam.ask(q.text(), q.source());
            if (Boolean.getBoolean("assistant.probe.trace")) {
                System.out.println("A\t" + (a.noMatch() ? "NOMATCH" : a.answers().get(0).code()));
            }
            boolean first = !a.answers().isEmpty() && q.codes().contains(a.answers().get(0).code());
            if (q.none() ? a.noMatch() : first) {
                continue;
            }
            QueryReader.Reading reading = service.reading(q.text());
            List<Ranker.Candidate> ranked = service.rank(service.index(), reading, null, w);
            Map<String, ExampleIndex.Support> s = ev.support(service.everyExample().without(q.source()), reading);
            List<Ranker.Candidate> folded = ev.fold(ranked, s, reading.bigrams());
            int r0 = rankOf(ranked, q.codes());
            int r1 = rankOf(folded, q.codes());
            double right = q.codes().stream().map(s::get).filter(java.util.Objects::nonNull).mapToDouble(ExampleIndex.Support::best).max().orElse(0);
            var bestOther = s.entrySet().stream().filter(e -> !q.codes().contains(e.getKey()))
                    .max(java.util.Comparator.comparingDouble(e -> e.getValue().best()));
            Ranker.Candidate top = ranked.isEmpty() ? null : ranked.get(0);
            boolean refused = top == null || !Evidence.answers(top, w) || Evidence.unfamiliar(reading, top) || Evidence.onlyGeneric(top)
                    || ev.refuses(top, s);
            // round 15: where the right procedure ends in the whole answer list (not just the first five), and the
            // negatives' and the answered examples' nearness, to classify top-3 misses and false accepts
            Answers wide = service.answer(q.text(), null, 40, Locale.forLanguageTag("vi"), w, ev,
                    LeaveOneSetOut.view(service.everyExample(), seam.mode(), q.source(), null));
            int fin = 0;
            for (int i = 0; i < wide.answers().size(); i++) {
                if (q.codes().contains(wide.answers().get(i).code())) {
                    fin = i + 1;
                    break;
                }
            }
            ExampleIndex.Support neg = s.get(ExampleIndex.NONE);
            double ans = s.entrySet().stream().filter(e -> !e.getKey().equals(ExampleIndex.NONE))
                    .mapToDouble(e -> e.getValue().best()).max().orElse(0);
            System.out.printf(Locale.ROOT, "MX\t%s\t%s\tfinal=%d\tof=%d\tneg=%.2f\tnegS=%.2f\tans=%.2f\tscore=%.1f\tbody=%d\tcov=%.2f\t%s%n",
                    q.source(), q.none() ? "NONE" : "ANS", fin, wide.answers().size(), neg == null ? 0 : neg.best(),
                    neg == null ? 0 : neg.score(), ans, top == null ? 0 : top.score(), top == null ? 0 : top.bodyBigrams(),
                    top == null ? 0 : top.coverage(), q.text());
            String got = a.noMatch() ? "NOMATCH" : a.answers().stream().limit(3).map(x -> x.code()).toList().toString();
            System.out.printf(Locale.ROOT, "MP\t%s\t%s\t%s\tr0=%d\tr1=%d\t%s\tright=%.2f\tother=%s %.2f\tpairs=%d\t%s\t%s\twant %s %s\tgot %s %s%n",
                    q.source(), q.none() ? "NONE" : "ANS", a.noMatch() ? "said-none" : "wrong", r0, r1, refused ? "refused" : "kept",
                    right, bestOther.map(Map.Entry::getKey).orElse("-"), bestOther.map(e -> e.getValue().best()).orElse(0.0),
                    top == null ? 0 : top.nameBigrams(), a.clarify() != null ? "CLARIFY" : "-", q.text(), q.codes(),
                    q.codes().isEmpty() ? "" : field.get(q.codes().get(0)), got, a.answers().isEmpty() ? "" : field.get(a.answers().get(0).code()));
        }
    }

    private static int rankOf(List<Ranker.Candidate> list, List<String> codes) {
        for (int i = 0; i < list.size(); i++) {
            if (codes.contains(list.get(i).meta().code())) {
                return i + 1;
            }
        }
        return 0;
    }
}
