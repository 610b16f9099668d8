package vn.motcua.questions.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Council sittings and their selected questions ({@code council_sitting}, {@code council_selection}). */
@Repository
public class CouncilSittingStore {

    public record Sitting(UUID id, String unitCode, String title, LocalDate date, String state, String createdBy,
                          Instant createdAt, String closedBy, Instant closedAt) {

        public boolean closed() {
            return "CLOSED".equals(state);
        }
    }

    public record Selection(UUID sittingId, UUID questionId, String questionCode, String agencyCode, String agencyName,
                            String leader, String leaderName, LocalDate answerBy, String answer, Instant answeredAt,
                            String publicSubject, String publicQuestion, String publicAnswer) {
    }

    private final JdbcClient jdbc;

    CouncilSittingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Sitting s) {
        jdbc.sql("""
                insert into council_sitting (id, unit_code, title, sitting_date, state, created_by, created_at)
                values (?, ?, ?, ?, 'OPEN', ?, ?)
                """).params(s.id(), s.unitCode(), s.title(), Date.valueOf(s.date()), s.createdBy(),
                Timestamp.from(s.createdAt())).update();
    }

    /** The sitting, locked for update when {@code lock} (selections, answers and closing serialise on it). */
    Optional<Sitting> find(UUID id, boolean lock) {
        return jdbc.sql("select * from council_sitting where id = ?" + (lock ? " for update" : "")).param(id)
                .query(CouncilSittingStore::sitting).optional();
    }

    List<Sitting> ofUnits(Collection<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from council_sitting where unit_code in (:u) order by sitting_date desc, created_at desc limit 200")
                .param("u", units).query(CouncilSittingStore::sitting).list();
    }

    List<Sitting> closed(int limit) {
        return jdbc.sql("select * from council_sitting where state = 'CLOSED' order by sitting_date desc, closed_at desc limit ?")
                .param(limit).query(CouncilSittingStore::sitting).list();
    }

    private static final String SELECTION = """
            select s.*, q.code as question_code, q.agency_name from council_selection s
            join question q on q.id = s.question_id
            """;

    List<Selection> selections(UUID sittingId) {
        return jdbc.sql(SELECTION + "where s.sitting_id = ? order by s.selected_at, q.code").param(sittingId)
                .query(CouncilSittingStore::selection).list();
    }

    /** Selections a leader has to answer (open sittings), the nearest date first. */
    List<Selection> assignedTo(String leader) {
        return jdbc.sql(SELECTION + """
                join council_sitting c on c.id = s.sitting_id
                where s.leader = ? and c.state = 'OPEN' order by s.answer_by, q.code
                """).param(leader).query(CouncilSittingStore::selection).list();
    }

    /** Adds a selection; false when the question is already selected for that sitting. */
    boolean select(UUID sittingId, UUID questionId, String agencyCode, String leader, String leaderName,
                   LocalDate answerBy, String by, Instant at) {
        return jdbc.sql("""
                insert into council_selection (sitting_id, question_id, agency_code, leader, leader_name, answer_by,
                  selected_by, selected_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(sittingId, questionId, agencyCode, leader, leaderName, Date.valueOf(answerBy), by,
                Timestamp.from(at)).update() == 1;
    }

    boolean answer(UUID sittingId, UUID questionId, String answer, Instant at) {
        return jdbc.sql("update council_selection set answer = ?, answered_at = ? where sitting_id = ? and question_id = ?")
                .params(answer, Timestamp.from(at), sittingId, questionId).update() == 1;
    }

    void publish(UUID sittingId, UUID questionId, String subject, String question, String answer) {
        jdbc.sql("""
                update council_selection set public_subject = ?, public_question = ?, public_answer = ?
                where sitting_id = ? and question_id = ?
                """).params(subject, question, answer, sittingId, questionId).update();
    }

    void close(UUID sittingId, String by, Instant at) {
        jdbc.sql("update council_sitting set state = 'CLOSED', closed_by = ?, closed_at = ? where id = ?")
                .params(by, Timestamp.from(at), sittingId).update();
    }

    /** Candidate questions for a sitting: open or published, of these agencies, newest first. */
    List<UUID> candidates(Collection<String> agencies, int limit) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id from question where agency_code in (:a) and state <> 'REFUSED'
                order by received_at desc limit :n
                """).param("a", agencies).param("n", limit).query(UUID.class).list();
    }

    private static Sitting sitting(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Sitting(rs.getObject("id", UUID.class), rs.getString("unit_code"), rs.getString("title"),
                rs.getDate("sitting_date").toLocalDate(), rs.getString("state"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("closed_by"),
                closed == null ? null : closed.toInstant());
    }

    private static Selection selection(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Selection(rs.getObject("sitting_id", UUID.class), rs.getObject("question_id", UUID.class),
                rs.getString("question_code"), rs.getString("agency_code"), rs.getString("agency_name"),
                rs.getString("leader"), rs.getString("leader_name"), rs.getDate("answer_by").toLocalDate(),
                rs.getString("answer"), answered == null ? null : answered.toInstant(), rs.getString("public_subject"),
                rs.getString("public_question"), rs.getString("public_answer"));
    }
}
