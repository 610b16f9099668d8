package vn.motcua.questions.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the links between questions and dossiers ({@code question.dossier_id}, {@code V46_8}). */
@Repository
public class QuestionLinkQueries {

    private final JdbcClient jdbc;

    QuestionLinkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dossier a question is about: its id and code (or receipt number). */
    public record Link(UUID dossierId, String dossierCode) {
    }

    public Optional<Link> linkOf(UUID questionId) {
        return jdbc.sql("select dossier_id, dossier_code from question where id = ? and dossier_id is not null")
                .param(questionId).query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** The questions about a dossier, newest first. */
    public List<Question> aboutDossier(UUID dossierId) {
        return jdbc.sql("select * from question where dossier_id = ? order by received_at desc limit 100")
                .param(dossierId).query(QuestionStore::map).list();
    }
}
