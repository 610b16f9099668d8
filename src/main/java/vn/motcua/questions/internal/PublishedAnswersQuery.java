package vn.motcua.questions.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.questions.PublishedAnswers;

/** {@link PublishedAnswers}: the public columns only (never the original texts or the contact). */
@Repository
@Transactional(readOnly = true)
class PublishedAnswersQuery implements PublishedAnswers {

    private final JdbcClient jdbc;

    PublishedAnswersQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PublishedAnswer> aboutProcedures(int perProcedure) {
        return jdbc.sql("""
                select code, procedure_code, public_subject, public_question, public_answer, published_at from (
                  select a.*, row_number() over (partition by procedure_code order by published_at desc, code) as n
                  from (
                    select code, procedure_code, public_subject, public_question, public_answer, published_at
                    from question where state = 'PUBLISHED' and procedure_code is not null
                    union all -- the answers council sittings published (the question's own state is not changed)
                    select q.code, q.procedure_code, s.public_subject, s.public_question, s.public_answer, t.closed_at
                    from council_selection s join council_sitting t on t.id = s.sitting_id and t.state = 'CLOSED'
                    join question q on q.id = s.question_id
                    where q.procedure_code is not null and s.public_answer is not null) a) x
                where n <= :per order by procedure_code, published_at desc, code
                """).param("per", perProcedure)
                .query((rs, i) -> new PublishedAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }
}
