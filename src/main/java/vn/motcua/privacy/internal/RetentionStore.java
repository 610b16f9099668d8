package vn.motcua.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedNotices;
import vn.motcua.privacy.RetainedQuestions;

/**
 * The SQL of retention: the rules ({@code privacy_retention_rule}), the runs and their items (append-only: the
 * dossiers in {@code privacy_retention_item}, the questions in {@code privacy_retention_question_item}), and the
 * anonymisation of a closed dossier past its period. The questions' own SQL is the questions module's
 * ({@link vn.motcua.privacy.RetainedQuestions}); the notices' is notify's ({@link vn.motcua.privacy.RetainedNotices}). The last reads and writes the dossier module's tables by name,
 * as the register describes them (the privacy module sits below the dossier module and cannot call it); which columns
 * are cleared and which are kept, and why, is {@link #ANONYMISED} and {@link #KEPT}, checked against the register by
 * {@code RetentionTest}.
 */
@Component
class RetentionStore {

    /** Shown where the applicant's name was. */
    static final String ANONYMOUS = RetainedNotices.ANONYMOUS;
    /** The account of an anonymised dossier: no citizen signs in with it (accounts are lower-case letters and dots). */
    static final String NO_ACCOUNT = RetainedNotices.NO_ACCOUNT;

    /** Personal columns of the citizen's dossier data that the job clears (table.column). */
    static final List<String> ANONYMISED = List.of(
            "dossier.applicant_name", "dossier.applicant_personal_id", "dossier.applicant_personal_id_bidx",
            "dossier.applicant_phone",
            "dossier.applicant_email", "dossier.address_line", "dossier.form_data", "dossier.submitted_by",
            "dossier_subject_key.key",
            "dossier_attachment.file_name", "dossier_attachment.content", "dossier_attachment.uploaded_by",
            "dossier_request.items", "dossier_request.note",
            "dossier_result.summary", "dossier_result.file_name", "dossier_result.content",
            "dossier_result.rating_comment",
            // Through notify's RetainedNotices, called by the retention job for each dossier.
            "notification.recipient", "notification.subject", "notification.body",
            // Through the audit module (a recorded re-seal of the chained history), not by this class's SQL.
            "dossier_event.reason", "dossier_event.data");

    /** Personal columns of the citizen's dossier data that the job keeps, and why. */
    static final java.util.Map<String, String> KEPT = java.util.Map.ofEntries(
            java.util.Map.entry("dossier.address_unit_code", "the ward of the applicant: the indicators per unit (Decision 766) count by it; it names no one"),
            java.util.Map.entry("dossier_event.actor", "kept for officers (accountability); the citizen's own events are anonymised through the audit module (HistoryAnonymisation, a recorded re-seal)"),
            java.util.Map.entry("dossier_event.actor_name", "as dossier_event.actor"),
            java.util.Map.entry("access_log.who", "the access log is append-only and hash-chained: who viewed is the officer's accountability"),
            java.util.Map.entry("access_log.who_name", "as access_log.who"),
            java.util.Map.entry("dossier_request.created_by", "an officer's account: accountability"),
            java.util.Map.entry("dossier_result.decided_by", "an officer's account: accountability"),
            java.util.Map.entry("dossier_result.returned_by", "an officer's account: accountability"));

    private final JdbcClient jdbc;
    /** The emptied form is written encrypted, as every form is. */
    private final KeyRing keys;

    RetentionStore(JdbcClient jdbc, KeyRing keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    record Rule(String procedureCode, Integer years, String legalBasis, String note) {
    }

    List<Rule> rules() {
        return jdbc.sql("select procedure_code, years, legal_basis, note from privacy_retention_rule order by procedure_code")
                .query((rs, n) -> new Rule(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Adds or replaces the rule of a procedure ('*': the default). */
    void setRule(String procedureCode, Integer years, String legalBasis, String note) {
        jdbc.sql("""
                        insert into privacy_retention_rule (procedure_code, years, legal_basis, note) values (?, ?, ?, ?)
                        on conflict (procedure_code) do update set years = excluded.years,
                            legal_basis = excluded.legal_basis, note = excluded.note""")
                .params(procedureCode, years, legalBasis, note).update();
    }

    /** A closed dossier whose retention period ended on or before the day. */
    record Due(UUID dossierId, String code, String procedureCode, Instant closedAt, LocalDate retainedUntil,
               int attachments) {
    }

    /**
     * Closed dossiers (refused, returned, stopped) whose period, counted from the Vietnam date of closing, ended on or
     * before {@code asOf}, not anonymised yet; oldest first. Open dossiers are never selected; permanent rules neither.
     */
    List<Due> due(LocalDate asOf, int limit) {
        return due(asOf, limit, null);
    }

    private List<Due> due(LocalDate asOf, int limit, UUID only) {
        return jdbc.sql("""
                        select id, code, procedure_code, closed_at, until, attachments from (
                            select d.id, d.code, d.procedure_code, d.closed_at,
                                   ((d.closed_at at time zone 'Asia/Ho_Chi_Minh')::date
                                       + make_interval(years => coalesce(r.years, case when r.procedure_code is null then def.years end)))::date as until,
                                   (select count(*) from dossier_attachment a where a.dossier_id = d.id)::int as attachments
                            from dossier d
                            left join privacy_retention_rule r on r.procedure_code = d.procedure_code
                            cross join (select years from privacy_retention_rule where procedure_code = '*') def
                            where d.state in ('REFUSED', 'RETURNED', 'STOPPED') and d.closed_at is not null
                              and d.submitted_by <> :none and (cast(:only as uuid) is null or d.id = :only)
                        ) x
                        where until is not null and until <= :asOf
                        order by closed_at, id
                        limit :limit""")
                .param("none", NO_ACCOUNT).param("asOf", asOf).param("limit", limit).param("only", only, java.sql.Types.OTHER)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class), rs.getInt(6)))
                .list();
    }

    /** Whether the dossier is still closed and not anonymised (an execution re-checks each dry run's item). */
    boolean stillDue(UUID dossierId, LocalDate asOf) {
        return !due(asOf, 1, dossierId).isEmpty();
    }

    void insertRun(UUID id, String mode, UUID dryRunId, Instant at, LocalDate asOf, String by, int dossiers,
                   int attachments) {
        jdbc.sql("""
                        insert into privacy_retention_run (id, mode, dry_run_id, at, as_of, requested_by, dossiers, attachments)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, mode, dryRunId, Timestamp.from(at), asOf, by, dossiers, attachments).update();
    }

    void insertItem(UUID runId, Due d) {
        jdbc.sql("""
                        insert into privacy_retention_item (run_id, dossier_id, dossier_code, procedure_code, closed_at,
                                                            retained_until, attachments)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, d.dossierId(), d.code(), d.procedureCode(), Timestamp.from(d.closedAt()),
                        d.retainedUntil(), d.attachments()).update();
    }

    record Run(UUID id, String mode, UUID dryRunId, Instant at, LocalDate asOf, String requestedBy, int dossiers,
               int attachments) {
    }

    List<Run> runs(int limit) {
        return jdbc.sql("""
                        select id, mode, dry_run_id, at, as_of, requested_by, dossiers, attachments
                        from privacy_retention_run order by at desc, id limit ?""")
                .param(Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getInt(7), rs.getInt(8)))
                .list();
    }

    java.util.Optional<Run> run(UUID id) {
        return jdbc.sql("""
                        select id, mode, dry_run_id, at, as_of, requested_by, dossiers, attachments
                        from privacy_retention_run where id = ?""").param(id)
                .query((rs, n) -> new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getInt(7), rs.getInt(8)))
                .optional();
    }

    List<Due> items(UUID runId) {
        return jdbc.sql("""
                        select dossier_id, dossier_code, procedure_code, closed_at, retained_until, attachments
                        from privacy_retention_item where run_id = ? order by closed_at, dossier_id""")
                .param(runId)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class), rs.getInt(6)))
                .list();
    }

    void insertQuestionItem(UUID runId, RetainedQuestions.Due d) {
        jdbc.sql("""
                        insert into privacy_retention_question_item (run_id, question_id, question_code, closed_at, retained_until)
                        values (?, ?, ?, ?, ?)""")
                .params(runId, d.questionId(), d.code(), Timestamp.from(d.closedAt()), d.retainedUntil()).update();
    }

    List<RetainedQuestions.Due> questionItems(UUID runId) {
        return jdbc.sql("""
                        select question_id, question_code, closed_at, retained_until
                        from privacy_retention_question_item where run_id = ? order by closed_at, question_id""")
                .param(runId)
                .query((rs, n) -> new RetainedQuestions.Due(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getObject(4, LocalDate.class)))
                .list();
    }

    boolean executed(UUID dryRunId) {
        return jdbc.sql("select count(*) from privacy_retention_run where mode = 'EXECUTE' and dry_run_id = ?")
                .param(dryRunId).query(Integer.class).single() > 0;
    }

    /** The account that submitted the dossier (read before it is anonymised). */
    String submittedBy(UUID dossierId) {
        return jdbc.sql("select submitted_by from dossier where id = ?").param(dossierId).query(String.class)
                .optional().orElse(null);
    }

    java.util.Optional<UUID> executionOf(UUID dryRunId) {
        return jdbc.sql("select id from privacy_retention_run where mode = 'EXECUTE' and dry_run_id = ?")
                .param(dryRunId).query(UUID.class).optional();
    }

    /** Clears the personal columns of one dossier and deletes its attachments; the number of files deleted. */
    int anonymise(UUID dossierId) {
        jdbc.sql("""
                        update dossier set applicant_name = :anonymous, applicant_personal_id = null, applicant_personal_id_bidx = null, applicant_phone = null,
                               applicant_email = null, address_line = null, form_data = :form,
                               submitted_by = :none, idempotency_key = null
                        where id = :id""")
                .param("anonymous", ANONYMOUS).param("none", NO_ACCOUNT).param("id", dossierId)
                .param("form", keys.encrypt("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "dossier.form_data"))
                .update();
        // the blind indexes of the form's subject (dossier's V40_30) go with the form
        jdbc.sql("delete from dossier_subject_key where dossier_id = ?").param(dossierId).update();
        List<String> hashes = jdbc.sql("select sha256 from dossier_attachment where dossier_id = ?").param(dossierId)
                .query(String.class).list();
        int files = jdbc.sql("delete from dossier_attachment where dossier_id = ?").param(dossierId).update();
        // What the assistant read out of those files (OCR text of ID cards …), unless another dossier holds the file.
        for (String h : hashes) {
            jdbc.sql("""
                            delete from appraisal_reading r where r.sha256 = ?
                              and not exists (select 1 from dossier_attachment a where a.sha256 = r.sha256)""")
                    .param(h).update();
        }
        files += jdbc.sql("""
                        update dossier_result set summary = :anonymous, file_name = '-', content = ''::bytea,
                               rating_comment = null
                        where dossier_id = :id""")
                .param("anonymous", ANONYMOUS).param("id", dossierId).update();
        jdbc.sql("update dossier_request set items = '[]'::jsonb, note = null where dossier_id = ?").param(dossierId)
                .update();
        return files;
    }
}
