package vn.motcua.dossier.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.StepAssignments;

/**
 * {@link StepAssignments}: an anti-join of the open assigned steps against the seats given, in SQL. A step's dossier is
 * found in the plan's journal by the journal's key, one probe per batch number (there is no index on the journal's
 * {@code dossier_id}: docs/reorg.md, "Session 13").
 */
@Service
class StepAssignmentQueries implements StepAssignments {

    private static final String STALE = """
            from dossier_step s join dossier d on d.id = s.dossier_id
            where s.finished_at is null and s.assignee is not null and %s
              and (exists (select 1 from dossier_transfer t where t.plan_id = :plan and t.dossier_id = s.dossier_id
                             and t.batch_no = any (array(select generate_series(1, (select max(j.batch_no)
                                                         from dossier_transfer j where j.plan_id = :plan)))))
                   or s.assignee = any (:users))
              and not exists (select 1 from unnest(:agencies, :holders) as seat(agency, username)
                              where seat.agency = s.agency_code and seat.username = s.assignee)
            """.formatted(CustodyLedgerStore.OPEN);

    private final JdbcClient jdbc;

    StepAssignmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Stale staleAssignments(UUID planId, Collection<String> usernames, Collection<Seat> seats, int limit) {
        String[] users = usernames.toArray(String[]::new);
        String[] agencies = seats.stream().map(Seat::agencyCode).toArray(String[]::new);
        String[] holders = seats.stream().map(Seat::username).toArray(String[]::new);
        long count = jdbc.sql("select count(*) " + STALE).param("plan", planId).param("users", users)
                .param("agencies", agencies).param("holders", holders).query(Long.class).single();
        List<StaleAssignment> sample = count == 0 ? List.of() : jdbc.sql("""
                        select s.dossier_id, d.code, s.seq, s.code as step_code, s.agency_code, s.assignee, s.assignee_name
                        """ + STALE + " order by s.agency_code, s.assignee, s.dossier_id limit :limit")
                .param("plan", planId).param("users", users).param("agencies", agencies).param("holders", holders)
                .param("limit", Math.max(0, limit))
                .query((rs, n) -> new StaleAssignment(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
        return new Stale(count, sample);
    }
}
