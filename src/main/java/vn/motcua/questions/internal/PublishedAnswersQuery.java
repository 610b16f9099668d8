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
                  select q.*, row_number() over (partition by procedure_code order by published_at desc, code) as n
                  from question q where state = 'PUBLISHED' and procedure_code is not null) x
                where n <= :per order by procedure_code, published_at desc, code
                """).param("per", perProcedure)
                .query((rs, i) -> new PublishedAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }
}
