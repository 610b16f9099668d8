package vn.motcua.reorg.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal of a plan's question moves ({@code reorg_question_move}), one row per closing agency. */
@Repository
class QuestionMoveStore {

    /** A journaled move; {@code moved} is null until it has been made. */
    record Row(String fromAgency, String toAgency, String toName, String rule, int openBefore, Integer moved) {
    }

    private final JdbcClient jdbc;

    QuestionMoveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean journaled(UUID planId) {
        return jdbc.sql("select exists (select 1 from reorg_question_move where plan_id = ?)").param(planId)
                .query(Boolean.class).single();
    }

    void journal(UUID planId, List<Row> rows) {
        for (Row r : rows) {
            jdbc.sql("""
                    insert into reorg_question_move (plan_id, from_agency, to_agency, to_name, rule, open_before)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing
                    """).params(planId, r.fromAgency(), r.toAgency(), r.toName(), r.rule(), r.openBefore()).update();
        }
    }

    List<Row> rows(UUID planId) {
        return jdbc.sql("""
                select from_agency, to_agency, to_name, rule, open_before, moved from reorg_question_move
                where plan_id = ? order by from_agency
                """).param(planId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), (Integer) rs.getObject(6))).list();
    }

    /** Marks a row moved unless it already is; false when another run got there first. */
    boolean markMoved(UUID planId, String fromAgency, int moved, Instant at) {
        return jdbc.sql("""
                update reorg_question_move set moved = ?, moved_at = ?
                where plan_id = ? and from_agency = ? and moved is null
                """).params(moved, Timestamp.from(at), planId, fromAgency).update() == 1;
    }

    void setMoved(UUID planId, String fromAgency, int moved) {
        jdbc.sql("update reorg_question_move set moved = ? where plan_id = ? and from_agency = ?")
                .params(moved, planId, fromAgency).update();
    }
}
