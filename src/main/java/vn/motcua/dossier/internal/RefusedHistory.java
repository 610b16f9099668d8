package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.ProcessingQueries.Cursor;

import static vn.motcua.dossier.internal.DossierStore.ts;

/**
 * The reception's refused tab when the officer asks for older ones ("Xem cũ hơn"): the whole refused history of their
 * agencies, newest reception due time first, in keyset pages read backwards along the (agency, state, reception due)
 * index. A search reads at most {@link #SCAN} refusals per page from the page's start (the history grows by the years:
 * 29,260 refusals of one ward at 10,000,000), so a page costs the same whatever the history; "Cũ hơn" goes on from
 * where the page stopped reading.
 */
@Component
public class RefusedHistory {

    /** Refusals a searched page reads at most (as the processing search box's {@code SEARCH_SCAN}). */
    public static final int SCAN = 1000;

    private final JdbcClient jdbc;
    private final DossierStore store;

    RefusedHistory(JdbcClient jdbc, DossierStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * One page: its rows, the next (older) page's cursor (null: nothing older), and whether a search stopped after
     * reading {@link #SCAN} refusals (the page then says so; older matches are on the next pages).
     */
    public record Page(List<Dossier> items, String next, boolean searchBounded) {
    }

    private record Scanned(Dossier dossier, boolean hit) {
    }

    /** What a range returned: its matches (up to a page + 1), ending with the last refusal it read; and how many it read. */
    private record Read(List<Scanned> rows, int scanned) {
    }

    public Page older(List<String> agencies, String search, String after, int size) {
        if (agencies.isEmpty()) {
            return new Page(List.of(), null, false);
        }
        DossierSearch q = DossierSearch.of(search);
        int scan = q == null ? size + 1 : SCAN;
        Cursor from = Cursor.parse(after);
        // Dated refusals newest first, then (never made by the application, but the column allows it) undated ones by
        // id: two ranges of the index, each read in order from the cursor; a row comparison is an index condition.
        List<Scanned> rows = new ArrayList<>();
        int scanned = 0;
        if (from == null || from.due() != null) {
            Read r = range(agencies, q, from == null ? " and reception_due_at is not null"
                    : " and (reception_due_at, id) < (cast(:ad as timestamptz), cast(:aid as uuid))", from, scan, size);
            rows.addAll(r.rows());
            scanned += r.scanned();
        }
        if (scanned < scan && rows.stream().filter(Scanned::hit).count() <= size) {
            Read r = range(agencies, q, " and reception_due_at is null"
                    + (from == null || from.due() != null ? "" : " and id < cast(:aid as uuid)"), from, scan - scanned, size);
            rows.addAll(r.rows());
            scanned += r.scanned();
        }
        List<Dossier> hits = rows.stream().filter(Scanned::hit).map(Scanned::dossier).toList();
        if (hits.size() > size) {
            return new Page(List.copyOf(hits.subList(0, size)), token(hits.get(size - 1)), false);
        }
        // A page or less of matches: when the read stopped at its bound, the next page starts after the last one read.
        boolean full = scanned >= scan;
        return new Page(hits, full ? token(rows.get(rows.size() - 1).dossier()) : null, full && q != null);
    }

    private static String token(Dossier d) {
        return new Cursor(d.receptionDueAt(), d.id()).token();
    }

    /**
     * One range of the history from the cursor, newest first: per agency the first {@code scan} refusals, merged and
     * cut to {@code scan}; of those, the matching ones (up to a page + 1) and the last one read (where the next page
     * starts when fewer match).
     */
    private Read range(List<String> agencies, DossierSearch q, String keyset, Cursor after, int scan, int size) {
        String match = "(true" + (q == null ? "" : q.sql("r.")) + ")";
        var spec = jdbc.sql("""
                        with r as materialized (
                            select x.*, row_number() over (order by x.reception_due_at desc, x.id desc) as rn
                            from unnest(cast(:a as text[])) ag cross join lateral (
                                select %s from dossier where agency_code = ag and state = 'REFUSED' %s
                                order by reception_due_at desc, id desc limit :scan) x
                            order by x.reception_due_at desc, x.id desc limit :scan),
                        n as (select count(*) as scanned from r)
                        select r.*, %s as hit, n.scanned from r, n where %s or r.rn = n.scanned order by r.rn limit :more
                        """.formatted(DossierStore.COLUMNS, keyset, match, match))
                .param("a", agencies.toArray(String[]::new)).param("scan", scan).param("more", size + 2);
        if (after != null) {
            spec = spec.param("ad", after.due() == null ? null : ts(after.due())).param("aid", after.id());
        }
        if (q != null) {
            spec = q.bind(spec);
        }
        int[] scanned = {0};
        List<Scanned> rows = spec.query((rs, i) -> {
            scanned[0] = rs.getInt("scanned");
            return new Scanned(store.map(rs, i), rs.getBoolean("hit"));
        }).list();
        return new Read(rows, scanned[0]);
    }
}
