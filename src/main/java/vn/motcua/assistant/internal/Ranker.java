package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import vn.motcua.territory.AgencyLevel;

/**
 * Ranking and priors: BM25 over the four fields (name syllables and bigrams, body syllables and bigrams) for the 40 best,
 * then the priors a person would expect — the citizen's level, popularity, the applicant type, marked variants and
 * near-identical siblings below the plain procedure.
 */
final class Ranker {

    private Ranker() {
    }

    static final int CANDIDATES = 40;

    /** A candidate with the evidence that ranked it ({@code coverage}: the share of the question's spans its name covers). */
    record Candidate(ProcedureIndex.Meta meta, double score, int nameBigrams, int bodyBigrams, int nameUnigrams,
                     double coverage, boolean specific) {

        /** A candidate sharing at least one word pair that names a topic ({@link ProcedureIndex#generic}). */
        Candidate(ProcedureIndex.Meta meta, double score, int nameBigrams, int bodyBigrams, int nameUnigrams, double coverage) {
            this(meta, score, nameBigrams, bodyBigrams, nameUnigrams, coverage, true);
        }

        Candidate times(double f) {
            return new Candidate(meta, score * f, nameBigrams, bodyBigrams, nameUnigrams, coverage, specific);
        }
    }

    static List<Candidate> rank(ProcedureIndex idx, QueryReader.Reading reading, AgencyLevel level, boolean business,
                                RankingWeights w) {
        Set<String> unigrams = reading.unigrams();
        Set<String> bigrams = reading.bigrams();
        if (idx.size() == 0 || (unigrams.isEmpty() && bigrams.isEmpty())) {
            return List.of();
        }
        IndexSearcher searcher = idx.searcher();
        List<Candidate> out = new ArrayList<>();
        try {
            TopDocs top = searcher.search(SpanQueries.build(reading.graph(), reading.spans(), QueryReader.STOP::contains, w), CANDIDATES);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                ProcedureIndex.Meta m = idx.meta(stored.document(sd.doc).get(ProcedureIndex.CODE));
                out.add(candidate(idx, m, sd.score * prior(m, level, w) * applicantPrior(m, business, w)
                        * markedness(m, unigrams, bigrams, w) * sectorPrior(m, bigrams) * caseFactor(m, bigrams, w), reading));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = siblings(out, bigrams, w.sibling());
        out = generic(out, w);
        out.sort(BEST_FIRST);
        return out;
    }

    /** Best first: the higher score, then the shorter name, then the code (a stable order for ties). */
    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing((Candidate c) -> c.meta().name().length()).thenComparing(c -> c.meta().code());

    /** A procedure as a candidate with this score, and the evidence of the question's words in its name and texts. */
    static Candidate candidate(ProcedureIndex idx, ProcedureIndex.Meta m, double score, QueryReader.Reading reading) {
        int nb = 0;
        int bb = 0;
        boolean specific = false;
        for (String g : reading.bigrams()) {
            if (m.nameBigrams().contains(g)) {
                nb++;
            } else if (m.bodyBigrams().contains(g)) {
                bb++;
            } else {
                continue;
            }
            specific |= !idx.generic(g);
        }
        int nu = 0;
        for (String u : reading.unigrams()) {
            if (m.nameUnigrams().contains(u)) {
                nu++;
            }
        }
        double coverage = SpanQueries.coverage(reading.spans(), QueryReader.STOP::contains, m.nameBigrams(),
                m.nameUnigrams());
        return new Candidate(m, score, nb, bb, nu, coverage, specific || nb + bb == 0);
    }

    /**
     * A candidate that shares only generic word pairs with the question ("thủ tục", "giấy tờ", "thông tin") does not
     * outrank one that shares a pair naming a topic: it counts like a variant with a marker the question lacks.
     */
    static List<Candidate> generic(List<Candidate> candidates, RankingWeights w) {
        if (candidates.stream().noneMatch(Candidate::specific)) {
            return candidates;
        }
        return new ArrayList<>(candidates.stream().map(c -> c.specific() ? c : c.times(w.marker())).toList());
    }

    /** A pair with a syllable that is neither in A's name nor a function word: "sinh cho" adds nothing to "khai sinh". */
    private static boolean newWord(String pair, ProcedureIndex.Meta a) {
        for (String w : pair.split(" ")) {
            if (!QueryReader.STOP.contains(w) && !a.nameUnigrams().contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A name limited to a case ("… đối với trường hợp được Nhà nước giao đất để quản lý") that the question names nothing
     * of is a marked variant, like a marker ({@link NameStructure#caseClause}).
     */
    static double caseFactor(ProcedureIndex.Meta m, Set<String> bigrams, RankingWeights w) {
        return NameStructure.unaskedCase(m.caseClause(), bigrams) ? w.marker() : 1.0;
    }

    /** Folded word pairs by which a question names the police or the army, or their people. */
    static final Set<String> ARMED_FORCES_PAIRS = Set.of("cong an", "quan doi", "bo doi", "chien si", "si quan",
            "quan nhan", "luc luong", "nghia vu");
    /** Tuning half: 0.85 and 1.0 moved nothing alone; 0.8 with the enumerated acts +1 top-1 (docs/assistant.md, round 6). */
    static final double OWN_STAFF = 0.8;

    /**
     * A procedure for the police's or the army's own people ({@link ProcedureIndex#ownStaff}: "Cấp lại thẻ bảo hiểm y tế"
     * of the Công an's policy field, named exactly as citizens ask) ranks below the general one unless the question
     * names the police or the army.
     */
    static double sectorPrior(ProcedureIndex.Meta m, Set<String> bigrams) {
        return m.ownStaff() && bigrams.stream().noneMatch(ARMED_FORCES_PAIRS::contains) ? OWN_STAFF : 1.0;
    }

    /** Folded words by which a question names a business or another organisation as the applicant. */
    static final Set<String> BUSINESS_PAIRS = Set.of("doanh nghiep", "cong ty", "to chuc", "hop tac", "co quan",
            "chi nhanh", "van phong", "don vi", "nha may", "truong hoc", "benh vien", "co so");
    static final Set<String> BUSINESS_WORDS = Set.of("htx", "tnhh", "dn", "cty");

    static boolean namesBusiness(Set<String> unigrams, Set<String> bigrams) {
        return bigrams.stream().anyMatch(BUSINESS_PAIRS::contains) || unigrams.stream().anyMatch(BUSINESS_WORDS::contains);
    }

    /** A procedure only organisations may apply for ranks lower ({@link RankingWeights#organisationOnly}) unless the question names a business. */
    static double applicantPrior(ProcedureIndex.Meta m, boolean business, RankingWeights w) {
        if (business) {
            return m.applicants() == ProcedureIndex.Applicants.CITIZENS ? 0.95 : 1.0;
        }
        return m.applicants() == ProcedureIndex.Applicants.ORGANISATIONS ? w.organisationOnly() : 1.0;
    }

    /**
     * Near-identical siblings: when candidate B's name holds every word pair of candidate A's name and more, and the
     * question carries none of B's extra pairs, B is the marked variant (định kỳ / thường xuyên, "từ giao dịch đã
     * chứng thực", "trong Công an nhân dân"…) and ranks a little lower than A.
     */
    static List<Candidate> siblings(List<Candidate> candidates, Set<String> bigrams, double penalty) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate b : candidates) {
            boolean marked = false;
            for (Candidate a : candidates) {
                if (a == b || a.meta().nameBigrams().size() < 2 || a.meta().nameBigrams().size() >= b.meta().nameBigrams().size()
                        || a.score() < 0.5 * b.score() || !b.meta().nameBigrams().containsAll(a.meta().nameBigrams())) {
                    continue;
                }
                boolean asked = false;
                for (String g : b.meta().nameBigrams()) {
                    if (!a.meta().nameBigrams().contains(g) && bigrams.contains(g) && newWord(g, a.meta())) {
                        asked = true;
                        break;
                    }
                }
                if (!asked) {
                    marked = true;
                    break;
                }
            }
            out.add(marked ? b.times(penalty) : b);
        }
        return out;
    }

    /**
     * Marked variants of a procedure (re-issue, exchange, loss report, withdrawal, mobile registration, foreign element,
     * border area, for organisations, recording a decision taken abroad…): a question that does not say so means the
     * plain procedure, so a name carrying a marker the question lacks ranks lower. Folded word pairs, or a single syllable
     * where it is telling on its own ("xoa": "xóa thường trú" asks for "Xóa đăng ký thường trú").
     */
    static final List<String> MARKERS = List.of("cap lai", "ky lai", "cap doi", "trinh bao", "bi mat", "thu hoi",
            "luu dong", "yeu to", "nguoi nuoc", "bien gioi", "duoi 14", "dung thuc", "cham dut", "xoa", "tam ngung", "thay doi", "cai chinh", "gia han",
            "dieu chinh", "huy bo", "sua doi", "khoi phuc", "da co", "hieu dinh", "dinh chinh", "cap nhat", "chuyen doi", "giam sat",
            "ket hop", "to chuc", "sua chua", "cai tao", "di doi", "trung uong", "doanh nghiep", "sat hach", "da duoc",
            "ghi vao");

    /** The markers that name an act on a paper (re-issue, exchange, change…) rather than a case (foreign element…). */
    static final Set<String> ACTS = Set.of("cap lai", "ky lai", "cap doi", "thu hoi", "cham dut", "xoa", "tam ngung",
            "thay doi", "cai chinh", "gia han", "dieu chinh", "huy bo", "sua doi", "khoi phuc", "hieu dinh", "dinh chinh", "cap nhat",
            "chuyen doi", "dung thuc", "ghi vao");

    /**
     * A name that lists several acts ("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT") and carries the one
     * asked for covers the other acts as cases of one procedure, not as a variant the question did not ask for: its
     * other acts are not counted; its case markers still are.
     */
    static double markedness(ProcedureIndex.Meta m, Set<String> unigrams, Set<String> bigrams, RankingWeights w) {
        boolean actAsked = false;
        for (String act : ACTS) {
            if (act.indexOf(' ') > 0 ? m.nameBigrams().contains(act) && bigrams.contains(act)
                    : m.nameUnigrams().contains(act) && unigrams.contains(act)) {
                actAsked = true;
                break;
            }
        }
        double f = 1.0;
        for (String marker : MARKERS) {
            boolean pair = marker.indexOf(' ') > 0;
            if ((pair ? m.nameBigrams().contains(marker) && !bigrams.contains(marker)
                    : m.nameUnigrams().contains(marker) && !unigrams.contains(marker))
                    && !(actAsked && ACTS.contains(marker))) {
                f *= w.marker();
            }
        }
        return Math.max(f, w.marker() * w.marker() * w.marker());
    }

    /**
     * Round 19, the mirror of {@link #markedness}: the question asks for an act ("cấp lại", "xóa", "chấm dứt"…, {@link #ACTS})
     * that one candidate's name carries, and a sibling of the same object (a specific word pair of the question in both
     * names) lacks every act asked: the sibling counts times {@code factor}. "mất giấy đăng ký hộ kinh doanh" asks for the
     * re-issue, and the registration's examples must not keep the plain registration first. Applied after the examples'
     * fold, since they are what outvotes the name. {@code factor} 1: off.
     */
    static List<Candidate> unaskedActs(ProcedureIndex idx, List<Candidate> candidates, QueryReader.Reading reading,
                                       double factor) {
        if (factor >= 1) {
            return candidates;
        }
        Set<String> unigrams = reading.unigrams();
        Set<String> bigrams = reading.bigrams();
        // a part of its own the citizen typed: the lexicon's readings ("đăng ký hộ kinh doanh" is also the founding
        // registration) name no part of one sibling against another
        Set<String> typed = reading.graph().typedBigrams();
        List<String> asked = ACTS.stream().filter(a -> a.indexOf(' ') > 0 ? bigrams.contains(a) : unigrams.contains(a)).toList();
        List<Candidate> carriers = candidates.stream().filter(c -> carries(c.meta(), asked)).toList();
        if (carriers.isEmpty()) {
            return candidates;
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            // only the plain procedure: a name carrying another act is marked already ({@link #markedness})
            boolean lacks = !carries(c.meta(), ACTS_LIST)
                    && carriers.stream().anyMatch(s -> sameObject(idx, s.meta(), c.meta(), bigrams) && !ownPart(idx, c.meta(), s.meta(), typed));
            out.add(lacks ? c.times(factor) : c);
        }
        out.sort(BEST_FIRST);
        return out;
    }

    private static final List<String> ACTS_LIST = List.copyOf(ACTS);

    private static boolean carries(ProcedureIndex.Meta m, List<String> acts) {
        for (String act : acts) {
            if (act.indexOf(' ') > 0 ? m.nameBigrams().contains(act) : m.nameUnigrams().contains(act)) {
                return true;
            }
        }
        return false;
    }

    /** A word pair naming what a question is about: neither an act on a paper nor an office act nor generic. */
    private static boolean topic(ProcedureIndex idx, String pair) {
        return !ACTS.contains(pair) && idx.strength(pair) == GenericPairs.Strength.TOPIC;
    }

    /** A's name carries a word pair of these naming a topic that B's lacks ("báo mất" of the loss report). */
    private static boolean ownPart(ProcedureIndex idx, ProcedureIndex.Meta a, ProcedureIndex.Meta b, Set<String> bigrams) {
        for (String g : bigrams) {
            if (topic(idx, g) && a.nameBigrams().contains(g) && !b.nameBigrams().contains(g)) {
                return true;
            }
        }
        return false;
    }

    /** Both names carry a word pair of the question that names a topic ({@link #topic}). */
    private static boolean sameObject(ProcedureIndex idx, ProcedureIndex.Meta a, ProcedureIndex.Meta b, Set<String> bigrams) {
        for (String g : bigrams) {
            if (topic(idx, g) && a.nameBigrams().contains(g) && b.nameBigrams().contains(g)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A procedure whose level the catalogue does not give (listed without details: mostly land, construction and
     * business procedures that wards and provinces perform) is not less likely than one of another level:
     * {@link RankingWeights#unknownLevel}. Procedures performed at the citizen's level first (their ward's by default); popular ones next (dossier counts,
     * or the catalogue's own signals: see {@link ProcedureIndex#popularityFromCatalogue}).
     */
    static double prior(ProcedureIndex.Meta m, AgencyLevel citizen, RankingWeights w) {
        double p;
        if (m.levels().contains(citizen)) {
            p = 1.1;
        } else if (m.levels().contains(AgencyLevel.PROVINCE) || m.levels().contains(AgencyLevel.COMMUNE)) {
            p = 1.0;
        } else if (m.levels().isEmpty()) {
            p = w.unknownLevel();
        } else {
            p = 0.9;
        }
        return p * m.popularity();
    }
}
