package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.api.ApiException;

/** Read side: inboxes filtered in SQL by agency, a citizen's own dossiers, and public tracking. */
@Component
public class DossierQueries {

    private final JdbcClient jdbc;
    private final DossierStore store;

    DossierQueries(JdbcClient jdbc, DossierStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public enum InboxSort { RECEPTION_DUE, RECEIVED, DUE }

    /** Dossiers of the given agencies in the given states, filtered and paged in the database. */
    public Page<Dossier> inbox(List<String> agencyCodes, List<DossierState> states, String procedureCode,
                               InboxSort sort, int page, int size) {
        return inbox(agencyCodes, states, procedureCode, null, sort, page, size);
    }

    /**
     * As {@link #inbox(List, List, String, InboxSort, int, int)}, narrowed by what an officer typed: a receipt number,
     * (part of) a dossier code, (part of) the applicant's name with or without diacritics, or at least four digits of
     * the phone number, in any letter case. Null or blank: no narrowing.
     */
    public Page<Dossier> inbox(List<String> agencyCodes, List<DossierState> states, String procedureCode, String search,
                               InboxSort sort, int page, int size) {
        return inbox(agencyCodes, states, procedureCode, search, sort, page, size, null);
    }

    /**
     * As above, only the dossiers whose reception was due at or after {@code dueSince} (null: all): a closed tab (the
     * refused) shows a recent window, a range on the third column of the (agency, state, reception due) index, so its
     * search reads that window rather than every refused dossier of the agency's history.
     */
    public Page<Dossier> inbox(List<String> agencyCodes, List<DossierState> states, String procedureCode, String search,
                               InboxSort sort, int page, int size, Instant dueSince) {
        if (agencyCodes.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        // With one agency and one state (the usual inbox) plain equalities let the (agency, state, due)
        // index deliver rows already in order, so a page reads 20 index entries, not every match.
        Object agencies = agencyCodes.size() == 1 ? agencyCodes.get(0) : agencyCodes.toArray(String[]::new);
        Object stateNames = states.size() == 1 ? states.get(0).name() : states.stream().map(Enum::name).toArray(String[]::new);
        String where = " where agency_code " + (agencyCodes.size() == 1 ? "= :agencies" : "= any(:agencies)")
                + " and state " + (states.size() == 1 ? "= :states" : "= any(:states)")
                + (procedureCode == null ? "" : " and procedure_code = :proc")
                + (dueSince == null ? "" : " and reception_due_at >= :since");
        DossierSearch q = DossierSearch.of(search);
        if (q != null) {
            where += q.sql("");
        }
        String order = switch (sort) {
            case RECEPTION_DUE -> " order by reception_due_at, received_at, id";
            case RECEIVED -> " order by received_at desc, id";
            case DUE -> " order by due_at nulls last, received_at, id";
        };
        var count = jdbc.sql("select count(*) from dossier" + where).param("agencies", agencies).param("states", stateNames);
        var list = jdbc.sql("select " + DossierStore.COLUMNS + " from dossier" + where + order + " limit :limit offset :offset")
                .param("agencies", agencies).param("states", stateNames)
                .param("limit", size).param("offset", (long) page * size);
        if (procedureCode != null) {
            count = count.param("proc", procedureCode);
            list = list.param("proc", procedureCode);
        }
        if (dueSince != null) {
            count = count.param("since", java.sql.Timestamp.from(dueSince));
            list = list.param("since", java.sql.Timestamp.from(dueSince));
        }
        if (q != null) {
            count = q.bind(count);
            list = q.bind(list);
        }
        long total = count.query(Long.class).single();
        return new Page<>(list.query(store::map).list(), total, page, size);
    }

    /** The triage queue of a province service centre. */
    public List<Dossier> triage(String ownerAgency) {
        return jdbc.sql("select " + DossierStore.COLUMNS + " from dossier where state = 'TRIAGE' and triage_owner = ? order by received_at")
                .param(ownerAgency).query(store::map).list();
    }

    /**
     * A citizen's own dossiers, newest first, one page of them; a page past the last (an old link, a list that
     * shrank) gives the last page, never "page 6 of 5".
     */
    public Page<Dossier> submittedBy(String username, int page, int size) {
        long total = jdbc.sql("select count(*) from dossier where submitted_by = ?").param(username).query(Long.class).single();
        int last = (int) Math.max(0, (total + size - 1) / size - 1);
        int p = Math.min(Math.max(0, page), last);
        List<Dossier> items = jdbc.sql("select " + DossierStore.COLUMNS + " from dossier where submitted_by = :u"
                        + " order by received_at desc, id limit :limit offset :offset")
                .param("u", username).param("limit", size).param("offset", (long) p * size).query(store::map).list();
        return new Page<>(items, total, p, size);
    }

    public List<Dossier> submittedBy(String username) {
        return jdbc.sql("select " + DossierStore.COLUMNS + " from dossier where submitted_by = ? order by received_at desc limit 200")
                .param(username).query(store::map).list();
    }

    /**
     * Public tracking: the receipt number given at submission or the dossier code (either in any letter case) and the
     * last four digits of the applicant's phone or personal ID. Empty for a wrong pair, exactly as for an unknown code
     * (the caller counts it against the throttle). The dossier's internal id is not a tracking code: it appears in
     * links, logs and messages, and is no secret to guess against.
     */
    public Optional<Dossier> track(String code, String check) {
        if (code == null || code.isBlank() || check == null || !Dossier.Applicant.isCheck(check.strip())) {
            throw ApiException.badRequest("dossier.track.input");
        }
        String c = code.strip();
        // A receipt number in any case (O for 0, I/L for 1, spaces or hyphens), or a dossier code in any case.
        Optional<Dossier> found = ReceiptNumbers.parse(c).flatMap(store::findByReceiptNumber);
        if (found.isEmpty()) {
            found = store.findByCode(c.toUpperCase(java.util.Locale.ROOT));
        }
        return found.filter(d -> d.applicant().matchesCheck(check.strip()));
    }

    public record Counts(long awaitingReception, long supplementRequested, long overdueReception) {
    }

    public Counts counts(List<String> agencyCodes, Instant now) {
        if (agencyCodes.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        return jdbc.sql("""
                        select count(*) filter (where state = 'SUBMITTED'),
                               count(*) filter (where state = 'SUPPLEMENT_REQUESTED'),
                               count(*) filter (where state = 'SUBMITTED' and reception_due_at < :now)
                        from dossier where agency_code = any(:agencies) and state in ('SUBMITTED', 'SUPPLEMENT_REQUESTED')
                        """)
                .param("agencies", agencyCodes.toArray(String[]::new)).param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
