package vn.motcua.questions.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public answers search (SQL). Every folded term must appear in {@code public_fold}. No query shape reads the
 * whole table (docs/questions.md, "Benches"):
 * <ol>
 *   <li>The newest {@link #WINDOW} published answers are read in order, once, testing each against every term, until
 *       {@code offset + countAhead + 1} match: the page and the count come from that one pass. A common word stops
 *       early; two words each common but rarely together read the whole window and are counted there, as a lower
 *       bound ("at least") when older answers were not read.</li>
 *   <li>Only when the window does not fill the page (rare words) is the whole table searched, through the trigram
 *       index on the terms of 3 letters or more; shorter terms (which have no trigram) only filter what the index
 *       found. A page that is not full gives the exact total; a full one is counted up to the cap.</li>
 *   <li>A search of only one- or two-letter words has nothing for the index: it stops at the window.</li>
 * </ol>
 * Used through {@link QuestionStore#searchPublished}.
 */
class PublishedSearchStore {

    /** The newest published answers one search reads before turning to the trigram index (a 1 % match density). */
    static final int WINDOW = 2000;
    /** Shorter terms have no trigram: in an index condition they would make the GIN scan read every entry. */
    static final int MIN_INDEXED = 3;

    /** A page of published answers and how many match: exactly, or at least {@code total} ({@code exact} false). */
    public record Page(List<Question> items, long total, boolean exact) {
    }

    private final JdbcClient jdbc;

    PublishedSearchStore(JdbcClient jdbc) { // one per QuestionStore
        this.jdbc = jdbc;
    }

    /**
     * Published answers matching every folded term (or all), newest first, and their number counted at most
     * {@code countAhead} past this page.
     */
    Page find(List<String> foldedTerms, String procedureCode, int offset, int limit, int countAhead) {
        // The longest terms are most often the rarest: tested first, they reject most rows at once.
        List<String> terms = foldedTerms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        long cap = (long) offset + Math.max(countAhead, limit);
        // Only one- or two-letter words: nothing for the index, the window is all there is to read.
        boolean windowOnly = !terms.isEmpty() && terms.stream().noneMatch(PublishedSearchStore::indexed);
        if (offset + limit <= WINDOW || windowOnly) {
            Window w = window(terms, procedureCode, (int) Math.min(cap + 1, WINDOW + 1));
            if (w.hits().size() >= offset + limit || windowOnly) {
                List<UUID> page = w.hits().subList(Math.min(offset, w.hits().size()),
                        Math.min(offset + limit, w.hits().size()));
                // Past the window (more answers than it holds), the count is a lower bound.
                boolean exact = !w.full() && w.hits().size() <= cap;
                return new Page(load(page), Math.min(w.hits().size(), cap), exact);
            }
        }
        List<Question> items = where("select * from question ", terms, procedureCode,
                " order by published_at desc, code limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(QuestionStore::map).list();
        if (items.size() < limit && (offset == 0 || !items.isEmpty())) {
            return new Page(items, offset + items.size(), true);
        }
        long counted = where("select count(*) from (select 1 from question ", terms, procedureCode,
                " limit :cap) capped").param("cap", cap + 1).query(Long.class).single();
        return new Page(items, Math.min(counted, cap), counted <= cap);
    }

    /** The matches found in the window (ids, newest first), and whether the window was full (older answers exist). */
    private record Window(List<UUID> hits, boolean full) {
    }

    /**
     * One pass over the newest {@link #WINDOW} answers, stopping at {@code want} matches. The window's last row is
     * returned too, marked, so a pass that reached it knows older answers were left unread.
     */
    private Window window(List<String> terms, String procedureCode, int want) {
        StringBuilder hit = new StringBuilder("true");
        for (int i = 0; i < terms.size(); i++) {
            hit.append(" and strpos(public_fold, :t").append(i).append(") > 0");
        }
        var spec = jdbc.sql("""
                select id, hit, n from (
                  select id, %s as hit, row_number() over (order by published_at desc, code) as n
                  from (select id, published_at, code, public_fold from question where state = 'PUBLISHED'%s
                        order by published_at desc, code limit :window) recent) r
                where hit or n = :window
                limit :want""".formatted(hit, procedureCode != null ? " and procedure_code = :procedure" : ""))
                .param("window", WINDOW).param("want", want);
        for (int i = 0; i < terms.size(); i++) {
            spec = spec.param("t" + i, terms.get(i));
        }
        if (procedureCode != null) {
            spec = spec.param("procedure", procedureCode);
        }
        List<UUID> hits = new ArrayList<>();
        boolean[] full = {false};
        spec.query(rs -> {
            if (rs.getBoolean(2)) {
                hits.add(rs.getObject(1, UUID.class));
            }
            full[0] |= rs.getLong(3) == WINDOW;
        });
        return new Window(hits, full[0]);
    }

    private List<Question> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from question where id in (:ids) order by published_at desc, code")
                .param("ids", ids).query(QuestionStore::map).list();
    }

    private static boolean indexed(String term) {
        return term.length() >= MIN_INDEXED;
    }

    /**
     * The whole-table condition: {@code like} (the trigram index) for terms of {@link #MIN_INDEXED} letters or more,
     * {@code strpos} (a filter the planner cannot give the index) for shorter ones.
     */
    private JdbcClient.StatementSpec where(String select, List<String> terms, String procedureCode, String tail) {
        StringBuilder where = new StringBuilder("where state = 'PUBLISHED'");
        for (int i = 0; i < terms.size(); i++) {
            where.append(indexed(terms.get(i)) ? " and public_fold like :t" + i + " escape '\\'"
                    : " and strpos(public_fold, :t" + i + ") > 0");
        }
        if (procedureCode != null) {
            where.append(" and procedure_code = :procedure");
        }
        var spec = jdbc.sql(select + where + tail);
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            spec = spec.param("t" + i, indexed(t)
                    ? "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : t);
        }
        if (procedureCode != null) {
            spec = spec.param("procedure", procedureCode);
        }
        return spec;
    }
}
