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

    ProcessingQueries(JdbcClient jdbc, Staff staff, MessageSource messages) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.messages = messages;
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

    /** Open steps in the officer's queues (their agency and role), or of the agencies they lead. */
    public List<QueueRow> queue(String username, Scope scope, Filter filter, int limit) {
        return queue(username, scope, filter, null, limit);
    }

    /** As {@link #queue(String, Scope, Filter, int)}, narrowed by what the officer typed (see {@link DossierSearch}). */
    public List<QueueRow> queue(String username, Scope scope, Filter filter, String search, int limit) {
        return queue(username, scope, filter, search, limit, 0);
    }

    /**
     * One page of the queue (the processing inbox pages it instead of showing a fixed 200 rows); a page past the last
     * gives the last page.
     */
    public DossierQueries.Page<QueueRow> queuePage(String username, Scope scope, Filter filter, String search, int page,
                                                   int size) {
        if (scope.isEmpty()) {
            return new DossierQueries.Page<>(List.of(), 0, 0, size);
        }
        DossierSearch q = DossierSearch.of(search);
        // Without a search or the dossier's warning the count needs only the steps: no look-up of each dossier row.
        String counted = q == null && filter != Filter.WARNED
                ? from(filter, null).replace(" join dossier d on d.id = s.dossier_id", "") : from(filter, q);
        var spec = bind(jdbc.sql("select count(*)" + counted), scope, username);
        long total = (q == null ? spec : q.bind(spec)).query(Long.class).single();
        int last = (int) Math.max(0, (total + size - 1) / size - 1);
        int p = Math.min(Math.max(0, page), last);
        return new DossierQueries.Page<>(queue(username, scope, filter, search, size, (long) p * size), total, p, size);
    }

    private static String from(Filter filter, DossierSearch q) {
        String where = switch (filter) {
            case MINE -> " and s.assignee = :me";
            case QUEUE -> " and s.assignee is null and " + IN_MY_QUEUES;
            case WARNED -> " and (s.warning is not null or d.warning is not null)";
            case ALL -> "";
        };
        return """
                 from dossier_step s join dossier d on d.id = s.dossier_id
                where s.finished_at is null and s.agency_code = any(:mine)
                  and (s.agency_code = any(:led) or
                """ + IN_MY_QUEUES + ")" + where + (q == null ? "" : q.sql("d."));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, String username) {
        return spec.param("pa", scope.posts().stream().map(Post::agency).toArray(String[]::new))
                .param("pr", scope.posts().stream().map(p -> p.role().name()).toArray(String[]::new))
                .param("pf", scope.posts().stream().map(p -> p.fieldKey() == null ? "" : p.fieldKey()).toArray(String[]::new))
                .param("led", scope.ledAgencies().toArray(String[]::new))
                // Every queue and led agency is one of the officer's agencies: a plain condition on the open steps'
                // (agency, role) index, so the work of the rest of the province is never read (the condition below
                // with its OR and EXISTS cannot use an index).
                .param("mine", java.util.stream.Stream.concat(scope.agencies().stream(), scope.ledAgencies().stream())
                        .distinct().toArray(String[]::new))
                .param("me", username);
    }

    private List<QueueRow> queue(String username, Scope scope, Filter filter, String search, int limit, long offset) {
        if (scope.isEmpty()) {
            return List.of();
        }
        DossierSearch q = DossierSearch.of(search);
        var spec = bind(jdbc.sql("""
                        select d.id, d.code, d.procedure_name, d.applicant_name, d.state, d.due_at, d.warning as dw, d.version,
                               s.name, s.code as step_code, s.role, s.agency_code, s.assignee, s.assignee_name,
                               s.due_at as step_due, s.warning as sw, d.procedure_code
                        """ + from(filter, q)
                        + " order by coalesce(s.due_at, d.due_at) nulls last, d.id limit :limit offset :offset"), scope, username)
                .param("limit", limit).param("offset", offset);
        return (q == null ? spec : q.bind(spec))
                .query((rs, n) -> new QueueRow(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("procedure_name"), rs.getString("applicant_name"),
                        DossierState.valueOf(rs.getString("state")), instant(rs, "due_at"), rs.getString("dw"),
                        rs.getInt("version"), rs.getString("name"), rs.getString("step_code"),
                        PostRole.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getString("assignee"),
                        rs.getString("assignee_name"), instant(rs, "step_due"), rs.getString("sw"),
                        rs.getString("procedure_code")))
                .list();
    }

    /** Dossiers of the officer's agencies per state (processing states), and how many are warned. */
    public Map<DossierState, Long> countsByState(List<String> agencies) {
        Map<DossierState, Long> counts = new LinkedHashMap<>();
        for (DossierState s : List.of(DossierState.ACCEPTED, DossierState.PROCESSING_PAUSED,
                DossierState.RESULT_READY, DossierState.RETURNED, DossierState.STOPPED)) {
            counts.put(s, 0L);
        }
        if (agencies.isEmpty()) {
            return counts;
        }
        jdbc.sql("select state, count(*) from dossier where agency_code = any(:a) and state = any(:s) group by state")
                .param("a", agencies.toArray(String[]::new))
                .param("s", counts.keySet().stream().map(Enum::name).toArray(String[]::new))
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

    /** Open steps per officer of the agencies a leader leads, then the unassigned queues per role and field. */
    public List<Workload> workload(List<String> ledAgencies) {
        if (ledAgencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.assignee, max(s.assignee_name),
                               case when s.assignee is null then s.role end as queue_role,
                               case when s.assignee is null then s.field_key end as queue_field, count(*),
                               count(*) filter (where s.warning = 'SOON'), count(*) filter (where s.warning = 'LATE')
                        from dossier_step s where s.finished_at is null and s.agency_code = any(:a)
                        group by 1, 3, 4 order by s.assignee nulls first, 3, 4 nulls first
                        """)
                .param("a", ledAgencies.toArray(String[]::new))
                .query((rs, n) -> new Workload(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? null : PostRole.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
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
