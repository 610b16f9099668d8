package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.springframework.core.io.ClassPathResource;

/**
 * Reading a question: folding, typo correction against the index's vocabulary, the senses of "mất", then the
 * colloquial synonym graph (the lexicon) into the word pairs and syllables that retrieval looks for.
 */
final class QueryReader {

    /** Folded function words: never a match on their own (a pair of them never either). */
    static final Set<String> STOP = Set.copyOf(List.of("thu", "tuc", "toi", "minh", "em", "anh", "chi", "ong", "ba", "cho", "cua", "va",
            "o", "dau", "la", "gi", "can", "phai", "lam", "nao", "nhu", "thi", "co", "khong", "ko", "k", "duoc", "dc", "de",
            "muon", "xin", "roi", "nay", "voi", "tai", "ve", "ra", "vao", "bao", "nhieu", "sao", "a", "nhe", "oi", "di",
            "nhung", "hay", "hoac", "khi", "neu", "giup", "hoi", "cach", "ai", "gium", "vay", "j", "ntn", "nha", "cac",
            "mot", "nhu", "the", "duoc", "se", "da", "dang", "bi", "con", "moi", "nguoi", "viec", "gio", "luc", "hom",
            "ngay", "mai", "nam", "thang", "tot", "nhat", "qua", "lai", "len", "xuong", "trong", "ngoai", "tu", "den"));

    /**
     * What a question asks for: its synonym graph, its content syllables and its word pairs (folded), and the share of its
     * content words that neither the index nor the lexicon knows (0 when it has none); its spans, walked once from the
     * graph's paths (the query, every candidate's coverage and the examples' candidates use them).
     */
    record Reading(VietnameseAnalysis.Graph graph, Set<String> unigrams, Set<String> bigrams, double unfamiliar,
                   List<VietnameseAnalysis.Span> spans) {
    }

    private final Analyzer queryAnalyzer;
    private final Analyzer folding = VietnameseAnalysis.folding();
    private final Set<String> lexiconWords;
    private final Set<String> lossPhrases;
    private final Set<String> phraseStarts;

    QueryReader() {
        String lexicon = readLexicon();
        SynonymMap map;
        try (Reader r = new java.io.StringReader(lexicon)) {
            map = VietnameseAnalysis.lexicon(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.queryAnalyzer = VietnameseAnalysis.query(map);
        this.lexiconWords = lexiconWords(lexicon, folding);
        this.lossPhrases = lossPhrases(lexicon, folding);
        this.phraseStarts = phraseStarts(lexicon, folding);
    }

    /** The question (NFC-normalised, not blank) read against the index's vocabulary. */
    Reading read(String question, ProcedureIndex idx) {
        String corrected = corrected(question, idx);
        VietnameseAnalysis.Graph graph = VietnameseAnalysis.graph(queryAnalyzer, corrected);
        Set<String> unigrams = new LinkedHashSet<>();
        for (VietnameseAnalysis.Token t : graph.tokens()) {
            if (t.synonym() || !STOP.contains(t.term())) {
                unigrams.add(t.term()); // the lexicon's words are kept even when they fold like function words
            }
        }
        return new Reading(graph, unigrams, graph.bigrams(STOP::contains), unfamiliar(corrected, idx), graph.spans());
    }

    /**
     * The share of the question's content words (folded, typo-corrected, not function words) that are neither a word of
     * any procedure nor of the lexicon ("iphone", "karaoke", "hello"): a question mostly about such words is about
     * something no procedure covers.
     */
    double unfamiliar(String corrected, ProcedureIndex idx) {
        int content = 0;
        int unknown = 0;
        for (String w : corrected.split(" ")) {
            // an abbreviation ("xd", "gcn", "qsdd": no vowel, no Vietnamese syllable) says nothing about the topic
            if (w.isEmpty() || STOP.contains(w) || !w.chars().allMatch(Character::isLetter)
                    || w.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0)) {
                continue;
            }
            content++;
            if (!idx.vocabulary().containsKey(w) && !lexiconWords.contains(w)) {
                unknown++;
            }
        }
        return content == 0 ? 0 : (double) unknown / content;
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

    /** Words neither in the index nor in the lexicon are replaced by the most used index word one edit away. */
    String corrected(String question, ProcedureIndex idx) {
        List<String> words = new ArrayList<>();
        for (String w : VietnameseAnalysis.fold(folding, question)) {
            words.add(correct(w, idx.vocabulary()));
        }
        List<String> read = disambiguateMat(withoutInnerCounts(words, phraseStarts));
        return String.join(" ", lossReading(read, lossPhrases));
    }

    /** The first two words (folded) of every citizen phrase of the lexicon of two words or more ("gop thua", "tach so"). */
    static Set<String> phraseStarts(String lexicon, Analyzer folding) {
        Set<String> out = new HashSet<>();
        for (String line : lexicon.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String lhs = line.contains("=>") ? line.substring(0, line.indexOf("=>")) : line;
            for (String phrase : lhs.split(",")) {
                List<String> f = VietnameseAnalysis.fold(folding, phrase);
                if (f.size() >= 2) {
                    out.add(f.get(0) + " " + f.get(1));
                }
            }
        }
        return out;
    }

    /**
     * A count inside a citizen's phrase ("gộp 2 thửa", "tách 3 sổ") hides the phrase from the lexicon: a bare number
     * between two words that start a lexicon phrase is dropped. Elsewhere numbers stay ("nhà 3 tầng", "dưới 14 tuổi").
     */
    static List<String> withoutInnerCounts(List<String> words, Set<String> phraseStarts) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean count = !w.isEmpty() && w.length() <= 3 && w.chars().allMatch(Character::isDigit);
            if (count && i > 0 && i + 1 < words.size() && phraseStarts.contains(words.get(i - 1) + " " + words.get(i + 1))) {
                continue;
            }
            out.add(w);
        }
        return out;
    }

    /** The lexicon's own phrases for a loss ("mất sổ đỏ", "mất hộ chiếu"…), folded: they read the loss themselves. */
    static Set<String> lossPhrases(String lexicon, Analyzer folding) {
        Set<String> out = new HashSet<>();
        for (String line : lexicon.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || !line.contains("=>")) {
                continue;
            }
            for (String phrase : line.substring(0, line.indexOf("=>")).split(",")) {
                String f = String.join(" ", VietnameseAnalysis.fold(folding, phrase));
                if (f.startsWith("mat ")) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /**
     * Losing any thing is asking for it again: "mất" before a thing one loses ("mất bằng lái", "mất cà vẹt") is read as
     * the lexicon's "bị mất" (the loss, and the re-issue words "cấp lại"), unless "bị", "làm" or "đánh" already make it
     * that phrase or the lexicon has a phrase of its own for that loss ("mất sổ đỏ", "mất hộ chiếu").
     */
    static List<String> lossReading(List<String> words, Set<String> lossPhrases) {
        List<String> out = new ArrayList<>(words.size() + 1);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String prev = i > 0 ? words.get(i - 1) : "";
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            String next2 = i + 2 < words.size() ? words.get(i + 2) : "";
            if (w.equals("mat") && !Set.of("bi", "lam", "danh").contains(prev)
                    && (LOST_WORDS.contains(next) || LOST_PAIRS.contains(next + " " + next2))
                    && !lossPhrases.contains("mat " + next) && !lossPhrases.contains("mat " + next + " " + next2)) {
                out.add("bi");
            }
            out.add(w);
        }
        return out;
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

    /** Shortest unknown syllable the edit-distance correction looks at ("assistant.fuzzyMin", round 8 measured 3 and 4). */
    static final int FUZZY_MIN = Integer.getInteger("assistant.fuzzyMin", 3);

    String correct(String w, Map<String, Integer> vocabulary) {
        if (known(w, vocabulary)) {
            return w;
        }
        String typed = TypingResidue.strip(w);
        if (!typed.equals(w) && known(typed, vocabulary)) {
            return typed; // a rule of Vietnamese typing, before any guess by edit distance
        }
        if (w.length() < FUZZY_MIN || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
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

    private boolean known(String w, Map<String, Integer> vocabulary) {
        return vocabulary.containsKey(w) || lexiconWords.contains(w) || STOP.contains(w);
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

}
