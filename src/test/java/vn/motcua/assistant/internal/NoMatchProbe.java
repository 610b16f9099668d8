package vn.motcua.assistant.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.AssistantEvaluation;

/**
 * Round 10, for calibrating the negative examples on the seen sets only (leave-one-set-out): per question, whether the
 * ranking refuses it, the best similarity of a NONE example and of an answered one, and the best candidate's name pairs
 * and score. {@code ./mvnw -q test -Dtest=NoMatchProbe -Dassistant.probe.none=true} over the bench's catalogue file.
 */
@EnabledIfSystemProperty(named = "assistant.probe.none", matches = "true")
class NoMatchProbe {

    @Test
    void features() throws Exception {
        AssistantService service = Probes.service();
        LeaveOneSetOut seam = LeaveOneSetOut.of(service, ExampleEvidence.DEFAULT);
        List<AssistantEvaluation.Question> all = AssistantEvaluation.seenSets();
        RankingWeights w = RankingWeights.DEFAULT;
        // session 14: -Dassistant.probe.set=questions-held9 prints one set only
        String only = System.getProperty("assistant.probe.set", "");
        for (AssistantEvaluation.Question q : all) {
            if (!only.isBlank() && !q.source().equals(only)) {
                continue;
            }
            QueryReader.Reading reading = service.reading(q.text());
            List<Ranker.Candidate> ranked = service.rank(service.index(), reading, null, w);
            boolean refused = ranked.isEmpty() || !Evidence.answers(ranked.get(0), w) || Evidence.unfamiliar(reading, ranked.get(0))
                    || Evidence.onlyGeneric(ranked.get(0));
            Map<String, ExampleIndex.Support> s = ExampleEvidence.DEFAULT.support(service.everyExample().without(q.source()), reading);
            ExampleIndex.Support none = s.get(ExampleIndex.NONE);
            double ans = s.entrySet().stream().filter(e -> !e.getKey().equals(ExampleIndex.NONE))
                    .mapToDouble(e -> e.getValue().best()).max().orElse(0);
            Answers a = seam.ask(q.text(), q.source());
            String got = a.noMatch() ? "said-none" : q.codes().contains(a.answers().get(0).code()) ? "right" : "wrong";
            Ranker.Candidate top = ranked.isEmpty() ? null : ranked.get(0);
            // round 12: which of the ranking's refusals fired (s: score/coverage, u: unfamiliar words, g: generic pairs only,
            // n: the negative examples), and the catalogue's first / second score and the unfamiliar share
            String why = top == null ? "empty" : (!Evidence.answers(top, w) ? "s" : "") + (Evidence.unfamiliar(reading, top) ? "u" : "")
                    + (Evidence.onlyGeneric(top) ? "g" : "") + (ExampleEvidence.DEFAULT.refuses(top, s) ? "n" : "");
            System.out.printf("NM\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.3f\t%.3f\t%.3f\t%d\t%.1f\t%s%n", q.source(), q.none() ? "NONE" : "ANS", got,
                    refused ? "refused" : "kept", why, reading.unfamiliar(), top == null ? 0 : top.coverage(),
                    ranked.size() > 1 ? ranked.get(1).score() : 0, none == null ? 0 : none.best(), none == null ? 0 : none.score(), ans,
                    top == null ? 0 : top.nameBigrams(), top == null ? 0 : top.score(), q.text());
            if (top != null) {
                // round 16: the best candidate's own examples (best, summed, count), the negatives' count and the best
                // answered procedure's summed similarity: the evidence a vote of the nearest examples would weigh
                ExampleIndex.Support own = s.get(top.meta().code());
                double ansScore = s.entrySet().stream().filter(e -> !e.getKey().equals(ExampleIndex.NONE))
                        .mapToDouble(e -> e.getValue().score()).max().orElse(0);
                System.out.printf("NM2\t%.3f\t%.3f\t%d\t%d\t%.3f\t%d%n", own == null ? 0 : own.best(), own == null ? 0 : own.score(),
                        own == null ? 0 : own.count(), none == null ? 0 : none.count(), ansScore, top.nameBigrams());
                // session 14: the first candidate and the question's word pairs it shares (name / body), each with the
                // number of procedures carrying it (how generic it is)
                StringBuilder pairs = new StringBuilder();
                for (String g : reading.bigrams()) {
                    String where = top.meta().nameBigrams().contains(g) ? "N" : top.meta().bodyBigrams().contains(g) ? "B" : null;
                    if (where != null) {
                        pairs.append(' ').append(where).append(':').append(g).append('/').append(service.index().pairProcedures(g));
                    }
                }
                System.out.printf("NM+\t%s\t%s\t%s%n", top.meta().code(), top.meta().name(), pairs);
            }
        }
    }
}
