package vn.motcua.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The leader's drill-downs (read-only SQL on the dossier module's tables, like {@link IndicatorQueries}): the dossiers
 * the on-time indicator counts late, classified by the very same per-dossier CTE, and the open steps per officer
 * ({@code dossier_step}). Officers' names appear here for their own leader only, never on a public page.
 */
@Component
public class DashboardQueries {

    /** At most this many late dossiers are listed (the count above the list is exact). */
    public static final int LATE_LIMIT = 500;

    static final String LATE = IndicatorQueries.DOSSIERS + """
            select c.id, x.code, c.procedure_code, c.procedure_name, c.promised, c.end_at, c.pauses, c.apologies
            from c join dossier x on x.id = c.id
            where c.to_process and not c.on_time
            order by c.promised, x.code
            limit\s""" + LATE_LIMIT;

    /** A dossier counted late in the period: its promised date (Form 04 extensions taken out) and its end, if any. */
    public record LateDossier(UUID id, String code, String procedureCode, String procedureName, Instant promised,
                              Instant endedAt, int supplementRequests, int apologies) {
    }

    /** An officer's open steps in the agencies, and of them those past the step's own due time. */
    public record Workload(String assignee, String assigneeName, long open, long late) {
    }

    private final JdbcTemplate jdbc;
    private final IndicatorService service;
    private final java.time.Clock clock;

    DashboardQueries(JdbcTemplate jdbc, IndicatorService service, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.service = service;
        this.clock = clock;
    }

    /** The late dossiers of the query's selection and period (live tables: the leader's own agency is small). */
    public List<LateDossier> late(IndicatorService.Query q) {
        List<Holder> holders = service.select(q).holders();
        Instant start = q.from().atStartOfDay(IndicatorService.VN).toInstant();
        Instant end = q.to().plusDays(1).atStartOfDay(IndicatorService.VN).toInstant();
        Instant now = clock.instant();
        Instant judge = now.isBefore(end) ? now : end;
        return jdbc.query(c -> IndicatorQueries.statement(c, LATE, holders, q.filter(), start, end, judge, null),
                (rs, i) -> new LateDossier(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getInt(7),
                        rs.getInt(8)));
    }

    /**
     * Open steps per officer of the agencies, those not yet claimed as one line with a null assignee; late = the
     * step's due time has passed now.
     */
    public List<Workload> workload(List<String> agencyCodes) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        select s.assignee, max(s.assignee_name), count(*), count(*) filter (where s.due_at < ?)
                        from dossier_step s where s.finished_at is null and s.agency_code = any (?)
                        group by s.assignee order by s.assignee is null, max(s.assignee_name), s.assignee
                        """,
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", agencyCodes.toArray()));
                },
                (rs, i) -> new Workload(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /** Today in Hồ Chí Minh City, by the injected clock. */
    public LocalDate today() {
        return vn.motcua.platform.time.VietnamTime.today(clock);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
