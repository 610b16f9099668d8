package vn.motcua.catalogue.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.ProcedureSummary;

/**
 * Vietnamese search over names, fields and results, on folded columns (no diacritics, đ → d) so that
 * "dang ky khai sinh" and "đăng ký khai sinh" are the same query. Candidates come from the full-text
 * index (unigrams of significant words and adjacent-word phrases) or trigram word similarity (typos);
 * ranking puts the exact phrase in the name first, then shorter names, then word and trigram overlap.
 */
@Component
public class ProcedureSearch {

    private final JdbcClient jdbc;

    public ProcedureSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProcedureSummary> search(String query, int limit) {
        String q = Fold.fold(query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<String> words = List.of(q.split(" "));
        String tsquery = tsQuery(words);
        return jdbc.sql("""
                select code, name, field, level_text, detailed from (
                  select code, name, field, level_text, detailed,
                         (case when search_name = :q then 200 else 0 end)
                       + (case when ' ' || search_name || ' ' like :phrase then 100 else 0 end)
                       + (case when ' ' || search_text || ' ' like :phrase then 20 else 0 end)
                       + 40 * word_similarity(:q, search_name)
                       + 10 * word_similarity(:q, search_text)
                       + 30 * ts_rank(search_name_tsv, to_tsquery('simple', :tsq), 1)
                       + 10 * ts_rank(search_text_tsv, to_tsquery('simple', :tsq), 1)
                       + (case when detailed then 2 else 0 end)
                       - length(search_name) / 40.0 as score
                  from catalogue_procedure
                  where search_text_tsv @@ to_tsquery('simple', :tsq) or :q <% search_text
                ) ranked
                order by score desc, code
                limit :limit""")
                .param("q", q).param("phrase", "% " + q + " %").param("tsq", tsquery).param("limit", limit)
                .query(CatalogueRepository::summary).list();
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
