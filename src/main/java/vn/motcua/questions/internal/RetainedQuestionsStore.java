package vn.motcua.questions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedColumns;
import vn.motcua.privacy.RetainedQuestions;

/**
 * The questions' side of retention (privacy's port {@link RetainedQuestions}): which closed questions are past their
 * period, and their anonymisation in this module's tables. What a published answer shows the public (its redacted
 * texts, the files an officer marked publishable) stays; what names or quotes the asker goes: the contact, the
 * account, the unredacted question and answer, the asker's own entries in the history, the files not marked
 * publishable, who rated. The notices sent to the asker are notify's (privacy calls it after this).
 */
@Component
class RetainedQuestionsStore implements RetainedQuestions {

    /** Shown where a question's text was when it had no redacted public text. */
    static final String ANONYMOUS = "Đã ẩn danh";

    private static final RetainedColumns COLUMNS = new RetainedColumns(List.of(
            "question.body", "question.contact_name", "question.contact_phone", "question.contact_email",
            "question.answer", "question.asker",
            "question_attachment.file_name", "question_attachment.content", "question_attachment.uploaded_by",
            "question_event.actor", "question_event.actor_name", "question_rating.username",
            // through notify's RetainedNotices, called by the retention job for each question
            "notification.recipient", "notification.subject", "notification.body"), Map.of(
            "question.assignee", "an officer's account: accountability",
            "question_attachment.marked_by", "an officer's account: accountability"));

    private final JdbcClient jdbc;

    RetainedQuestionsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Due> due(LocalDate asOf, int years, int limit) {
        return due(asOf, years, limit, null);
    }

    @Override
    public boolean stillDue(UUID questionId, LocalDate asOf, int years) {
        return !due(asOf, years, 1, questionId).isEmpty();
    }

    private List<Due> due(LocalDate asOf, int years, int limit, UUID only) {
        return jdbc.sql("""
                        select id, code, closed_at, until from (
                            select q.id, q.code, q.closed_at,
                                   ((q.closed_at at time zone 'Asia/Ho_Chi_Minh')::date + make_interval(years => :years))::date as until
                            from question q
                            where q.state in ('PUBLISHED', 'REFUSED') and q.closed_at is not null and q.anonymised_at is null
                              and (cast(:only as uuid) is null or q.id = :only)
                        ) x
                        where until <= :asOf
                        order by closed_at, id
                        limit :limit""")
                .param("years", years).param("asOf", asOf).param("limit", limit)
                .param("only", only, java.sql.Types.OTHER)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    @Override
    public int anonymise(UUID questionId, Instant now) {
        String asker = jdbc.sql("select asker from question where id = ?").param(questionId).query(String.class)
                .optional().orElse(null);
        // The asker's own entries: asked, supplied information (its text in reason). Officers' entries stay (accountability).
        jdbc.sql("""
                        update question_event set actor = 'anonymous', actor_name = null, reason = null
                        where question_id = :id and (actor = 'anonymous' or actor = :asker)""")
                .param("id", questionId).param("asker", asker == null ? "" : asker).update();
        int files = jdbc.sql("delete from question_attachment where question_id = ? and not publishable")
                .param(questionId).update();
        jdbc.sql("update question_attachment set uploaded_by = 'anonymous' where question_id = ?").param(questionId)
                .update();
        // The published texts were redacted and confirmed by an officer: they stand in for the originals.
        jdbc.sql("""
                        update question set subject = coalesce(public_subject, :anonymous),
                               body = coalesce(public_question, :anonymous), answer = public_answer,
                               contact_name = null, contact_phone = null, contact_email = null, asker = null,
                               anonymised_at = :now
                        where id = :id""")
                .param("anonymous", ANONYMOUS).param("now", Timestamp.from(now)).param("id", questionId)
                .update();
        // Readers' ratings keep their vote and time (the feedback figures count them), not who voted; a fresh
        // pseudonym per row keeps the (question, username) key unique.
        jdbc.sql("""
                        update question_rating set username = 'anonymous:' || gen_random_uuid()
                        where question_id = ? and username not like 'anonymous:%'""")
                .param(questionId).update();
        return files;
    }

    @Override
    public RetainedColumns columns() {
        return COLUMNS;
    }
}
