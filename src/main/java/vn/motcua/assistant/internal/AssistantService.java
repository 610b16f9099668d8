package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.Assistant;
import vn.motcua.assistant.AssistantIndex;
import vn.motcua.assistant.ProcedureTextSource;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.CatalogueChanged;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.platform.db.TransactionEnd;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.Territory;

/**
 * Question → procedures: typo correction against the index's vocabulary, the colloquial synonym graph, BM25 over
 * syllables and syllable bigrams, then priors (the citizen's level, detailed procedures), "no match" when the best
 * answer shares no word pair with the question, and a clarifying question when close answers differ in a way the
 * citizen can tell. The index is rebuilt in the background at start and when the catalogue changes.
 */
@Service
public class AssistantService implements Assistant, AssistantIndex {

    private static final Logger log = LoggerFactory.getLogger(AssistantService.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Folded function words: never a match on their own (a pair of them never either). */
    static final Set<String> STOP = Set.copyOf(List.of("thu", "tuc", "toi", "minh", "em", "anh", "chi", "ong", "ba", "cho", "cua", "va",
            "o", "dau", "la", "gi", "can", "phai", "lam", "nao", "nhu", "thi", "co", "khong", "ko", "k", "duoc", "dc", "de",
            "muon", "xin", "roi", "nay", "voi", "tai", "ve", "ra", "vao", "bao", "nhieu", "sao", "a", "nhe", "oi", "di",
            "nhung", "hay", "hoac", "khi", "neu", "giup", "hoi", "cach", "ai", "gium", "vay", "j", "ntn", "nha", "cac",
            "mot", "nhu", "the", "duoc", "se", "da", "dang", "bi", "con", "moi", "nguoi", "viec", "gio", "luc", "hom",
            "ngay", "mai", "nam", "thang", "tot", "nhat", "qua", "lai", "len", "xuong", "trong", "ngoai", "tu", "den"));

    // BM25 weights of the four fields (name syllables, name bigrams, body syllables, body bigrams)
    static final float W_NAME = 1.0f;
    static final float W_NAME2 = 2.0f;
    static final float W_BODY = 0.15f;
    static final float W_BODY2 = 0.3f;
    static final int CANDIDATES = 40;

    private final Catalogue catalogue;
    private final ObjectProvider<Territory> territory;
    private final ObjectProvider<ProcedureTextSource> textSources;
    private final ObjectProvider<DossierHistory> history;
    private final MessageSource messages;
    private final Analyzer queryAnalyzer;
    private final Analyzer folding = VietnameseAnalysis.folding();
    private final Set<String> lexiconWords;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assistant-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ProcedureIndex index = ProcedureIndex.empty();
    private volatile long lastEmptyRebuild;

    public AssistantService(Catalogue catalogue, ObjectProvider<Territory> territory,
                            ObjectProvider<ProcedureTextSource> textSources, ObjectProvider<DossierHistory> history,
                            MessageSource messages) {
        this.catalogue = catalogue;
        this.territory = territory;
        this.textSources = textSources;
        this.history = history;
        this.messages = messages;
        String lexicon = readLexicon();
        SynonymMap map;
        try (Reader r = new java.io.StringReader(lexicon)) {
            map = VietnameseAnalysis.lexicon(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.queryAnalyzer = VietnameseAnalysis.query(map);
        this.lexiconWords = lexiconWords(lexicon, folding);
    }

    static String readLexicon() {
        try (var in = new InputStreamReader(new ClassPathResource("assistant/lexicon-vi.txt").getInputStream(),
                StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    static Set<String> lexiconWords(String lexicon, Analyzer folding) {
        Set<String> out = new HashSet<>();
        for (String line : lexicon.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.addAll(VietnameseAnalysis.fold(folding, line.replace("=>", ",")));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ index lifecycle

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        rebuild();
    }

    @EventListener
    void on(CatalogueChanged changed) {
        // raised inside the publishing transaction: build from the committed catalogue
        TransactionEnd.afterCompletion(this::rebuild);
    }

    @Override
    public void rebuild() {
        if (queued.compareAndSet(false, true)) {
            builder.submit(() -> {
                queued.set(false);
                try {
                    rebuildNow();
                } catch (RuntimeException e) {
                    log.warn("Assistant index rebuild failed; the previous index keeps serving", e);
                }
            });
        }
    }

    @Override
    public synchronized long rebuildNow() {
        long t0 = System.nanoTime();
        Map<String, List<String>> extra = new HashMap<>();
        textSources.orderedStream().forEach(s -> s.textsByProcedure().forEach((code, texts) ->
                extra.computeIfAbsent(code, c -> new ArrayList<>()).addAll(texts)));
        ProcedureIndex built = ProcedureIndex.build(catalogue.allInForce(LocalDate.now(ZONE)), extra, dossierCounts());
        index = built;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("Assistant index: {} procedures in {} ms (Lucene {} ms)", built.size(), ms, built.buildMillis());
        return ms;
    }

    private Map<String, Long> dossierCounts() {
        DossierHistory h = history.getIfAvailable();
        if (h == null) {
            return Map.of();
        }
        try {
            return h.countsByProcedure();
        } catch (RuntimeException e) {
            log.warn("Assistant index: no dossier counts ({}); the catalogue's own signals stand in", e.toString());
            return Map.of();
        }
    }

    @Override
    public int size() {
        return index.size();
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    private ProcedureIndex current() {
        ProcedureIndex i = index;
        if (i.size() == 0 && System.currentTimeMillis() - lastEmptyRebuild > 5_000) {
            // nothing built yet (the catalogue was imported after start without an event reaching us): build once now
            lastEmptyRebuild = System.currentTimeMillis();
            rebuildNow();
            i = index;
        }
        return i;
    }

    // ------------------------------------------------------------------------------------------ asking

    /** A candidate with the evidence that ranked it. */
    record Candidate(ProcedureIndex.Meta meta, double score, int nameBigrams, int bodyBigrams, int nameUnigrams) {
    }

    @Override
    public Answers ask(String question, String unitCode, int limit, Locale locale) {
        String q = VietnameseAnalysis.normalize(question).strip();
        if (q.isEmpty()) {
            return new Answers(List.of(), true, null);
        }
        ProcedureIndex idx = current();
        VietnameseAnalysis.Graph graph = VietnameseAnalysis.graph(queryAnalyzer, corrected(q, idx));
        Set<String> unigrams = new LinkedHashSet<>();
        for (VietnameseAnalysis.Token t : graph.tokens()) {
            if (t.synonym() || !STOP.contains(t.term())) {
                unigrams.add(t.term()); // the lexicon's words are kept even when they fold like function words
            }
        }
        Set<String> bigrams = graph.bigrams(STOP::contains);
        List<Candidate> ranked = rank(idx, unigrams, bigrams, citizenLevel(unitCode), namesBusiness(unigrams, bigrams));
        if (ranked.isEmpty() || !matches(ranked.get(0))) {
            return new Answers(List.of(), true, null);
        }
        List<Candidate> strong = ranked.stream().filter(AssistantService::matches).toList();
        List<Answers.Answer> answers = new ArrayList<>();
        for (Candidate c : strong.subList(0, Math.min(limit, strong.size()))) {
            answers.add(new Answers.Answer(c.meta().code(), c.meta().name(), Math.round(c.score() * 100) / 100.0,
                    why(c.meta(), unigrams, bigrams)));
        }
        return new Answers(answers, false, Clarifier.clarify(strong, graph, messages, locale));
    }

    /** The best answer must share a word pair with the question (in the name, or two in the other texts). */
    static boolean matches(Candidate c) {
        return c.nameBigrams() >= 2 || (c.nameBigrams() >= 1 || c.bodyBigrams() >= 2) && c.score() >= MIN_SCORE;
    }

    /** Below this score one shared word pair is not enough ("bóng đá" in a betting licence is no answer to a match). */
    static final double MIN_SCORE = 11.0;

    List<Candidate> rank(ProcedureIndex idx, Set<String> unigrams, Set<String> bigrams, AgencyLevel level,
                         boolean business) {
        if (idx.size() == 0 || (unigrams.isEmpty() && bigrams.isEmpty())) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String u : unigrams) {
            if (clauses > 400) {
                break;
            }
            b.add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.NAME, u)), W_NAME), BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.BODY, u)), W_BODY), BooleanClause.Occur.SHOULD);
            clauses += 2;
        }
        for (String g : bigrams) {
            if (clauses > 900) {
                break;
            }
            b.add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.NAME2, g)), W_NAME2), BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(ProcedureIndex.BODY2, g)), W_BODY2), BooleanClause.Occur.SHOULD);
            clauses += 2;
        }
        IndexSearcher searcher = idx.searcher();
        List<Candidate> out = new ArrayList<>();
        try {
            TopDocs top = searcher.search(b.build(), CANDIDATES);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                String code = stored.document(sd.doc).get(ProcedureIndex.CODE);
                ProcedureIndex.Meta m = idx.meta(code);
                int nb = 0;
                int bb = 0;
                for (String g : bigrams) {
                    if (m.nameBigrams().contains(g)) {
                        nb++;
                    } else if (m.bodyBigrams().contains(g)) {
                        bb++;
                    }
                }
                int nu = 0;
                for (String u : unigrams) {
                    if (m.nameUnigrams().contains(u)) {
                        nu++;
                    }
                }
                out.add(new Candidate(m, sd.score * prior(m, level) * applicantPrior(m, business) * markedness(m, unigrams, bigrams),
                        nb, bb, nu));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = siblings(out, bigrams);
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.meta().name().length()).thenComparing(c -> c.meta().code()));
        return out;
    }

    /** A pair with a syllable that is neither in A's name nor a function word: "sinh cho" adds nothing to "khai sinh". */
    private static boolean newWord(String pair, ProcedureIndex.Meta a) {
        for (String w : pair.split(" ")) {
            if (!STOP.contains(w) && !a.nameUnigrams().contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Folded words by which a question names a business or another organisation as the applicant. */
    static final Set<String> BUSINESS_PAIRS = Set.of("doanh nghiep", "cong ty", "to chuc", "hop tac", "co quan",
            "chi nhanh", "van phong", "don vi", "nha may", "truong hoc", "benh vien", "co so");
    static final Set<String> BUSINESS_WORDS = Set.of("htx", "tnhh", "dn", "cty");

    static boolean namesBusiness(Set<String> unigrams, Set<String> bigrams) {
        return bigrams.stream().anyMatch(BUSINESS_PAIRS::contains) || unigrams.stream().anyMatch(BUSINESS_WORDS::contains);
    }

    /** A procedure only organisations may apply for ranks lower unless the question names a business. */
    static final double ORGANISATION_ONLY = 0.85;

    static double applicantPrior(ProcedureIndex.Meta m, boolean business) {
        if (business) {
            return m.applicants() == ProcedureIndex.Applicants.CITIZENS ? 0.95 : 1.0;
        }
        return m.applicants() == ProcedureIndex.Applicants.ORGANISATIONS ? ORGANISATION_ONLY : 1.0;
    }

    /** A near-identical sibling carrying words the question lacks ranks lower than the plain one. */
    static final double SIBLING_PENALTY = 0.92;

    /**
     * Near-identical siblings: when candidate B's name holds every word pair of candidate A's name and more, and the
     * question carries none of B's extra pairs, B is the marked variant (định kỳ / thường xuyên, "từ giao dịch đã
     * chứng thực", "trong Công an nhân dân"…) and ranks a little lower than A.
     */
    static List<Candidate> siblings(List<Candidate> candidates, Set<String> bigrams) {
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
            out.add(marked ? new Candidate(b.meta(), b.score() * SIBLING_PENALTY, b.nameBigrams(), b.bodyBigrams(),
                    b.nameUnigrams()) : b);
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
            "dieu chinh", "huy bo", "sua doi", "khoi phuc", "da co", "hieu dinh", "cap nhat", "chuyen doi", "giam sat",
            "ket hop", "to chuc", "sua chua", "cai tao", "di doi", "trung uong", "doanh nghiep", "sat hach", "da duoc",
            "ghi vao");

    static final double MARKER_PENALTY = 0.8;

    static double markedness(ProcedureIndex.Meta m, Set<String> unigrams, Set<String> bigrams) {
        double f = 1.0;
        for (String marker : MARKERS) {
            boolean pair = marker.indexOf(' ') > 0;
            if (pair ? m.nameBigrams().contains(marker) && !bigrams.contains(marker)
                    : m.nameUnigrams().contains(marker) && !unigrams.contains(marker)) {
                f *= MARKER_PENALTY;
            }
        }
        return Math.max(f, MARKER_PENALTY * MARKER_PENALTY * MARKER_PENALTY);
    }

    /**
     * A procedure whose level the catalogue does not give (listed without details: mostly land, construction and
     * business procedures that wards and provinces perform) is not less likely than one of another level: between the
     * two (tuned on the tuning half, 0.97 before).
     */
    static final double UNKNOWN_LEVEL = 1.05;

    /**
     * Procedures performed at the citizen's level first (their ward's by default); popular ones next (dossier counts,
     * or the catalogue's own signals: see {@link ProcedureIndex#popularityFromCatalogue}).
     */
    static double prior(ProcedureIndex.Meta m, AgencyLevel citizen) {
        double p;
        if (m.levels().contains(citizen)) {
            p = 1.1;
        } else if (m.levels().contains(AgencyLevel.PROVINCE) || m.levels().contains(AgencyLevel.COMMUNE)) {
            p = 1.0;
        } else if (m.levels().isEmpty()) {
            p = UNKNOWN_LEVEL;
        } else {
            p = 0.9;
        }
        return p * m.popularity();
    }

    AgencyLevel citizenLevel(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            return AgencyLevel.COMMUNE;
        }
        Territory t = territory.getIfAvailable();
        if (t == null) {
            return AgencyLevel.COMMUNE;
        }
        return t.unit(unitCode.strip(), LocalDate.now(ZONE)).map(AdministrativeUnit::type)
                .map(type -> type.isProvinceLevel() ? AgencyLevel.PROVINCE : AgencyLevel.COMMUNE)
                .orElse(AgencyLevel.COMMUNE);
    }

    /** Words neither in the index nor in the lexicon are replaced by the most used index word one edit away. */
    String corrected(String question, ProcedureIndex idx) {
        List<String> words = new ArrayList<>();
        for (String w : VietnameseAnalysis.fold(folding, question)) {
            words.add(correct(w, idx.vocabulary()));
        }
        return String.join(" ", disambiguateMat(words));
    }

    /** Kinship words (folded): "bố mất", "mẹ tôi mất" mean died. */
    static final Set<String> KIN = Set.of("bo", "me", "ba", "cha", "ong", "chong", "vo", "con", "anh", "chi", "em", "chau",
            "co", "chu", "bac", "di", "cau", "mo", "thim", "noi", "ngoai", "than", "nha", "cu", "ma", "tia", "u");
    /** Possessives that may stand between the kin word and "mất" ("bố tôi mất", "ông ngoại em mất"). */
    static final Set<String> POSSESSIVE = Set.of("toi", "minh", "em", "tui", "tao", "chung", "nha", "ruot", "noi", "ngoai",
            "da", "vua", "moi");
    /** What one loses: "mất giấy", "mất sổ", "mất thẻ", "mất cccd"… (one syllable, or two where one is ambiguous). */
    static final Set<String> LOST_WORDS = Set.of("giay", "so", "the", "cccd", "cmnd", "cmt", "passport", "bang", "gplx",
            "cavet", "vi", "bhyt", "bhxh", "phieu");
    static final Set<String> LOST_PAIRS = Set.of("can cuoc", "ho chieu", "ho khau", "ca vet", "dang ky", "bien so",
            "chung minh", "chung nhan", "hoa don", "giay to");
    /** "Mất" followed by these is neither a death nor a lost document ("mất ngủ", "mất điện", "mất việc", "mất bao lâu"…). */
    static final Set<String> OTHER_MAT = Set.of("ngu", "ngon", "dien", "nuoc", "viec", "suc", "tich", "mang", "song", "tien",
            "cong", "thoi", "bao", "mau");

    /**
     * "mất" is "died" after a kinship word ("bố tôi mất", "mẹ mất rồi"): rewritten "qua đời", which the lexicon reads as
     * a death. Before a thing one loses ("mất giấy", "con tôi mất thẻ") or after "làm", "bị", "đánh" it means "lost",
     * which the lexicon's "mất …" / "bị mất" entries already read; elsewhere it is left alone.
     */
    static List<String> disambiguateMat(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 2);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            String next2 = i + 2 < words.size() ? words.get(i + 2) : "";
            if (w.equals("mat") && !OTHER_MAT.contains(next) && !LOST_WORDS.contains(next)
                    && !LOST_PAIRS.contains(next + " " + next2) && kinBefore(words, i)) {
                out.add("qua");
                out.add("doi");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean kinBefore(List<String> words, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            String p = words.get(j);
            if (KIN.contains(p)) {
                return true;
            }
            if (!POSSESSIVE.contains(p)) {
                return false;
            }
        }
        return false;
    }

    String correct(String w, Map<String, Integer> vocabulary) {
        if (w.length() < 3 || vocabulary.containsKey(w) || lexiconWords.contains(w) || STOP.contains(w)
                || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return w;
        }
        String best = w;
        int bestCount = 0;
        for (String e : edits(w)) {
            Integer n = vocabulary.get(e);
            if (n != null && n > bestCount) {
                best = e;
                bestCount = n;
            }
        }
        return best;
    }

    static Set<String> edits(String w) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i <= w.length(); i++) {
            if (i < w.length()) {
                out.add(w.substring(0, i) + w.substring(i + 1));
            }
            if (i + 1 < w.length()) {
                out.add(w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2));
            }
            for (char c = 'a'; c <= 'z'; c++) {
                out.add(w.substring(0, i) + c + w.substring(i));
                if (i < w.length()) {
                    out.add(w.substring(0, i) + c + w.substring(i + 1));
                }
            }
        }
        return out;
    }

    /** The runs of the name whose syllables matched (a word pair, or a significant syllable), in the name's spelling. */
    static List<String> why(ProcedureIndex.Meta m, Set<String> unigrams, Set<String> bigrams) {
        List<String> folded = m.nameFolded();
        boolean[] mark = new boolean[folded.size()];
        for (int i = 0; i + 1 < folded.size(); i++) {
            if (bigrams.contains(folded.get(i) + " " + folded.get(i + 1))) {
                mark[i] = true;
                mark[i + 1] = true;
            }
        }
        // single syllables are too ambiguous without diacritics to show as a reason: only word pairs are shown
        Map<String, Boolean> runs = new LinkedHashMap<>();
        int i = 0;
        while (i < folded.size()) {
            if (!mark[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < folded.size() && mark[j]) {
                j++;
            }
            runs.put(String.join(" ", m.nameWords().subList(i, j)), true);
            i = j;
        }
        return runs.keySet().stream().limit(3).toList();
    }
}
