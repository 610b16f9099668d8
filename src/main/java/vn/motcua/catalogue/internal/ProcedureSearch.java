package vn.motcua.catalogue.internal;

import vn.motcua.platform.text.InputText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.ProcedureSummary;

/**
 * Vietnamese search over names, fields and results, on folded text (no diacritics, đ → d) so that
 * "dang ky khai sinh" and "đăng ký khai sinh" are the same query. The folded columns live in
 * PostgreSQL ({@code search_name}, {@code search_text}, with trigram and full-text indexes for ad-hoc
 * SQL); for speed the ranking runs on an in-memory snapshot of those columns (about 2,600 rows),
 * reloaded whenever the table changes. Ranking: the exact phrase in the name first, then adjacent
 * word pairs and words matched in the name, then in field and result, then shorter names. Words not
 * in the vocabulary match their nearest vocabulary word at edit distance 1 (small typos).
 */
@Component
public class ProcedureSearch {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot = new Snapshot("", List.of(), Set.of());

    public ProcedureSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(ProcedureSummary summary, String name, String text, Set<String> nameWords, Set<String> textWords,
                 Set<String> nameBigrams) {
    }

    record Snapshot(String stamp, List<Entry> entries, Set<String> vocabulary) {
    }

    private volatile long checkedAt;

    /** Forget the snapshot (after an import). */
    public void invalidate() {
        checkedAt = 0;
        snapshot = new Snapshot("", List.of(), Set.of());
    }

    private Snapshot current() {
        long now = System.nanoTime();
        if (!snapshot.stamp().isEmpty() && now - checkedAt < 2_000_000_000L) {
            return snapshot;
        }
        checkedAt = now;
        String stamp = jdbc.sql("select count(*) || '/' || coalesce(max(updated_at)::text, '') from catalogue_procedure")
                .query(String.class).single();
        Snapshot s = snapshot;
        if (s.stamp().equals(stamp)) {
            return s;
        }
        synchronized (this) {
            if (snapshot.stamp().equals(stamp)) {
                return snapshot;
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> vocabulary = new java.util.HashSet<>();
            jdbc.sql("select code, name, field, level_text, detailed, search_name, search_text from catalogue_procedure")
                    .query((rs, i) -> {
                        // folded again: rows imported before the platform fold (Kỳ/Kì alike) keep "ky"
                        String name = Fold.fold(rs.getString("search_name"));
                        String text = Fold.fold(rs.getString("search_text"));
                        List<String> nw = List.of(name.split(" "));
                        Set<String> bigrams = new java.util.HashSet<>();
                        for (int k = 0; k + 1 < nw.size(); k++) {
                            bigrams.add(nw.get(k) + " " + nw.get(k + 1));
                        }
                        Set<String> tw = Set.copyOf(java.util.Arrays.asList(text.split(" ")));
                        vocabulary.addAll(tw);
                        return new Entry(CatalogueRepository.summary(rs, i), " " + name + " ", " " + text + " ",
                                Set.copyOf(nw), tw, bigrams);
                    }).list().forEach(entries::add);
            snapshot = new Snapshot(stamp, List.copyOf(entries), Set.copyOf(vocabulary));
            return snapshot;
        }
    }

    /** A query is read up to this many characters, ... */
    static final int MAX_QUERY = 256;
    /** ... in at most this many words, each cut to this length: the spelling correction is quadratic in a word. */
    static final int MAX_WORDS = 24;
    static final int MAX_WORD = 64;

    public List<ProcedureSummary> search(String query, int limit) {
        String q = Fold.fold(query == null || query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY));
        if (q.isEmpty()) {
            return List.of();
        }
        Snapshot s = current();
        List<String> words = new ArrayList<>();
        for (String w : q.split(" ")) {
            if (words.size() == MAX_WORDS) {
                break;
            }
            String cut = w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w;
            words.add(s.vocabulary().contains(cut) ? cut : nearest(cut, s.vocabulary()));
        }
        String corrected = String.join(" ", words);
        List<String> significant = new ArrayList<>();
        for (String w : words) {
            if (!Fold.STOPWORDS.contains(w)) {
                significant.add(w);
            }
        }
        if (significant.isEmpty()) {
            significant.addAll(words);
        }
        List<String> bigrams = new ArrayList<>();
        for (int k = 0; k + 1 < words.size(); k++) {
            if (!(Fold.STOPWORDS.contains(words.get(k)) && Fold.STOPWORDS.contains(words.get(k + 1)))) {
                bigrams.add(words.get(k) + " " + words.get(k + 1));
            }
        }
        String phrase = " " + corrected + " ";
        record Scored(ProcedureSummary summary, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Entry e : s.entries()) {
            int inName = 0;
            int inText = 0;
            for (String w : significant) {
                if (e.nameWords().contains(w)) {
                    inName++;
                } else if (e.textWords().contains(w)) {
                    inText++;
                }
            }
            int pairs = 0;
            for (String b : bigrams) {
                if (e.nameBigrams().contains(b)) {
                    pairs++;
                }
            }
            if (inName + inText == 0 && pairs == 0) {
                continue;
            }
            double score = 0;
            if (e.name().equals(phrase)) {
                score += 200;
            }
            if (e.name().contains(phrase)) {
                score += 100;
            } else if (e.text().contains(phrase)) {
                score += 20;
            }
            score += 40.0 * inName / significant.size() + 15.0 * inText / significant.size();
            score += bigrams.isEmpty() ? 0 : 30.0 * pairs / bigrams.size();
            score += e.summary().detailed() ? 2 : 0;
            score -= e.name().length() / 40.0;
            scored.add(new Scored(e.summary(), score));
        }
        scored.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : a.summary().code().compareTo(b.summary().code()));
        return scored.stream().limit(limit).map(Scored::summary).toList();
    }

    /** The vocabulary word at edit distance 1 (length ≥ 3), else the word itself. */
    static String nearest(String w, Set<String> vocabulary) {
        if (w.length() < 2) {
            return w;
        }
        // generate all edits at distance 1 over the folded alphabet
        String alphabet = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i <= w.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                String ins = w.substring(0, i) + c + w.substring(i);
                if (vocabulary.contains(ins)) {
                    return ins;
                }
                if (i < w.length()) {
                    String sub = w.substring(0, i) + c + w.substring(i + 1);
                    if (vocabulary.contains(sub)) {
                        return sub;
                    }
                }
            }
            if (i < w.length()) {
                String del = w.substring(0, i) + w.substring(i + 1);
                if (!del.isEmpty() && vocabulary.contains(del)) {
                    return del;
                }
            }
        }
        return w;
    }

    /** OR of significant words and of adjacent word pairs as phrases: {@code khai <-> sinh | khai | sinh}. */
    static String tsQuery(List<String> words) {
        Set<String> parts = new LinkedHashSet<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            String a = words.get(i);
            String b = words.get(i + 1);
            if (!(Fold.STOPWORDS.contains(a) && Fold.STOPWORDS.contains(b))) {
                parts.add(a + " <-> " + b);
            }
        }
        List<String> significant = new ArrayList<>();
        for (String w : words) {
            if (!Fold.STOPWORDS.contains(w)) {
                significant.add(w);
            }
        }
        if (significant.isEmpty() && parts.isEmpty()) {
            significant.addAll(words);
        }
        parts.addAll(significant);
        return String.join(" | ", parts);
    }

    /** A piece of text, marked when it matched a query word. */
    public record Segment(String text, boolean mark) {
    }

    /** Splits {@code text} into segments marking whole words that match a query word (diacritics ignored). */
    public static List<Segment> highlight(String text, String query) {
        List<Segment> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        text = InputText.nfc(text); // one character per letter, so folded positions are the text's
        Set<String> words = new LinkedHashSet<>(Fold.significantWords(query));
        String folded = Fold.perChar(text);
        boolean[] marked = new boolean[text.length()];
        int i = 0;
        while (i < folded.length()) {
            if (folded.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = i;
            while (j < folded.length() && folded.charAt(j) != ' ') {
                j++;
            }
            if (words.contains(folded.substring(i, j))) {
                for (int k = i; k < j; k++) {
                    marked[k] = true;
                }
            }
            i = j;
        }
        int start = 0;
        for (int k = 1; k <= text.length(); k++) {
            if (k == text.length() || marked[k] != marked[start]) {
                out.add(new Segment(text.substring(start, k), marked[start]));
                start = k;
            }
        }
        return out;
    }
}
