package vn.motcua.assistant.internal;

import java.util.Map;
import java.util.Set;

/**
 * Round 13b (session 14): two more "no match" signals, about whether anything in the question names the procedure's
 * object. The ranking's own refusals ({@link Evidence}) judge how much of a name matched; these judge what matched.
 * Measured on every seen set, leave-one-set-out (docs/assistant.md, round 13b).
 */
final class TopicEvidence {

    private TopicEvidence() {
    }

    /**
     * No match when every word pair the best answer shares with the question, in its name or its other texts, is an
     * administrative act or generic ({@link GenericPairs}): the question's topic words ("bằng tốt nghiệp" in "cấp lại
     * bằng tốt nghiệp bị mất") match nothing of that procedure, which was found on "cấp lại" and "bị mất" alone.
     */
    static boolean onlyActs(ProcedureIndex idx, Ranker.Candidate best, Set<String> asked) {
        boolean any = false;
        for (String g : asked) {
            if (best.meta().nameBigrams().contains(g) || best.meta().bodyBigrams().contains(g)) {
                if (idx.strength(g) == GenericPairs.Strength.TOPIC) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * People who asked like this needed no procedure, clearly more like it than anyone who needed one: the nearest
     * negative example is at least {@link ExampleEvidence#lead} similar and {@link ExampleEvidence#margin} nearer than every answered
     * example, whatever the catalogue matched ("chủ nhà trọ không trả tiền cọc" shares three land pairs through the
     * lexicon's "nhà", and other deposit disputes are its nearest examples). Off when the examples are, and with the
     * negatives ({@link ExampleEvidence#negative} above 1), as the earlier negative rules.
     */
    static boolean negativesLead(Map<String, ExampleIndex.Support> support) {
        return negativesLead(support, ExampleEvidence.DEFAULT.lead(), ExampleEvidence.DEFAULT.margin());
    }

    /** The same with other numbers (configuration, {@link ExampleEvidence#lead} and {@link ExampleEvidence#margin}). */
    static boolean negativesLead(Map<String, ExampleIndex.Support> support, double lead, double margin) {
        ExampleIndex.Support none = support.get(ExampleIndex.NONE);
        if (none == null || none.best() < lead) {
            return false;
        }
        return support.entrySet().stream().filter(e -> !e.getKey().equals(ExampleIndex.NONE))
                .allMatch(e -> e.getValue().best() + margin <= none.best());
    }

    /**
     * Round 17b: the question matches only incidental words of the best answer's name. It names neither the name's
     * leading act ({@link NameStructure#leadingAct}: "kiểm định" of a vehicle inspection, read through the lexicon, so
     * "làm", "xin" count) nor any of its distinctive word pairs (a topic pair carried by at most {@link
     * ExampleEvidence#incidental} of the catalogue's procedures: "phối giống", not "làm dịch vụ" or "xe máy"), and no
     * answered example of any procedure is near (at least {@link ExampleEvidence#floor}): nobody who needed a procedure
     * asked like this. "Công ty nào làm dịch vụ kế toán tốt" against an allowance for "người làm dịch vụ phối giống".
     * Off at 0.
     */
    static boolean incidental(ProcedureIndex idx, Ranker.Candidate best, Set<String> asked,
                              Map<String, ExampleIndex.Support> support, ExampleEvidence ev) {
        if (ev.incidental() <= 0 || !ev.enabled() || support.keySet().stream().anyMatch(code -> !code.equals(ExampleIndex.NONE))) {
            return false;
        }
        return !namesAct(best, asked) && !namesDistinctive(idx, best, asked, ev.incidental());
    }

    /** The question holds the name's leading act ({@link NameStructure#leadingAct}). */
    static boolean namesAct(Ranker.Candidate best, Set<String> asked) {
        String act = NameStructure.leadingAct(best.meta().nameFolded());
        return act != null && asked.contains(act);
    }

    /** The question shares a topic pair of the name carried by at most this share of the catalogue's procedures. */
    static boolean namesDistinctive(ProcedureIndex idx, Ranker.Candidate best, Set<String> asked, double share) {
        int distinctive = Math.max(1, (int) (share * idx.size()));
        return asked.stream().anyMatch(g -> best.meta().nameBigrams().contains(g)
                && idx.strength(g) == GenericPairs.Strength.TOPIC && idx.pairProcedures(g) <= distinctive);
    }

    /** Either signal refuses the best answer (an example that is a near-paraphrase may still rescue the question). */
    static boolean refuses(ProcedureIndex idx, Ranker.Candidate best, Set<String> asked,
                           Map<String, ExampleIndex.Support> support, ExampleEvidence ev) {
        return onlyActs(idx, best, asked) || ev.negative() <= 1 && negativesLead(support, ev.lead(), ev.margin())
                || incidental(idx, best, asked, support, ev);
    }
}
