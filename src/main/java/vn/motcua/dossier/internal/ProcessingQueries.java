package vn.motcua.dossier.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Timeliness;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.dossier.DossierState;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;

import static vn.motcua.dossier.internal.DossierStore.instant;
import static vn.motcua.dossier.internal.DossierStore.ts;

/**
 * Read side of processing: queues per agency and post (filtered in SQL by the officer's posts today),
 * counts per state, the leaders' workload view and the dossier register (Form 07).
 */
@Component
public class ProcessingQueries {

    private final JdbcClient jdbc;
    private final Staff staff;
    private final MessageSource messages;
    private final StepTallies tallies;

    ProcessingQueries(JdbcClient jdbc, Staff staff, MessageSource messages, StepTallies tallies) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.messages = messages;
        this.tallies = tallies;
    }

    /** One post of the officer as the queues see it: agency, role and field key (null: every field). */
    public record Post(String agency, PostRole role, String fieldKey) {
    }

    /** What an officer may see: their posts (agency, role, field), and the agencies they lead. */
    public record Scope(List<Post> posts, List<String> agencies, List<String> ledAgencies) {
        public boolean isEmpty() {
            return posts.isEmpty();
        }

        public boolean leads(String agency) {
            return ledAgencies.contains(agency);
        }
    }

    public Scope scope(String username, LocalDate asOf) {
        List<PostHolding> posts = staff.postsOf(username, asOf);
        return new Scope(posts.stream().map(p -> new Post(p.agency().code(), p.role(), FieldKeys.key(p.field())))
                .distinct().toList(),
                posts.stream().map(p -> p.agency().code()).distinct().toList(),
                posts.stream().filter(p -> p.role() == PostRole.LEADER).map(p -> p.agency().code()).distinct().toList());
    }

    /**
     * A step is in one of the officer's queues when one of their posts has its agency and role and, if both the
     * post and the step have a field, the post's field covers the step's ({@link FieldKeys#covers}).
     */
    private static final String IN_MY_QUEUES = """
            exists (select 1 from unnest(cast(:pa as text[]), cast(:pr as text[]), cast(:pf as text[])) as p(agency, role, field)
                    where p.agency = s.agency_code and p.role = s.role
                      and (p.field = '' or s.field_key is null or %s))
            """.formatted(FieldKeys.SQL_COVERS.formatted("p.field", "s.field_key"));

    public enum Filter { MINE, QUEUE, WARNED, ALL }

    public record QueueRow(UUID dossierId, String code, String procedureName, String applicantName, DossierState state,
                           Instant dueAt, String dossierWarning, int version, String stepName, String stepCode,
                           PostRole role, String agencyCode, String assignee, String assigneeName, Instant stepDueAt,
                           String stepWarning, String procedureCode) {
        public String badge() {
            if ("LATE".equals(stepWarning) || "LATE".equals(dossierWarning)) {
                return "LATE";
            }
            return "SOON".equals(stepWarning) || "SOON".equals(dossierWarning) ? "SOON" : null;
        }
    }

    /** Counts of the processing lists stop past this many: the page then says "1.000+" ({@code totalExact} false). */
    public static final int COUNT_CAP = 1000;

    /**
     * A search that is not an exact dossier code or receipt number reads at most this many open steps of each queue,
     * the most urgent first (from the page's cursor on), so it costs the same with 800 or 8,000 open steps.
     */
    public static final int SEARCH_SCAN = 1000;

    /** Where a keyset page starts: after the step due at {@code due} (null: the steps without one) of dossier {@code id}. */
    public record Cursor(Instant due, UUID id) {
        public String token() {
            return (due == null ? "-" : due.toString()) + "_" + id;
        }

        /** Null for a missing or malformed token (an edited link): the first page. */
        public static Cursor parse(String token) {
            if (token == null || token.indexOf('_') < 0) {
                return null;
            }
            try {
                int i = token.lastIndexOf('_');
                String due = token.substring(0, i);
                return new Cursor("-".equals(due) ? null : Instant.parse(due), UUID.fromString(token.substring(i + 1)));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * One keyset page of a processing list: its rows, the next page's cursor (null: this is the last), the count up to
     * {@link #COUNT_CAP} ({@code totalExact} false past it, or when a search read only {@link #SEARCH_SCAN} steps of a
     * queue: {@code searchBounded}).
     */
    public record Seek<T>(List<T> items, String next, String prev, long total, boolean totalExact, boolean searchBounded) {
    }

    /** The first {@code limit} open steps in the officer's queues (their agency and role), or of the agencies they lead. */
    public List<QueueRow> queue(String username, Scope scope, Filter filter, int limit) {
        return queue(username, scope, filter, null, limit);
    }

    /** As {@link #queue(String, Scope, Filter, int)}, narrowed by what the officer typed (see {@link #seek}). */
    public List<QueueRow> queue(String username, Scope scope, Filter filter, String search, int limit) {
        return scope.isEmpty() ? List.of() : rows(username, scope, filter, narrow(search), null, limit);
    }

    /** The open step of one dossier if it is in the officer's lists (its badge on the dossier page). */
    public java.util.Optional<QueueRow> row(String username, Scope scope, UUID dossierId) {
        return scope.isEmpty() ? java.util.Optional.empty()
                : rows(username, scope, Filter.ALL, new Narrow(dossierId, null), null, 1).stream().findFirst();
    }

    /**
     * One page of a processing list in the order of the open step's due time (then the dossier id; steps without a due
     * time last), starting after {@code after} ({@link Cursor#token()}; null: the first page). Each (agency, role)
     * queue of the officer is read from the open-steps index in that order and stops after the page's rows + 1, so a
     * page costs the same whatever the agency's open work. A typed dossier code or receipt number is an exact look-up
     * (then kept only if that dossier is in these lists); other text (part of a code, a name, a phone number) narrows
     * the {@link #SEARCH_SCAN} most urgent steps of each queue.
     */
    public Seek<QueueRow> seek(String username, Scope scope, Filter filter, String search, String after, int size) {
        return seek(username, scope, filter, search, after, null, size);
    }

    /**
     * As above, or the page that ends just before {@code before} (a page's {@link Seek#prev()}): the same index read
     * backwards. A page of a text search has no previous link (its matches come from a scan bounded from the cursor on).
     */
    public Seek<QueueRow> seek(String username, Scope scope, Filter filter, String search, String after, String before,
                               int size) {
        if (scope.isEmpty()) {
            return new Seek<>(List.of(), null, null, 0, true, false);
        }
        Narrow n = narrow(search);
        boolean text = n != null && n.text() != null;
        Cursor back = text || after != null ? null : Cursor.parse(before);
        if (back != null) {
            List<QueueRow> rows = rowsBefore(username, scope, filter, n, back, size + 1);
            if (rows.size() > size) {
                List<QueueRow> page = List.copyOf(rows.subList(1, size + 1));
                long total = count(username, scope, filter, n);
                return new Seek<>(page, token(page.get(size - 1)), token(page.get(0)), Math.min(total, COUNT_CAP),
                        total <= COUNT_CAP, false);
            }
            // Fewer than a page before it: that is the first page.
        }
        Cursor from = Cursor.parse(after);
        // A text search's first page reads its matches up to the count's bound in the same scan: the count is then
        // their number, not a second scan of the same steps.
        boolean oneScan = n != null && n.text() != null && from == null;
        List<QueueRow> rows = rows(username, scope, filter, n, from, oneScan ? COUNT_CAP + 1 : size + 1);
        String next = rows.size() > size ? token(rows.get(size - 1)) : null;
        long total = oneScan ? rows.size() : count(username, scope, filter, n);
        boolean bounded = n != null && n.text() != null && scanned(username, scope, filter) > SEARCH_SCAN;
        String prev = from != null && !text && !rows.isEmpty() ? token(rows.get(0)) : null;
        return new Seek<>(rows.size() > size ? List.copyOf(rows.subList(0, size)) : rows, next, prev,
                Math.min(total, COUNT_CAP), total <= COUNT_CAP && !bounded, bounded);
    }

    private static String token(QueueRow r) {
        return new Cursor(r.stepDueAt(), r.dossierId()).token();
    }

    /** How many rows a list has, counted up to {@link #COUNT_CAP} + 1 (the warned tag, the bench). */
    public long count(String username, Scope scope, Filter filter) {
        return scope.isEmpty() ? 0 : count(username, scope, filter, null);
    }

    /** A search as the lists apply it: one dossier found exactly by code or receipt number, or text to match. */
    private record Narrow(UUID only, DossierSearch text) {
    }

    private Narrow narrow(String search) {
        DossierSearch q = DossierSearch.of(search);
        if (q == null) {
            return null;
        }
        // Two unique look-ups (code, receipt number): a code typed in full finds its dossier without reading the list.
        List<UUID> exact = q.bind(jdbc.sql("select id from dossier where code = :qExact or receipt_number = :qReceipt"))
                .param("qExact", search.strip().toUpperCase(java.util.Locale.ROOT)).query(UUID.class).list();
        return exact.size() == 1 ? new Narrow(exact.get(0), null) : new Narrow(null, q);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, String username) {
        return spec.param("pa", scope.posts().stream().map(Post::agency).toArray(String[]::new))
                .param("pr", scope.posts().stream().map(p -> p.role().name()).toArray(String[]::new))
                .param("pf", scope.posts().stream().map(p -> p.fieldKey() == null ? "" : p.fieldKey()).toArray(String[]::new))
                .param("led", scope.ledAgencies().toArray(String[]::new))
                .param("me", username);
    }

    /** The officer's queues: (agency, role) of each post, and (but for QUEUE) every role of each agency they lead. */
    private static JdbcClient.StatementSpec queues(JdbcClient.StatementSpec spec, Scope scope, Filter filter) {
        java.util.LinkedHashSet<Post> keys = new java.util.LinkedHashSet<>();
        scope.posts().forEach(p -> keys.add(new Post(p.agency(), p.role(), null)));
        // The QUEUE filter is the unassigned steps of the officer's own posts: a led agency's other roles hold none.
        (filter == Filter.QUEUE ? List.<String>of() : scope.ledAgencies()).forEach(a -> java.util.Arrays.stream(PostRole.values()).forEach(r -> keys.add(new Post(a, r, null))));
        return spec.param("ka", keys.stream().map(Post::agency).toArray(String[]::new))
                .param("kr", keys.stream().map(p -> p.role().name()).toArray(String[]::new));
    }

    private static final String QUEUES = "unnest(cast(:ka as text[]), cast(:kr as text[])) as k(agency, role)";

    /** The conditions on one queue's open steps (alias s, queue k), without the dossier's. */
    private static String steps(Filter filter, Narrow n) {
        return """
                s.finished_at is null and s.agency_code = k.agency and s.role = k.role
                  and (s.agency_code = any(:led) or
                """ + IN_MY_QUEUES + ")" + switch (filter) {
            case MINE -> " and s.assignee = :me";
            case QUEUE -> " and s.assignee is null and " + IN_MY_QUEUES;
            // The open step carries its dossier's warning (V40_46), so this needs no dossier row.
            case WARNED -> " and (s.warning is not null or s.dossier_warning is not null)";
            case ALL -> "";
        } + (n != null && n.only() != null ? " and s.dossier_id = :only" : "");
    }

    /** The open steps of one queue as the list reads them: all of them, or the most urgent ones for a text search. */
    private static String source(Filter filter, Narrow n, String keyset) {
        String where = steps(filter, n) + keyset;
        return n != null && n.text() != null
                ? "(select * from dossier_step s where " + where + " order by s.due_at, s.dossier_id limit " + SEARCH_SCAN
                + ") s join dossier d on d.id = s.dossier_id where true"
                : "dossier_step s join dossier d on d.id = s.dossier_id where " + where;
    }

    private static String onDossier(Narrow n) {
        return n != null && n.text() != null ? n.text().sql("d.") : "";
    }

    private JdbcClient.StatementSpec bindAll(JdbcClient.StatementSpec spec, Scope scope, String username, Narrow n,
                                             Filter filter) {
        spec = queues(bind(spec, scope, username), scope, filter);
        if (n != null && n.only() != null) {
            spec = spec.param("only", n.only());
        }
        return n != null && n.text() != null ? n.text().bind(spec) : spec;
    }

    private List<QueueRow> rows(String username, Scope scope, Filter filter, Narrow n, Cursor after, int limit) {
        List<QueueRow> out = new ArrayList<>();
        // Steps with a due time, then those without (the index keeps them last): two ranges of the index, each read in
        // order from the cursor on; a row comparison is an index condition, an OR with "is null" would not be.
        if (after == null || after.due() != null) {
            out.addAll(part(username, scope, filter, n, after == null ? " and s.due_at is not null"
                    : " and (s.due_at, s.dossier_id) > (cast(:ad as timestamptz), cast(:aid as uuid))", after, limit));
        }
        if (out.size() < limit) {
            out.addAll(part(username, scope, filter, n, " and s.due_at is null"
                    + (after == null || after.due() != null ? "" : " and s.dossier_id > cast(:aid as uuid)"), after,
                    limit - out.size()));
        }
        return out;
    }

    /** The {@code limit} rows just before the cursor, in list order: the two ranges read backwards. */
    private List<QueueRow> rowsBefore(String username, Scope scope, Filter filter, Narrow n, Cursor before, int limit) {
        List<QueueRow> out = new ArrayList<>();
        if (before.due() == null) {
            out.addAll(part(username, scope, filter, n, " and s.due_at is null and s.dossier_id < cast(:aid as uuid)",
                    before, limit, true));
        }
        if (out.size() < limit) {
            out.addAll(part(username, scope, filter, n, before.due() == null ? " and s.due_at is not null"
                    : " and (s.due_at, s.dossier_id) < (cast(:ad as timestamptz), cast(:aid as uuid))", before,
                    limit - out.size(), true));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private List<QueueRow> part(String username, Scope scope, Filter filter, Narrow n, String keyset, Cursor after,
                                int limit) {
        return part(username, scope, filter, n, keyset, after, limit, false);
    }

    private List<QueueRow> part(String username, Scope scope, Filter filter, Narrow n, String keyset, Cursor after,
                                int limit, boolean backwards) {
        String dir = backwards ? " desc" : "";
        var spec = bindAll(jdbc.sql("""
                        select x.* from %s cross join lateral (
                            select d.id, d.code, d.procedure_name, d.applicant_name, d.state, d.due_at, d.warning as dw,
                                   d.version, s.name, s.code as step_code, s.role, s.agency_code, s.assignee,
                                   s.assignee_name, s.due_at as step_due, s.warning as sw, d.procedure_code
                            from %s %s
                            order by s.due_at%4$s, s.dossier_id%4$s limit :limit) x
                        order by x.step_due%4$s nulls last, x.id%4$s limit :limit
                        """.formatted(QUEUES, source(filter, n, keyset), onDossier(n), dir)), scope, username, n, filter)
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("ad", after.due() == null ? null : ts(after.due())).param("aid", after.id());
        }
        return spec.query((rs, i) -> new QueueRow(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("procedure_name"), rs.getString("applicant_name"),
                        DossierState.valueOf(rs.getString("state")), instant(rs, "due_at"), rs.getString("dw"),
                        rs.getInt("version"), rs.getString("name"), rs.getString("step_code"),
                        PostRole.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getString("assignee"),
                        rs.getString("assignee_name"), instant(rs, "step_due"), rs.getString("sw"),
                        rs.getString("procedure_code")))
                .list();
    }

    /**
     * The one bounded count of this class: the rows of {@code rows} (a FROM clause) counted up to {@code cap} (a bind
     * parameter), as a subquery with the column {@code c}. It reads at most {@code cap} rows however many match.
     */
    private static String upTo(String rows, String cap) {
        return "(select count(*) as c from (select 1 from " + rows + " limit " + cap + ") z)";
    }

    /** The list's rows counted up to COUNT_CAP + 1; without a text search, on the steps alone. */
    private long count(String username, Scope scope, Filter filter, Narrow n) {
        String inner = n == null || n.only() != null
                ? "dossier_step s where " + steps(filter, n) : source(filter, n, "") + onDossier(n);
        // Each queue stops at the bound too, so a full first queue does not make the others read theirs.
        return bindAll(jdbc.sql("select c from " + upTo(QUEUES + " cross join lateral (select 1 from " + inner
                        + " limit :cap) x", ":cap") + " n"), scope, username, n, filter)
                .param("cap", COUNT_CAP + 1).query(Long.class).single();
    }

    /** The open steps of the officer's fullest queue, counted up to SEARCH_SCAN + 1: did a search read them all? */
    private long scanned(String username, Scope scope, Filter filter) {
        return bindAll(jdbc.sql("select coalesce(max(y.c), 0) from " + QUEUES + " cross join lateral "
                        + upTo("dossier_step s where " + steps(filter, null), ":scan") + " y"),
                scope, username, null, filter).param("scan", SEARCH_SCAN + 1).query(Long.class).single();
    }

    /**
     * Dossiers of the officer's agencies per processing state, each counted up to {@link #COUNT_CAP} + 1 (the page
     * shows "1.000+" past it).
     */
    public Map<DossierState, Long> countsByState(List<String> agencies) {
        Map<DossierState, Long> counts = new LinkedHashMap<>();
        for (DossierState s : List.of(DossierState.ACCEPTED, DossierState.PROCESSING_PAUSED,
                DossierState.RESULT_READY, DossierState.RETURNED, DossierState.STOPPED)) {
            counts.put(s, 0L);
        }
        if (agencies.isEmpty()) {
            return counts;
        }
        // Bounded, open states too: the closed ones grow with the years (540,000 returned dossiers of one ward at
        // 10,000,000), the open ones with the agency's work (8,261 at Sài Gòn), and past 1,000 the exact number does
        // not change what the officer does (the leader's workload table has the exact open steps per officer).
        jdbc.sql("select st, c from unnest(cast(:s as text[])) st cross join lateral "
                        + upTo("dossier where agency_code = any(:a) and state = st", ":cap") + " n")
                .param("a", agencies.toArray(String[]::new))
                .param("s", counts.keySet().stream().map(Enum::name).toArray(String[]::new))
                .param("cap", COUNT_CAP + 1)
                .query((rs, n) -> counts.put(DossierState.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /**
     * One line of the leaders' workload view: an officer's open steps, or (assignee null) one unassigned queue,
     * identified by the step role and the field its queue is narrowed to (null: every post of the role).
     */
    public record Workload(String assignee, String assigneeName, PostRole queueRole, String queueField, long open,
                           long soon, long late) {
    }

    /**
     * Open steps per officer of the agencies a leader leads, then the unassigned queues per role and field: from the
     * step tallies (V40_60), a few rows per officer however much open work the agencies hold.
     */
    public List<Workload> workload(List<String> ledAgencies) {
        return tallies.workload(ledAgencies);
    }

    /**
     * The WARNED list's size (the page's "Cảnh báo" tag), exact, from the step tallies: the same queues and field
     * coverage as the list, applied to counts per (agency, role, field, assignee) instead of to each open step.
     */
    public long warned(String username, Scope scope) {
        if (scope.isEmpty()) {
            return 0;
        }
        return queues(bind(jdbc.sql("select coalesce(sum(s.warned), 0) from " + StepTallies.OPEN + " s where exists ("
                        + "select 1 from " + QUEUES + " where s.agency_code = k.agency and s.role = k.role)"
                        + " and (s.agency_code = any(:led) or " + IN_MY_QUEUES + ")"), scope, username), scope,
                Filter.WARNED)
                .param("ta", scope.agencies().toArray(String[]::new)).query(Long.class).single();
    }

    // ---- register (Form 07) ---------------------------------------------------------------------

    public record RegisterRow(UUID id, String code, String procedureName, String applicantName, Instant acceptedAt,
                              Instant dueAt, Instant returnedAt, DossierState state, String stateText,
                              Timeliness timeliness, String agencyCode) {
    }

    /** Dossiers of the agencies accepted in [from, to] (dates in Vietnam), oldest first. */
    public List<RegisterRow> register(List<String> agencies, LocalDate from, LocalDate to, DossierState state,
                                      Instant now) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        Instant start = from.atStartOfDay(IntakeService.VN).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(IntakeService.VN).toInstant();
        List<RegisterRow> rows = new ArrayList<>();
        jdbc.sql("""
                        select d.id, d.code, d.procedure_name, d.applicant_name, d.accepted_at, d.due_at, r.returned_at,
                               d.state, r.timeliness, d.agency_code
                        from dossier d left join dossier_result r on r.dossier_id = d.id
                        where d.agency_code = any(:a) and d.accepted_at >= :start and d.accepted_at < :end
                        """ + (state == null ? "" : " and d.state = :state") + " order by d.accepted_at, d.code limit 20000")
                .param("a", agencies.toArray(String[]::new)).param("start", ts(start)).param("end", ts(end))
                .param("state", state == null ? "" : state.name())
                .query((rs, n) -> {
                    DossierState s = DossierState.valueOf(rs.getString("state"));
                    Instant due = instant(rs, "due_at");
                    String t = rs.getString("timeliness");
                    Timeliness tl = t != null ? Timeliness.valueOf(t)
                            : s.isOpen() && due != null && now.isAfter(due) ? Timeliness.LATE : null;
                    return rows.add(new RegisterRow(rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getString("procedure_name"), rs.getString("applicant_name"), instant(rs, "accepted_at"), due,
                            instant(rs, "returned_at"), s, messages.getMessage("dossier.state." + s.name(), null,
                            s.name(), LocaleContextHolder.getLocale()), tl, rs.getString("agency_code")));
                })
                .list();
        return rows;
    }
}
