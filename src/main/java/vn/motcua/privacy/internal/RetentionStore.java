package vn.motcua.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedDossiers;
import vn.motcua.privacy.RetainedQuestions;

/**
 * The SQL of retention: the rules ({@code privacy_retention_rule}), the runs and their items (append-only: the
 * dossiers in {@code privacy_retention_item}, the questions in {@code privacy_retention_question_item}). Only privacy's
 * own tables: the dossiers' SQL is the dossier module's ({@link RetainedDossiers}), the questions' the questions
 * module's ({@link vn.motcua.privacy.RetainedQuestions}), the notices' notify's ({@link vn.motcua.privacy.RetainedNotices}).
 */
@Component
class RetentionStore {

    private final JdbcClient jdbc;

    RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    void insertRun(UUID id, String mode, UUID dryRunId, Instant at, LocalDate asOf, String by, int dossiers,
                   int attachments) {
        jdbc.sql("""
                        insert into privacy_retention_run (id, mode, dry_run_id, at, as_of, requested_by, dossiers, attachments)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, mode, dryRunId, Timestamp.from(at), asOf, by, dossiers, attachments).update();
    }

    void insertItem(UUID runId, RetainedDossiers.Due d) {
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

    List<RetainedDossiers.Due> items(UUID runId) {
        return jdbc.sql("""
                        select dossier_id, dossier_code, procedure_code, closed_at, retained_until, attachments
                        from privacy_retention_item where run_id = ? order by closed_at, dossier_id""")
                .param(runId)
                .query((rs, n) -> new RetainedDossiers.Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
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

    java.util.Optional<UUID> executionOf(UUID dryRunId) {
        return jdbc.sql("select id from privacy_retention_run where mode = 'EXECUTE' and dry_run_id = ?")
                .param(dryRunId).query(UUID.class).optional();
    }
}
