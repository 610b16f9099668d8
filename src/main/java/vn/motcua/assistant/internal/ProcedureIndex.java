package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.territory.AgencyLevel;

/**
 * An immutable in-memory index of the procedures in force: BM25 over the name ({@code name}, {@code name2} for syllable
 * bigrams) and the rest of what a citizen may describe ({@code body}, {@code body2}: field, result, required documents,
 * published answers). Rebuilt whole (its cost: docs/assistant.md); the service swaps the reference.
 */
public final class ProcedureIndex {

    static final String NAME = "name";
    static final String NAME2 = "name2";
    static final String BODY = "body";
    static final String BODY2 = "body2";
    static final String CODE = "code";

    /** What ranking needs about a procedure besides its Lucene fields. */
    record Meta(String code, String name, Set<AgencyLevel> levels, boolean detailed, List<String> nameWords,
                List<String> nameFolded, Set<String> nameBigrams, Set<String> nameUnigrams, Set<String> bodyBigrams,
                Set<String> bodyUnigrams, Applicants applicants, double popularity, boolean ownStaff,
                Set<String> caseClause) {
    }

    /** Who may apply, read from the published "đối tượng thực hiện" (UNKNOWN for procedures listed without details). */
    enum Applicants { CITIZENS, BOTH, ORGANISATIONS, UNKNOWN }

    /** Below this many dossiers in all, counts say little: the catalogue's own signals stand in. */
    static final long MIN_DOSSIERS = 300;

    private final IndexSearcher searcher;
    private final Map<String, Meta> meta;
    private final Map<String, Integer> vocabulary;
    private final Map<String, Integer> pairProcedures;
    private final long buildMillis;

    private ProcedureIndex(IndexSearcher searcher, Map<String, Meta> meta, Map<String, Integer> vocabulary,
                           Map<String, Integer> pairProcedures, long buildMillis) {
        this.searcher = searcher;
        this.meta = meta;
        this.vocabulary = vocabulary;
        this.pairProcedures = pairProcedures;
        this.buildMillis = buildMillis;
    }

    static ProcedureIndex empty() {
        return build(List.of(), Map.of(), Map.of());
    }

    IndexSearcher searcher() {
        return searcher;
    }

    Meta meta(String code) {
        return meta.get(code);
    }

    int size() {
        return meta.size();
    }

    long buildMillis() {
        return buildMillis;
    }

    /** How weak a sign of the question's topic this word pair is, in this catalogue ({@link GenericPairs}). */
    GenericPairs.Strength strength(String pair) {
        return GenericPairs.strength(pair, pairProcedures(pair), meta.size());
    }

    /** Sharing only such pairs with a procedure is no sign that it is the one asked for ({@link GenericPairs}). */
    boolean generic(String pair) {
        return strength(pair) == GenericPairs.Strength.GENERIC;
    }

    /** How many procedures carry this word pair in their name or their other texts. */
    int pairProcedures(String pair) {
        return pairProcedures.getOrDefault(pair, 0);
    }

    /** Folded syllable → number of procedures using it (for typo correction). */
    Map<String, Integer> vocabulary() {
        return vocabulary;
    }

    static ProcedureIndex build(List<ProcedureVersion> versions, Map<String, List<String>> extraTexts) {
        return build(versions, extraTexts, Map.of());
    }

    /**
     * @param dossierCounts procedure code → dossiers received (the popularity prior when there are at least
     *                      {@link #MIN_DOSSIERS} in all; otherwise the catalogue's own signals)
     */
    static ProcedureIndex build(List<ProcedureVersion> versions, Map<String, List<String>> extraTexts,
                                Map<String, Long> dossierCounts) {
        return fromSources(sources(versions), extraTexts, dossierCounts);
    }

    /**
     * What the build reads of a procedure version, and nothing else: the build sees only these, so that two equal lists
     * of them (with equal texts and counts) build the same index ({@link SharedBuilds} compares them; a version's id,
     * dates or fees, which no answer depends on, do not make a new build).
     */
    record Source(String code, String name, String field, String result, List<String> documents, List<String> levels,
                  AgencyLevel performerLevel, String performerText, String applicantTypes) {

        static Source of(ProcedureVersion v) {
            return new Source(v.code(), v.name(), v.field(), v.result(),
                    v.requiredDocuments().stream().map(RequiredDocument::name).toList(), v.levels(),
                    v.performer() == null ? null : v.performer().level(),
                    v.performer() == null ? null : v.performer().text(), v.applicantTypes());
        }
    }

    static List<Source> sources(List<ProcedureVersion> versions) {
        return versions.stream().map(Source::of).toList();
    }

    /** The counts the popularity prior reads: none below {@link #MIN_DOSSIERS} in all (then they say too little). */
    static Map<String, Long> popularityCounts(Map<String, Long> dossierCounts) {
        long total = dossierCounts.values().stream().mapToLong(Long::longValue).sum();
        return total >= MIN_DOSSIERS ? dossierCounts : Map.of();
    }

    static ProcedureIndex fromSources(List<Source> versions, Map<String, List<String>> extraTexts,
                                      Map<String, Long> allCounts) {
        long t0 = System.nanoTime();
        Map<String, Long> dossierCounts = popularityCounts(allCounts);
        long totalDossiers = dossierCounts.values().stream().mapToLong(Long::longValue).sum();
        long maxDossiers = dossierCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Analyzer folding = VietnameseAnalysis.folding();
        Analyzer bigrams = VietnameseAnalysis.bigrams();
        Analyzer perField = new PerFieldAnalyzerWrapper(folding, Map.of(NAME2, bigrams, BODY2, bigrams));
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        Map<String, Meta> meta = new HashMap<>();
        Map<String, Integer> vocabulary = new HashMap<>();
        Map<String, Integer> pairProcedures = new HashMap<>();
        IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(similarity())
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (Source v : versions) {
                String name = CatalogueAbbreviations.expand(VietnameseAnalysis.normalize(v.name()), v.field());
                List<String> body = new ArrayList<>();
                if (v.field() != null) {
                    body.add(v.field());
                }
                if (v.result() != null) {
                    body.add(v.result());
                }
                body.addAll(v.documents());
                body.addAll(extraTexts.getOrDefault(v.code(), List.of()));
                Document doc = new Document();
                doc.add(new StoredField(CODE, v.code()));
                doc.add(new TextField(NAME, name, Field.Store.NO));
                doc.add(new TextField(NAME2, name, Field.Store.NO));
                Set<String> bodyUnigrams = new HashSet<>();
                Set<String> bodyBigrams = new HashSet<>();
                for (String b : body) {
                    String text = CatalogueAbbreviations.expand(VietnameseAnalysis.normalize(b), v.field());
                    doc.add(new TextField(BODY, text, Field.Store.NO));
                    doc.add(new TextField(BODY2, text, Field.Store.NO));
                    List<String> f = VietnameseAnalysis.fold(folding, text);
                    bodyUnigrams.addAll(f);
                    for (int i = 0; i + 1 < f.size(); i++) {
                        bodyBigrams.add(f.get(i) + " " + f.get(i + 1));
                    }
                }
                writer.addDocument(doc);

                List<String> words = words(name);
                List<String> folded = words.stream().map(ProcedureIndex::foldWord).toList();
                Set<String> nameBigrams = new HashSet<>();
                for (int i = 0; i + 1 < folded.size(); i++) {
                    nameBigrams.add(folded.get(i) + " " + folded.get(i + 1));
                }
                Set<AgencyLevel> levels = EnumSet.noneOf(AgencyLevel.class);
                for (String l : v.levels()) {
                    try {
                        levels.add(AgencyLevel.valueOf(l.strip()));
                    } catch (IllegalArgumentException ignored) {
                        // a level the assistant does not rank on
                    }
                }
                if (v.performerLevel() != null) {
                    levels.add(v.performerLevel());
                }
                Set<String> nameUnigrams = Set.copyOf(folded);
                boolean detailed = !v.documents().isEmpty();
                double popularity = totalDossiers >= MIN_DOSSIERS
                        ? popularityFromCounts(dossierCounts.getOrDefault(v.code(), 0L), maxDossiers)
                        : popularityFromCatalogue(detailed, levels, v.documents().size());
                meta.put(v.code(), new Meta(v.code(), v.name(), levels, detailed, words, folded,
                        nameBigrams, nameUnigrams, bodyBigrams, bodyUnigrams, applicants(v.applicantTypes(), v.name()), popularity,
                        ownStaff(v.field(), v.performerText()),
                        NameStructure.caseClause(v.name())));
                Set<String> allPairs = new HashSet<>(nameBigrams);
                allPairs.addAll(bodyBigrams);
                allPairs.forEach(p -> pairProcedures.merge(p, 1, Integer::sum));
                Set<String> all = new HashSet<>(nameUnigrams);
                all.addAll(bodyUnigrams);
                all.forEach(w -> vocabulary.merge(w, 1, Integer::sum));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setSimilarity(similarity());
            return new ProcedureIndex(searcher, Map.copyOf(meta), Map.copyOf(vocabulary), Map.copyOf(pairProcedures),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * BM25 with less length normalisation on the name fields: names are long when they enumerate the cases they cover
     * ("… công trình cấp III, cấp IV (…) và nhà ở riêng lẻ"), which makes them no less about each word: b = 0.5 on the
     * name fields (0.75, Lucene's default, elsewhere), tuned on the tuning half.
     */
    static final float NAME_B = 0.5f;

    static Similarity similarity() {
        BM25Similarity names = new BM25Similarity(1.2f, NAME_B);
        BM25Similarity others = new BM25Similarity();
        return new PerFieldSimilarityWrapper() {
            @Override
            public Similarity get(String field) {
                return field.startsWith(NAME) ? names : others;
            }
        };
    }

    /** 1 for a procedure nobody has used, up to 1.15 for the most used (log scale: 10 dossiers already count). */
    static double popularityFromCounts(long count, long max) {
        return max <= 0 ? 1.0 : 1.0 + 0.15 * Math.log1p(count) / Math.log1p(max);
    }

    /**
     * Without dossier counts, what the catalogue itself says about use: procedures published with their details
     * (documents parsed) are the ones ministries documented for citizens (+5 %); those performed at commune level,
     * where most citizens go, +3 %; those offered at several levels (commune, province, central: the same service
     * everywhere, e.g. the ID card) +2 %.
     */
    static double popularityFromCatalogue(boolean detailed, Set<AgencyLevel> levels, int documents) {
        double p = 1.0;
        if (detailed) {
            p += 0.05;
        }
        if (levels.contains(AgencyLevel.COMMUNE)) {
            p += 0.03;
        }
        if (levels.size() >= 2) {
            p += 0.02;
        }
        return p;
    }

    /**
     * Reads the published "đối tượng thực hiện" ("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX),
     * Doanh nghiệp"…); for procedures listed without details, the name's own words ("… đối với tổ chức đang sử dụng
     * đất", "… đối với hộ gia đình, cá nhân").
     */
    static Applicants applicants(String text, String name) {
        if (text == null || text.isBlank()) {
            String n = " " + String.join(" ", words(name).stream().map(ProcedureIndex::foldWord).toList()) + " ";
            boolean persons = n.contains(" ho gia dinh ") || n.contains(" ca nhan ") || n.contains(" cong dan ");
            boolean organisations = n.contains(" doi voi to chuc ") || n.contains(" cho to chuc ") || n.contains(" cua to chuc ")
                    || n.contains(" doanh nghiep ") || n.contains(" hop tac xa ") || n.contains(" to chuc tin dung ");
            return persons && organisations ? Applicants.BOTH : persons ? Applicants.CITIZENS
                    : organisations ? Applicants.ORGANISATIONS : Applicants.UNKNOWN;
        }
        String t = String.join(" ", words(text).stream().map(ProcedureIndex::foldWord).toList());
        boolean persons = t.contains("cong dan") || t.contains("ca nhan") || t.contains("nguoi viet") || t.contains("nguoi nuoc")
                || t.contains("ho gia dinh") || t.contains("can bo");
        boolean organisations = t.contains("to chuc") || t.contains("doanh nghiep") || t.contains("hop tac xa")
                || t.contains("htx");
        if (persons && organisations) {
            return Applicants.BOTH;
        }
        if (persons) {
            return Applicants.CITIZENS;
        }
        return organisations ? Applicants.ORGANISATIONS : Applicants.UNKNOWN;
    }

    /** Fields of an agency's own administration: its staff's policy (benefits, their health insurance) and personnel. */
    static final Set<String> OWN_ADMINISTRATION_FIELDS = Set.of("chinh sach", "to chuc can bo");
    /** Performers whose own administration those fields are: the police and the army. */
    static final List<String> ARMED_FORCES = List.of("cong an", "quoc phong", "quan doi", "bo chi huy quan su");

    /**
     * A procedure for the police's or the army's own people: its field is the agency's own administration ("Chính sách",
     * "Tổ chức, cán bộ": the Bộ Công an's fields for its staff's benefits and personnel) and the police or the army
     * performs it. Read from the catalogue's field and performers, not from a list of codes.
     */
    static boolean ownStaff(String field, String performers) {
        if (field == null || performers == null) {
            return false;
        }
        String f = String.join(" ", words(field).stream().map(ProcedureIndex::foldWord).toList());
        String p = " " + String.join(" ", words(performers).stream().map(ProcedureIndex::foldWord).toList()) + " ";
        return OWN_ADMINISTRATION_FIELDS.contains(f) && ARMED_FORCES.stream().anyMatch(a -> p.contains(" " + a + " "));
    }

    /** The name's syllables in lower case with their diacritics (for "why"), split like the tokenizer. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : VietnameseAnalysis.normalize(text).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    static String foldWord(String w) {
        char[] in = w.toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }
}
