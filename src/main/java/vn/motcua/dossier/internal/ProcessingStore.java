package vn.motcua.dossier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.Timeliness;
import vn.motcua.territory.PostRole;

import static vn.motcua.dossier.internal.DossierStore.instant;
import static vn.motcua.dossier.internal.DossierStore.ts;

/** Steps, pauses, extensions and results of dossiers in processing. */
@Repository
public class ProcessingStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Encryption at rest of result bytes (privacy module). */
    private final vn.motcua.privacy.Vault vault;
    static final String RESULT_CONTENT = "dossier_result.content";

    ProcessingStore(JdbcClient jdbc, JsonMapper json, vn.motcua.privacy.Vault vault) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
    }

    /** One step of the procedure's internal process, as snapshotted on the dossier at acceptance. */
    public record StepDef(int order, String code, String name, PostRole role, Integer quotaHours) {
    }

    /** One step instance: a hand-off from {@code openedBy} (sender) to {@code assignee} (receiver). */
    public record Step(UUID dossierId, int seq, int order, String code, String name, PostRole role, String agencyCode,
                       Integer quotaHours, Instant openedAt, String openedBy, String openedByName, Instant dueAt,
                       String assignee, String assigneeName, Instant assignedAt, Instant finishedAt, String finishedBy,
                       StepOutcome outcome, Timeliness timeliness, String warning, String fieldKey) {
        public boolean open() {
            return finishedAt == null;
        }
    }

    /** The process snapshot and the procedure's field, in one update of the dossier row. */
    public void saveProcess(UUID dossierId, List<StepDef> process, String fieldName, String fieldKey) {
        jdbc.sql("update dossier set process = ?::jsonb, procedure_field = ?, field_key = ? where id = ?")
                .params(json.writeValueAsString(process), fieldName, fieldKey, dossierId).update();
    }

    public List<StepDef> process(UUID dossierId) {
        String text = jdbc.sql("select process::text from dossier where id = ?").param(dossierId)
                .query(String.class).optional().orElse(null);
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<StepDef>>() {
        });
    }

    /** Opens a step instance; {@code fieldKey} narrows its queue to posts of that field (null: any post). */
    public void openStep(UUID dossierId, StepDef def, String agencyCode, String fieldKey, Instant at, String openedBy,
                         String openedByName, Instant dueAt, String assignee, String assigneeName) {
        jdbc.sql("""
                        insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, quota_hours,
                            opened_at, opened_by, opened_by_name, due_at, assignee, assignee_name, assigned_at, field_key)
                        values (:d, (select coalesce(max(seq), 0) + 1 from dossier_step where dossier_id = :d), :o, :c, :n,
                            :r, :a, :q, :at, :ob, :obn, :due, :as, :asn, :asat, :f)
                        """)
                .param("f", fieldKey)
                .param("d", dossierId).param("o", def.order()).param("c", def.code()).param("n", def.name())
                .param("r", def.role().name()).param("a", agencyCode).param("q", def.quotaHours()).param("at", ts(at))
                .param("ob", openedBy).param("obn", openedByName).param("due", ts(dueAt)).param("as", assignee)
                .param("asn", assigneeName).param("asat", assignee == null ? null : ts(at))
                .update();
    }

    public void finishStep(UUID dossierId, int seq, Instant at, String by, StepOutcome outcome, Timeliness t) {
        jdbc.sql("""
                        update dossier_step set finished_at = ?, finished_by = ?, outcome = ?, timeliness = ?
                        where dossier_id = ? and seq = ? and finished_at is null
                        """)
                .params(ts(at), by, outcome.name(), t == null ? null : t.name(), dossierId, seq).update();
    }

    /**
     * The same for a step still in its queue: its performer takes it ({@link #assign}) and finishes it at the same
     * instant, in one update.
     */
    public void claimAndFinishStep(UUID dossierId, int seq, Instant at, String by, String byName, StepOutcome outcome,
                                   Timeliness t) {
        jdbc.sql("""
                        update dossier_step set assignee = ?, assignee_name = ?, assigned_at = ?,
                            finished_at = ?, finished_by = ?, outcome = ?, timeliness = ?
                        where dossier_id = ? and seq = ? and finished_at is null
                        """)
                .params(by, byName, ts(at), ts(at), by, outcome.name(), t == null ? null : t.name(), dossierId, seq).update();
    }

    /**
     * A step row written at acceptance: the reception step, already done by the accepting officer
     * ({@code finishedAt} set; {@code assignee} did it), or the first open step.
     */
    public record NewStep(StepDef def, String agencyCode, String fieldKey, Instant openedAt, String openedBy,
                          String openedByName, Instant dueAt, String assignee, String assigneeName, Instant finishedAt,
                          StepOutcome outcome, Timeliness timeliness) {
    }

    /** Inserts the first steps of a dossier that has none (numbered 1, 2, …) in one statement. */
    public void insertFirstSteps(UUID dossierId, List<NewStep> rows) {
        StringBuilder sql = new StringBuilder("""
                insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, quota_hours,
                    opened_at, opened_by, opened_by_name, due_at, assignee, assignee_name, assigned_at, field_key,
                    finished_at, finished_by, outcome, timeliness) values
                """);
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NewStep r = rows.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(dossierId, i + 1, r.def().order(), r.def().code(), r.def().name(),
                    r.def().role().name(), r.agencyCode(), r.def().quotaHours(), ts(r.openedAt()), r.openedBy(),
                    r.openedByName(), ts(r.dueAt()), r.assignee(), r.assigneeName(),
                    r.assignee() == null ? null : ts(r.openedAt()), r.fieldKey(), ts(r.finishedAt()),
                    r.finishedAt() == null ? null : r.assignee(), r.outcome() == null ? null : r.outcome().name(),
                    r.timeliness() == null ? null : r.timeliness().name()));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    public void assign(UUID dossierId, int seq, String username, String name, Instant at) {
        jdbc.sql("update dossier_step set assignee = ?, assignee_name = ?, assigned_at = ? where dossier_id = ? and seq = ?")
                .params(username, name, ts(at), dossierId, seq).update();
    }

    public void setStepDue(UUID dossierId, int seq, Instant due) {
        jdbc.sql("update dossier_step set due_at = ?, warning = null where dossier_id = ? and seq = ?")
                .params(ts(due), dossierId, seq).update();
    }

    public void setStepWarning(UUID dossierId, int seq, String warning) {
        jdbc.sql("update dossier_step set warning = ? where dossier_id = ? and seq = ?")
                .params(warning, dossierId, seq).update();
    }

    /** A dossier's open step (at most one: {@code dossier_step_one_open}). */
    static final String OPEN_STEP = "select * from dossier_step where dossier_id = ? and finished_at is null";

    public Optional<Step> openStep(UUID dossierId) {
        return jdbc.sql(OPEN_STEP).param(dossierId)
                .query(ProcessingStore::step).optional();
    }

    public List<Step> steps(UUID dossierId) {
        return jdbc.sql("select * from dossier_step where dossier_id = ? order by seq").param(dossierId)
                .query(ProcessingStore::step).list();
    }

    public boolean hasSteps(UUID dossierId) {
        return jdbc.sql("select exists(select 1 from dossier_step where dossier_id = ?)").param(dossierId)
                .query(Boolean.class).single();
    }

    static Step step(ResultSet rs, int n) throws SQLException {
        return step(rs, "");
    }

    private static final List<String> STEP_COLUMNS = List.of("dossier_id", "seq", "step_order", "code", "name", "role",
            "agency_code", "quota_hours", "opened_at", "opened_by", "opened_by_name", "due_at", "assignee",
            "assignee_name", "assigned_at", "finished_at", "finished_by", "outcome", "timeliness", "warning", "field_key");

    /** The step columns of alias {@code s} named {@code s_<column>}, for a query that joins them to the dossier row. */
    static final String STEP_COLUMNS_S = String.join(", ", STEP_COLUMNS.stream().map(c -> "s." + c + " as s_" + c).toList());

    /** A step from columns named {@code prefix + column}. */
    static Step step(ResultSet rs, String p) throws SQLException {
        String t = rs.getString(p + "timeliness");
        return new Step(rs.getObject(p + "dossier_id", UUID.class), rs.getInt(p + "seq"), rs.getInt(p + "step_order"),
                rs.getString(p + "code"), rs.getString(p + "name"), PostRole.valueOf(rs.getString(p + "role")),
                rs.getString(p + "agency_code"), (Integer) rs.getObject(p + "quota_hours"), instant(rs, p + "opened_at"),
                rs.getString(p + "opened_by"), rs.getString(p + "opened_by_name"), instant(rs, p + "due_at"),
                rs.getString(p + "assignee"), rs.getString(p + "assignee_name"), instant(rs, p + "assigned_at"),
                instant(rs, p + "finished_at"), rs.getString(p + "finished_by"), StepOutcome.of(rs.getString(p + "outcome")),
                t == null ? null : Timeliness.valueOf(t), rs.getString(p + "warning"), rs.getString(p + "field_key"));
    }

    /** The dossier's procedure field (lĩnh vực) as in the catalogue at acceptance, and its key. */
    public record Field(String name, String key) {
    }

    public Field field(UUID dossierId) {
        return jdbc.sql("select procedure_field, field_key from dossier where id = ?").param(dossierId)
                .query((rs, n) -> new Field(rs.getString(1), rs.getString(2))).optional().orElse(new Field(null, null));
    }

    // ---- pauses and extensions ---------------------------------------------------------------

    public void pause(UUID dossierId, Instant at) {
        jdbc.sql("insert into dossier_pause(dossier_id, paused_at) values (?, ?)").params(dossierId, ts(at)).update();
    }

    public void resume(UUID dossierId, Instant at) {
        jdbc.sql("update dossier_pause set resumed_at = ? where dossier_id = ? and resumed_at is null")
                .params(ts(at), dossierId).update();
    }

    public List<Pause> pauses(UUID dossierId) {
        return jdbc.sql("select paused_at, resumed_at from dossier_pause where dossier_id = ? order by paused_at")
                .param(dossierId).query((rs, n) -> new Pause(instant(rs, "paused_at"), instant(rs, "resumed_at"))).list();
    }

    public record Extension(UUID id, int workingDays, String reason, Instant previousDue, Instant newDue,
                            String createdBy, Instant createdAt) {
    }

    public void addExtension(UUID dossierId, int days, String reason, Instant previousDue, Instant newDue, String by,
                             Instant at) {
        jdbc.sql("""
                        insert into dossier_extension(id, dossier_id, working_days, reason, previous_due, new_due, created_by,
                            created_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), dossierId, days, reason, ts(previousDue), ts(newDue), by, ts(at)).update();
    }

    public List<Extension> extensions(UUID dossierId) {
        return jdbc.sql("""
                        select id, working_days, reason, previous_due, new_due, created_by, created_at
                        from dossier_extension where dossier_id = ? order by created_at
                        """)
                .param(dossierId)
                .query((rs, n) -> new Extension(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        instant(rs, "previous_due"), instant(rs, "new_due"), rs.getString(6), instant(rs, "created_at")))
                .list();
    }

    public int extensionDays(UUID dossierId) {
        return jdbc.sql("select coalesce(sum(working_days), 0) from dossier_extension where dossier_id = ?")
                .param(dossierId).query(Integer.class).single();
    }

    public Optional<String> stopReason(UUID dossierId) {
        return jdbc.sql("select stop_reason from dossier where id = ?").param(dossierId).query(String.class).optional();
    }

    // ---- result ------------------------------------------------------------------------------

    public record Result(UUID dossierId, String outcome, String summary, String fileName, String contentType,
                         boolean generated, String decidedBy, Instant decidedAt, Instant returnedAt, String returnedBy,
                         String delivery, Timeliness timeliness, Integer rating, String ratingComment, Instant ratedAt) {
    }

    public void saveResult(UUID dossierId, String outcome, String summary, String fileName, String contentType,
                           byte[] content, boolean generated, String by, Instant at) {
        jdbc.sql("""
                        insert into dossier_result(dossier_id, outcome, summary, file_name, content_type, content, sha256,
                            generated, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (dossier_id) do update set outcome = excluded.outcome, summary = excluded.summary,
                            file_name = excluded.file_name, content_type = excluded.content_type, content = excluded.content,
                            sha256 = excluded.sha256,
                            generated = excluded.generated, decided_by = excluded.decided_by, decided_at = excluded.decided_at
                        """)
                .params(dossierId, outcome, summary, fileName, contentType, vault.seal(content, RESULT_CONTENT),
                        content == null ? null : DossierStore.sha256(content), generated, by, ts(at)).update();
    }

    /**
     * Records the return. With {@code storeDue} (the result goes to the applicant's data store after the commit,
     * V40_70) the same statement marks the result and gives back what the delivery needs, file included (empty when
     * the result has no file, and then nothing is marked): the delivery reads nothing back.
     */
    public Optional<ResultDeliveryStore.Due> markReturned(UUID dossierId, Instant at, String by, String delivery,
                                                         Timeliness t, Instant storeDue) {
        String set = "update dossier_result set returned_at = ?, returned_by = ?, delivery = ?, timeliness = ?";
        if (storeDue == null) {
            jdbc.sql(set + " where dossier_id = ?").params(ts(at), by, delivery, t == null ? null : t.name(), dossierId)
                    .update();
            return Optional.empty();
        }
        return jdbc.sql(set + ", store_due = case when content is null then null else ?::timestamptz end"
                        + " where dossier_id = ? returning " + ResultDeliveryStore.DUE_COLUMNS)
                .params(ts(at), by, delivery, t == null ? null : t.name(), ts(storeDue), dossierId)
                .query(ResultDeliveryStore::due).optional().filter(d -> d.sealedContent() != null);
    }

    /** Records the rating once; false when the dossier was already rated. */
    public boolean rate(UUID dossierId, int rating, String comment, Instant at) {
        return jdbc.sql("""
                        update dossier_result set rating = ?, rating_comment = ?, rated_at = ?
                        where dossier_id = ? and rating is null
                        """)
                .params(rating, comment, ts(at), dossierId).update() == 1;
    }

    public Optional<Result> result(UUID dossierId) {
        return jdbc.sql("""
                        select dossier_id, outcome, summary, file_name, content_type, generated, decided_by, decided_at,
                               returned_at, returned_by, delivery, timeliness, rating, rating_comment, rated_at
                        from dossier_result where dossier_id = ?
                        """)
                .param(dossierId)
                .query((rs, n) -> new Result(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), instant(rs, "decided_at"),
                        instant(rs, "returned_at"), rs.getString(10), rs.getString(11),
                        rs.getString(12) == null ? null : Timeliness.valueOf(rs.getString(12)),
                        (Integer) rs.getObject(13), rs.getString(14), instant(rs, "rated_at")))
                .optional();
    }

    public Optional<byte[]> resultContent(UUID dossierId) {
        return jdbc.sql("select content from dossier_result where dossier_id = ?").param(dossierId)
                .query((rs, n) -> vault.open(rs.getBytes(1), RESULT_CONTENT)).optional();
    }

    /** Who made the last change, and when: for the "changed by X at T, reload" message. */
    public record LastChange(String actorName, Instant at) {
    }

    public Optional<LastChange> lastChange(UUID dossierId) {
        return jdbc.sql("""
                        select coalesce(actor_name, actor), at from dossier_history where dossier_id = ?
                        order by ord desc limit 1
                        """)
                .param(dossierId).query((rs, n) -> new LastChange(rs.getString(1), instant(rs, "at"))).optional();
    }
}
