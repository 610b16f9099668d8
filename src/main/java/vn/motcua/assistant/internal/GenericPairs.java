package vn.motcua.assistant.internal;

import java.util.Set;

/**
 * The one vocabulary of word pairs that name no topic, in two strengths: {@link Strength#GENERIC} pairs name nothing
 * at all, read from the catalogue ("thủ tục", "giấy tờ", "thông tin": in at least one procedure in ten); {@link
 * Strength#ACT} pairs say what a citizen wants done at an office, not what it is about ("cấp lại", "bị mất"). The
 * ranking's generic rule ({@link Ranker#generic}, {@link Evidence#onlyGeneric}) reads the strong one; the act-only rule
 * ({@link TopicEvidence#onlyActs}) reads both, as a generic pair names the question's object no more than an act does.
 */
final class GenericPairs {

    private GenericPairs() {
    }

    /** Ordered: a pair is at least as weak a sign of the topic as the strengths before it. */
    enum Strength { TOPIC, ACT, GENERIC }

    /** The share of the catalogue's procedures from which a pair is {@link Strength#GENERIC}. */
    static final double GENERIC_SHARE = 0.10;

    /**
     * Office acts, folded as the index keeps them. Some ("thủ tục", "giấy tờ", "hồ sơ") are generic in a full catalogue
     * anyway; listed so that they stay acts in a small one. Not {@link Ranker#ACTS}, which tells which of a name's
     * markers are acts on a paper (for markedness), not whether a pair names a topic.
     */
    static final Set<String> ACTS = Set.of("cap lai", "bi mat", "cap doi", "lam lai", "xin cap", "cap giay", "dang ky",
            "ky lai", "giay to", "thu tuc", "ho so", "xin phep", "de nghi");

    /**
     * @param procedures how many procedures carry the pair in their name or other texts
     * @param catalogue  how many procedures there are
     */
    static Strength strength(String pair, int procedures, int catalogue) {
        if (procedures >= GENERIC_SHARE * Math.max(1, catalogue)) {
            return Strength.GENERIC;
        }
        return ACTS.contains(pair) ? Strength.ACT : Strength.TOPIC;
    }
}
