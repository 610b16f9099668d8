package vn.motcua.assistant.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The training's SQL: its table {@code training_assignment} (V70_6) and, read only, the reorganisation's record of
 * moved officers {@code reorg_officer_move} (which already lists, per officer, the procedures new to them) — the reorg
 * module tells observers when the officers were moved ({@code ExecutionObserver.officersMoved}) but not whom.
 */
@Repository
public class TrainingQueries {

    private final JdbcClient jdbc;

    TrainingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Assignment(UUID officerId, String username, String officerName, String procedureCode,
                             String agencyCode, String agencyName, String reason, UUID planId, Instant assignedAt,
                             Instant completedAt, Integer score, Integer questions, int attempts) {
        public boolean completed() {
            return completedAt != null;
        }
    }

    private static final String COLUMNS = """
            officer_id, username, officer_name, procedure_code, agency_code, agency_name, reason, plan_id, assigned_at,
            completed_at, score, questions, attempts""";

    private static Assignment map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Assignment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                (Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getInt(13));
    }

    /** A training per officer moved by the plan and per procedure new to them; idempotent. Returns rows added. */
    public int assignFromPlan(UUID planId, Instant now) {
        return jdbc.sql("""
                        insert into training_assignment(officer_id, username, officer_name, procedure_code, agency_code,
                            agency_name, reason, plan_id, assigned_at)
                        select m.officer_id, m.username, m.officer_name, p, m.to_agency, m.to_agency_name, 'REORG', m.plan_id, ?
                        from reorg_officer_move m cross join unnest(m.new_procedures) p
                        where m.plan_id = ? and m.kind = 'MOVED' and m.to_agency is not null
                        on conflict (officer_id, procedure_code) do nothing""")
                .params(Timestamp.from(now), planId).update();
    }

    public int assign(UUID officerId, String username, String officerName, String procedureCode, String agencyCode,
                      String agencyName, Instant now) {
        return jdbc.sql("""
                        insert into training_assignment(officer_id, username, officer_name, procedure_code, agency_code,
                            agency_name, reason, assigned_at) values (?, ?, ?, ?, ?, ?, 'MANUAL', ?)
                        on conflict (officer_id, procedure_code) do nothing""")
                .params(officerId, username, officerName, procedureCode, agencyCode, agencyName, Timestamp.from(now))
                .update();
    }

    public List<Assignment> ofUser(String username) {
        return jdbc.sql("select " + COLUMNS + " from training_assignment where username = ? order by completed_at nulls first, assigned_at, procedure_code")
                .param(username).query((rs, n) -> map(rs)).list();
    }

    public List<Assignment> ofAgency(String agencyCode) {
        return jdbc.sql("select " + COLUMNS + " from training_assignment where agency_code = ? order by completed_at nulls first, officer_name, procedure_code")
                .param(agencyCode).query((rs, n) -> map(rs)).list();
    }

    /** The officer's training for a procedure, if they have one (completed or not). */
    public java.util.Optional<Assignment> of(String username, String procedureCode) {
        return jdbc.sql("select " + COLUMNS + " from training_assignment where username = ? and procedure_code = ?")
                .params(username, procedureCode).query((rs, n) -> map(rs)).optional();
    }

    public void attempt(String username, String procedureCode, boolean passed, int score, int questions, Instant at) {
        jdbc.sql("""
                        update training_assignment set attempts = attempts + 1,
                            completed_at = case when ? and completed_at is null then ? else completed_at end,
                            score = case when ? and completed_at is null then ? else score end,
                            questions = case when ? and completed_at is null then ? else questions end
                        where username = ? and procedure_code = ?""")
                .params(passed, Timestamp.from(at), passed, score, passed, questions, username, procedureCode).update();
    }
}
