package vn.motcua.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the questions' retention: closed questions (published or refused) whose period, counted from the Vietnam
 * date of closing, has ended, and their anonymisation. Like {@link RetentionStore} for dossiers, it reads and writes
 * the questions module's tables by name (privacy sits below it). What a published answer shows the public (its
 * redacted texts, the files an officer marked publishable) stays; what names or quotes the asker goes: the contact,
 * the account, the unredacted question and answer, the asker's own entries in the history, the files not marked
 * publishable and the notices sent to the asker.
 */
@Component
class QuestionRetentionStore {

    /** Personal columns of a question that the job clears (table.column), checked against the register. */
    static final List<String> ANONYMISED = List.of(
            "question.body", "question.contact_name", "question.contact_phone", "question.contact_email",
            "question.answer", "question.asker",
            "question_attachment.file_name", "question_attachment.content", "question_attachment.uploaded_by",
            "question_event.actor", "question_event.actor_name", "question_rating.username",
            "notification.recipient", "notification.subject", "notification.body");

    /** Personal columns of a question that the job keeps, and why. */
    static final java.util.Map<String, String> KEPT = java.util.Map.of(
            "question.assignee", "an officer's account: accountability",
            "question_attachment.marked_by", "an officer's account: accountability");

    private final JdbcClient jdbc;
    private final int years;

    QuestionRetentionStore(JdbcClient jdbc, @Value("${motcua.privacy.retention.question-years:5}") int years) {
        this.jdbc = jdbc;
        this.years = years;
    }

    record Due(UUID questionId, String code, Instant closedAt, LocalDate retainedUntil) {
    }

    /** Closed questions past their period on {@code asOf}, not anonymised yet, oldest first. */
    List<Due> due(LocalDate asOf, int limit) {
        return due(asOf, limit, null);
    }

    boolean stillDue(UUID questionId, LocalDate asOf) {
        return !due(asOf, 1, questionId).isEmpty();
    }

    private List<Due> due(LocalDate asOf, int limit, UUID only) {
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

    void insertItem(UUID runId, Due d) {
        jdbc.sql("""
                        insert into privacy_retention_question_item (run_id, question_id, question_code, closed_at, retained_until)
                        values (?, ?, ?, ?, ?)""")
                .params(runId, d.questionId(), d.code(), Timestamp.from(d.closedAt()), d.retainedUntil()).update();
    }

    List<Due> items(UUID runId) {
        return jdbc.sql("""
                        select question_id, question_code, closed_at, retained_until
                        from privacy_retention_question_item where run_id = ? order by closed_at, question_id""")
                .param(runId)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Clears what names or quotes the asker; the number of files deleted. */
    int anonymise(UUID questionId, Instant now) {
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
                .param("anonymous", RetentionStore.ANONYMOUS).param("now", Timestamp.from(now)).param("id", questionId)
                .update();
        // Readers' ratings keep their vote and time (the feedback figures count them), not who voted; a fresh
        // pseudonym per row keeps the (question, username) key unique.
        jdbc.sql("""
                        update question_rating set username = 'anonymous:' || gen_random_uuid()
                        where question_id = ? and username not like 'anonymous:%'""")
                .param(questionId).update();
        jdbc.sql("update notification set recipient = :none, subject = :anonymous, body = '' where question_id = :id")
                .param("none", RetentionStore.NO_ACCOUNT).param("anonymous", RetentionStore.ANONYMOUS)
                .param("id", questionId).update();
        return files;
    }
}
