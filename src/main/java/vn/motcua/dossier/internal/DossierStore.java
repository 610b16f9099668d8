package vn.motcua.dossier.internal;

import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.WorkingTimeUnit;
import vn.motcua.calendar.ProcessingTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierState;

/** Dossier rows, their events and attachments. Every state change goes through {@link #transition}. */
@Repository
public class DossierStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Encryption at rest of attachment bytes (privacy module). */
    private final vn.motcua.privacy.Vault vault;
    /** Parses a row's form_data, when (and only if) someone reads the dossier's form. */
    private final java.util.function.Function<String, Map<String, Object>> formParser;
    /** The blind indexes of the form's subject (the form itself is encrypted). */
    private final SubjectKeyStore subjects;

    DossierStore(JdbcClient jdbc, JsonMapper json, vn.motcua.privacy.Vault vault, SubjectKeyStore subjects) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
        this.subjects = subjects;
        this.formParser = text -> json.readValue(text, MAP);
    }

    static final String COLUMNS = """
            id, code, receipt_number, procedure_code, procedure_name, procedure_version_id, channel, state, applicant_kind,
            applicant_name, applicant_personal_id, applicant_phone, applicant_email, address_unit_code,
            address_line, form_data, reception_point, agency_code, agency_name, triage_reason,
            submitted_by, received_at, count_from, reception_due_at, accepted_at, due_at, closed_at, version
            """;

    /**
     * Inserts a new dossier; with an idempotency key already used by the same account, inserts nothing
     * and returns false (the unique key makes concurrent retries safe). It inserts nothing either when the
     * receipt number is taken (one chance in billions): the caller then finds no dossier under its key and
     * tries again with another number.
     */
    public boolean insertIfNew(Dossier d, String idempotencyKey, String processingUnit, Integer processingAmount,
                               String pausePolicy, String triageOwner, Instant triageDueAt) {
        return insertSubmission(d, idempotencyKey, processingUnit, processingAmount, pausePolicy, triageOwner,
                triageDueAt, List.of(), List.of());
    }

    /** {@link #insertSubmission(Dossier, String, String, Integer, String, String, Instant, List, List)} of one row. */
    boolean insertSubmission(SubmissionGroupStore.Row r) {
        return insertSubmission(r.dossier(), r.idempotencyKey(), r.processingUnit(), r.processingAmount(),
                r.pausePolicy(), r.triageOwner(), r.triageDueAt(), r.files(), r.history());
    }

    /** A file of a new dossier, written by {@link #insertSubmission} in the dossier's own statement. */
    public record NewAttachment(String fileName, String contentType, byte[] content, String by, Instant at,
                                UUID reusedFrom, String document) {
    }

    /** An event of a new dossier ({@code seq} 1, 2, … in list order), written in the dossier's own statement. */
    public record NewEvent(Instant at, DossierEventType type, DossierState from, DossierState to, Actor actor,
                           String reason, Map<String, Object> data) {
    }

    /**
     * {@link #insertIfNew} with the dossier's attachments and first events in the same statement (data-modifying
     * CTEs, each reading the inserted id from {@code ins}): one round trip instead of 2 + n. When the insert finds
     * a conflict (the key used already, the receipt number taken) nothing at all is written and it returns false.
     */
    public boolean insertSubmission(Dossier d, String idempotencyKey, String processingUnit, Integer processingAmount,
                                    String pausePolicy, String triageOwner, Instant triageDueAt,
                                    List<NewAttachment> files, List<NewEvent> history) {
        // the subject's blind indexes go in with the row, in the same statement (no extra round trip)
        List<SubjectKeyStore.Key> keys = subjects.keys(d.procedureCode(), d.form());
        var spec = jdbc.sql(keys.isEmpty() && files.isEmpty() && history.isEmpty() ? INSERT
                : "with ins as (" + INSERT + " returning id)" + (keys.isEmpty() ? ""
                : ", keys as (" + SubjectKeyStore.insertFromCte(keys.size()) + ")")
                + withRows(files.size(), history.size()) + " select count(*) from ins");
        for (int i = 0; i < keys.size(); i++) {
            spec = spec.param("sk" + i, keys.get(i).kind()).param("sv" + i, keys.get(i).key());
        }
        for (int i = 0; i < files.size(); i++) {
            NewAttachment f = files.get(i);
            spec = spec.param("fi" + i, UUID.randomUUID()).param("fn" + i, f.fileName()).param("ft" + i, f.contentType())
                    .param("fs" + i, f.content().length).param("fh" + i, sha256(f.content()))
                    .param("fc" + i, vault.seal(f.content(), ATTACHMENT_CONTENT)).param("fb" + i, f.by())
                    .param("fa" + i, ts(f.at())).param("fr" + i, f.reusedFrom()).param("fd" + i, f.document());
        }
        for (int i = 0; i < history.size(); i++) {
            NewEvent e = history.get(i);
            spec = spec.param("ea" + i, ts(e.at())).param("et" + i, e.type().name())
                    .param("ef" + i, e.from() == null ? null : e.from().name()).param("eo" + i, e.to().name())
                    .param("eu" + i, e.actor().username()).param("en" + i, e.actor().displayName())
                    .param("eg" + i, e.actor().agencyCode()).param("ep" + i, e.actor().postTitle())
                    .param("er" + i, e.reason()).param("ed" + i, json.writeValueAsString(e.data()));
        }
        spec = spec.param("id", d.id()).param("rn", d.receiptNumber()).param("pc", d.procedureCode()).param("pn", d.procedureName())
                .param("pv", d.procedureVersionId()).param("ch", d.channel().name()).param("st", d.state().name())
                .param("ak", d.applicant().kind().name()).param("an", d.applicant().name())
                .param("pid", vault.sealText(d.applicant().personalId(), PERSONAL_ID))
                .param("pidx", vault.blindIndex(d.applicant().personalId(), vn.motcua.privacy.Vault.PERSONAL_ID))
                .param("ph", d.applicant().phone())
                .param("em", d.applicant().email()).param("au", d.addressUnitCode()).param("al", d.addressLine())
                .param("form", sealForm(d.form())).param("rp", d.receptionPoint())
                .param("ac", d.agencyCode()).param("agn", d.agencyName()).param("tr", d.triageReason())
                .param("to", triageOwner).param("td", ts(triageDueAt))
                .param("sb", d.submittedBy()).param("ik", idempotencyKey).param("ra", ts(d.receivedAt()))
                .param("cf", ts(d.countFrom())).param("rd", ts(d.receptionDueAt()))
                .param("pd", processingAmount).param("pu", processingUnit).param("pp", pausePolicy);
        return keys.isEmpty() && files.isEmpty() && history.isEmpty() ? spec.update() == 1
                : spec.query(Long.class).single() == 1;
    }

    private static final String INSERT = """
                        insert into dossier(id, receipt_number, procedure_code, procedure_name, procedure_version_id, channel, state,
                            applicant_kind, applicant_name, applicant_personal_id, applicant_phone, applicant_email,
                            address_unit_code, address_line, form_data, reception_point, agency_code, agency_name,
                            triage_reason, triage_owner, triage_due_at, submitted_by, idempotency_key, received_at,
                            count_from, reception_due_at, processing_days, processing_unit, pause_policy,
                            applicant_personal_id_bidx)
                        values (:id, :rn, :pc, :pn, :pv, :ch, :st, :ak, :an, :pid, :ph, :em, :au, :al, :form, :rp,
                            :ac, :agn, :tr, :to, :td, :sb, :ik, :ra, :cf, :rd, :pd, :pu, :pp, :pidx)
                        on conflict do nothing""";

    /** The attachment and event inserts of {@link #insertSubmission}, one CTE per row (casts: no column types to lean on). */
    private static String withRows(int files, int events) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < files; i++) {
            sql.append(", f").append(i).append(" as (insert into dossier_attachment(id, dossier_id, file_name, content_type,"
                    + " size_bytes, sha256, content, uploaded_by, uploaded_at, reused_document_id, document) select ")
                    .append(":fi%1$d::uuid, id, :fn%1$d, :ft%1$d, :fs%1$d, :fh%1$d, :fc%1$d, :fb%1$d, :fa%1$d::timestamptz,"
                            .formatted(i))
                    .append(" :fr%1$d::uuid, :fd%1$d from ins)".formatted(i));
        }
        // the events in one insert, in seq order (a union all yields its parts in order): audit_no follows seq
        for (int i = 0; i < events; i++) {
            sql.append(i == 0 ? ", ev as (insert into dossier_event(dossier_id, seq, at, type, state_from, state_to,"
                    + " actor, actor_name, actor_agency, actor_post, reason, data) " : " union all ")
                    .append(("select id, %2$d, :ea%1$d::timestamptz, :et%1$d, :ef%1$d, :eo%1$d, :eu%1$d, :en%1$d, :eg%1$d,"
                            + " :ep%1$d, :er%1$d, :ed%1$d::jsonb from ins").formatted(i, i + 1));
        }
        return events == 0 ? sql.toString() : sql.append(")").toString();
    }

    /** The form as stored: its JSON, encrypted by the Vault (once per write). */
    private byte[] sealForm(Map<String, Object> form) {
        return vault.seal(json.writeValueAsBytes(form == null ? Map.of() : form), FORM_DATA);
    }

    public String triageOwner(UUID id) {
        return jdbc.sql("select triage_owner from dossier where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    public void addRequest(UUID dossierId, String kind, List<RequestItem> items, String note, String by, Instant at) {
        jdbc.sql("""
                        insert into dossier_request(id, dossier_id, kind, items, note, created_by, created_at)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), dossierId, kind,
                        json.writeValueAsString(items.stream().map(RequestItem::asMap).toList()), note, by, ts(at))
                .update();
    }

    public void answerRequests(UUID dossierId, Instant at) {
        jdbc.sql("update dossier_request set answered_at = ? where dossier_id = ? and kind = 'SUPPLEMENT' and answered_at is null")
                .params(ts(at), dossierId).update();
    }

    public record Request(String kind, List<RequestItem> items, String note, String createdBy, Instant createdAt,
                          Instant answeredAt) {
    }

    public List<Request> requests(UUID dossierId) {
        return jdbc.sql("""
                        select kind, items::text, note, created_by, created_at, answered_at from dossier_request
                        where dossier_id = ? order by created_at
                        """)
                .param(dossierId)
                .query((rs, n) -> new Request(rs.getString(1),
                        json.readValue(rs.getString(2), new TypeReference<List<RequestItem>>() {
                        }), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs, "answered_at")))
                .list();
    }

    public Optional<Dossier> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ?").param(id).query(this::map).optional();
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = ?").param(code).query(this::map).optional();
    }

    /** By receipt number, as stored (see {@link ReceiptNumbers#parse}). */
    public Optional<Dossier> findByReceiptNumber(String receiptNumber) {
        return jdbc.sql("select " + COLUMNS + " from dossier where receipt_number = ?").param(receiptNumber)
                .query(this::map).optional();
    }

    public Optional<Dossier> findByIdempotencyKey(String submittedBy, String key) {
        return jdbc.sql("select " + COLUMNS + " from dossier where submitted_by = ? and idempotency_key = ?")
                .params(submittedBy, key).query(this::map).optional();
    }

    /** Locks the row for this transaction (serialises concurrent decisions on one dossier). */
    public Optional<Dossier> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ? for update").param(id).query(this::map).optional();
    }

    public record Processing(String unit, Integer amount, String pausePolicy) {

        /** The processing time the dossier was accepted with, or null when the procedure has none. */
        ProcessingTime time() {
            return unit == null ? null : new ProcessingTime(amount, WorkingTimeUnit.valueOf(unit));
        }

        /** The pause policy the dossier was accepted with (PAUSE when none was recorded). */
        PausePolicy policy() {
            return pausePolicy == null ? PausePolicy.PAUSE : PausePolicy.valueOf(pausePolicy);
        }
    }

    /** {@link #COLUMNS} qualified with the alias {@code d}, for queries that join the dossier row. */
    private static final String D_COLUMNS = java.util.Arrays.stream(COLUMNS.split(","))
            .map(c -> "d." + c.strip()).collect(java.util.stream.Collectors.joining(", "));

    /**
     * A dossier locked for an action, with what the action reads of its own row (processing time, the process
     * snapshot, the field) and its open step: one round trip instead of one per question.
     *
     * @param process    the process snapshotted at acceptance (empty before)
     * @param pausedEver whether the clock was ever paused: step deadlines need the pauses only then
     * @param open       the open step, or null
     */
    public record Locked(Dossier dossier, Processing processing, List<ProcessingStore.StepDef> process,
                         ProcessingStore.Field field, boolean pausedEver, ProcessingStore.Step open) {
    }

    private static final TypeReference<List<ProcessingStore.StepDef>> PROCESS = new TypeReference<>() {
    };

    /**
     * Locks the row ({@code for update of d} only) and reads, in the same statement, its open step and whether it
     * was ever paused. Those two come from the statement's snapshot, taken before waiting for the lock: when another
     * transaction changed the row meanwhile (every change of steps or pauses also updates the row, version + 1),
     * the locked row is newer than the snapshot ({@code raced}) and they are read again, as a separate lookup would.
     */
    public Optional<Locked> lockForAction(UUID id) {
        return jdbc.sql("select " + D_COLUMNS + """
                        , d.process::text as process, d.procedure_field, d.field_key, d.processing_unit,
                          d.processing_days, d.pause_policy,
                          exists(select 1 from dossier_pause p where p.dossier_id = d.id) as paused_ever,
                          d.version <> (select x.version from dossier x where x.id = d.id) as raced,
                        """ + ProcessingStore.STEP_COLUMNS_S + """
                         from dossier d left join dossier_step s on s.dossier_id = d.id and s.finished_at is null
                        where d.id = ? for update of d
                        """)
                .param(id)
                .query((rs, n) -> {
                    String process = rs.getString("process");
                    Locked l = new Locked(map(rs, n), new Processing(rs.getString("processing_unit"),
                            (Integer) rs.getObject("processing_days"), rs.getString("pause_policy")),
                            process == null ? List.of() : json.readValue(process, PROCESS),
                            new ProcessingStore.Field(rs.getString("procedure_field"), rs.getString("field_key")),
                            rs.getBoolean("paused_ever"),
                            rs.getObject("s_seq") == null ? null : ProcessingStore.step(rs, "s_"));
                    return rs.getBoolean("raced") ? reread(l) : l;
                })
                .optional();
    }

    /** The open step and the pauses as committed now that the row is locked (see {@link #lockForAction}). */
    private Locked reread(Locked l) {
        UUID id = l.dossier().id();
        var open = jdbc.sql(ProcessingStore.OPEN_STEP).param(id).query(ProcessingStore::step).optional().orElse(null);
        boolean paused = jdbc.sql("select exists(select 1 from dossier_pause where dossier_id = ?)").param(id)
                .query(Boolean.class).single();
        return new Locked(l.dossier(), l.processing(), l.process(), l.field(), paused, open);
    }

    public Processing processing(UUID id) {
        return jdbc.sql("select processing_unit, processing_days, pause_policy from dossier where id = ?").param(id)
                .query((rs, n) -> new Processing(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
                .single();
    }

    /**
     * Applies a change of state with optimistic locking: {@code expectedVersion} must be the version the
     * actor saw. {@code change} holds the other columns it updates. Returns the row as updated ({@code returning}), so
     * that an action needs no read at its end: put every column it changes in {@code change}.
     */
    Dossier transition(Dossier d, int expectedVersion, DossierState to, DossierChange change) {
        StringBuilder sql = new StringBuilder("update dossier set state = :state, version = version + 1");
        change.values().keySet().forEach(col -> sql.append(", ").append(col.sql).append(" = :").append(col.sql));
        sql.append(" where id = :id and version = :version returning ").append(COLUMNS);
        var spec = jdbc.sql(sql.toString()).param("state", to.name()).param("id", d.id()).param("version", expectedVersion);
        for (var e : change.values().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Instant i) {
                v = ts(i);
            } else if (v instanceof SealedForm f) {
                v = sealForm(f.form());
            } else if (v instanceof Jsonb j) {
                v = jsonb(j.value());
            }
            spec = spec.param(e.getKey().sql, v);
        }
        Dossier out = spec.query(this::map).optional().orElseThrow(() ->
                new OptimisticLockingFailureException("Dossier " + d.id() + " changed since version " + expectedVersion));
        if (change.values().get(DossierChange.Column.FORM_DATA) instanceof SealedForm f) {
            subjects.replace(d.id(), d.procedureCode(), f.form());
        }
        return out;
    }

    /** The form of a {@link DossierChange}: encrypted when written, its subject indexed again. */
    record SealedForm(Map<String, Object> form) {
    }

    /** A value for a jsonb column of a {@link DossierChange}. */
    public record Jsonb(Object value) {
    }

    private org.postgresql.util.PGobject jsonb(Object value) {
        var o = new org.postgresql.util.PGobject();
        try {
            o.setType("jsonb");
            o.setValue(json.writeValueAsString(value));
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return o;
    }

    public void appendEvent(UUID dossierId, Instant at, DossierEventType type, DossierState from, DossierState to, Actor actor,
                            String reason, Map<String, Object> data) {
        // No foreign key on the history (V44_2): the event is written only when its dossier exists.
        int written = jdbc.sql("""
                        insert into dossier_event(dossier_id, seq, at, type, state_from, state_to, actor, actor_name,
                            actor_agency, actor_post, reason, data)
                        select :d, (select coalesce(max(seq), 0) + 1 from dossier_event where dossier_id = :d), :at, :type,
                            :from, :to, :actor, :name, :agency, :post, :reason, :data::jsonb
                        where exists (select 1 from dossier where id = :d)
                        """)
                .param("d", dossierId).param("at", ts(at)).param("type", type.name())
                .param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor.username()).param("name", actor.displayName()).param("agency", actor.agencyCode())
                .param("post", actor.postTitle()).param("reason", reason).param("data", json.writeValueAsString(data))
                .update();
        if (written != 1) {
            throw new IllegalStateException("No dossier " + dossierId + " for its " + type + " event");
        }
    }

    /**
     * The dossier's history: its events and the transfers read from a reorganisation's journal
     * ({@code dossier_history}, one read model for every reader), in the order they were written. A transfer read from
     * the journal has no number of its own: it takes the one its event would have taken, and the events after it
     * count it (as they did when it was an event).
     */
    public List<DossierEvent> events(UUID dossierId) {
        int[] last = {0, 0}; // the number given to the previous entry; the transfers read from the journal so far
        return jdbc.sql("""
                        select seq, at, type, state_from, state_to, actor, actor_name, actor_agency, actor_post, reason,
                               data::text from dossier_history where dossier_id = ? order by ord, seq
                        """)
                .param(dossierId)
                .query((rs, n) -> {
                    int seq = rs.getInt(1);
                    if (rs.wasNull()) {
                        last[1]++;
                        seq = last[0] + 1;
                    } else {
                        seq += last[1];
                    }
                    last[0] = seq;
                    return new DossierEvent(seq, rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4) == null ? null : DossierState.valueOf(rs.getString(4)),
                            DossierState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), json.readValue(rs.getString(11), MAP));
                })
                .list();
    }

    /** @param reusedFrom the id of the data-store document it was reused from (tái sử dụng), null for an upload */
    /** @param document the required document it answers, as the submission said (V40_9); null when unsaid */
    public record AttachmentInfo(UUID id, String fileName, String contentType, int size, String sha256,
                                 Instant uploadedAt, UUID reusedFrom, String document) {

        public boolean reused() {
            return reusedFrom != null;
        }
    }

    static final String ATTACHMENT_CONTENT = "dossier_attachment.content";
    /** The applicant's ID number, encrypted at rest (with its blind index, for the lookups by number). */
    static final String PERSONAL_ID = "dossier.applicant_personal_id";
    /** The e-form's contents, encrypted at rest (their subject's blind indexes in {@link SubjectKeyStore}). */
    static final String FORM_DATA = "dossier.form_data";

    public void addAttachment(UUID dossierId, String fileName, String contentType, byte[] content, String by,
                              Instant at) {
        addAttachment(dossierId, fileName, contentType, content, by, at, null);
    }

    public void addAttachment(UUID dossierId, String fileName, String contentType, byte[] content, String by,
                              Instant at, UUID reusedFrom) {
        addAttachment(dossierId, fileName, contentType, content, by, at, reusedFrom, null);
    }

    public void addAttachment(UUID dossierId, String fileName, String contentType, byte[] content, String by,
                              Instant at, UUID reusedFrom, String document) {
        jdbc.sql("""
                        insert into dossier_attachment(id, dossier_id, file_name, content_type, size_bytes, sha256, content,
                            uploaded_by, uploaded_at, reused_document_id, document)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), dossierId, fileName, contentType, content.length, sha256(content),
                        vault.seal(content, ATTACHMENT_CONTENT), by, ts(at), reusedFrom, document)
                .update();
    }

    public List<AttachmentInfo> attachments(UUID dossierId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_at, reused_document_id, document
                        from dossier_attachment where dossier_id = ? order by uploaded_at, file_name
                        """)
                .param(dossierId)
                .query((rs, n) -> new AttachmentInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getObject(7, UUID.class),
                        rs.getString(8)))
                .list();
    }

    public Optional<byte[]> attachmentContent(UUID dossierId, UUID attachmentId) {
        return jdbc.sql("select content from dossier_attachment where dossier_id = ? and id = ?")
                .params(dossierId, attachmentId).query((rs, n) -> vault.open(rs.getBytes(1), ATTACHMENT_CONTENT))
                .optional();
    }

    Dossier map(ResultSet rs, int row) throws SQLException {
        return new Dossier(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("receipt_number"),
                rs.getString("procedure_code"),
                rs.getString("procedure_name"), rs.getObject("procedure_version_id", UUID.class),
                Dossier.Channel.valueOf(rs.getString("channel")), DossierState.valueOf(rs.getString("state")),
                new Dossier.Applicant(Dossier.Applicant.Kind.valueOf(rs.getString("applicant_kind")),
                        rs.getString("applicant_name"),
                        vault.openText(rs.getBytes("applicant_personal_id"), PERSONAL_ID),
                        rs.getString("applicant_phone"), rs.getString("applicant_email")),
                rs.getString("address_unit_code"), rs.getString("address_line"),
                // opened here, parsed on first use: a changed byte fails the read of the row, loudly, not a page later
                new LazyJsonMap(new String(vault.open(rs.getBytes("form_data"), FORM_DATA),
                        java.nio.charset.StandardCharsets.UTF_8), formParser), rs.getString("reception_point"),
                rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("triage_reason"),
                rs.getString("submitted_by"), instant(rs, "received_at"), instant(rs, "count_from"),
                instant(rs, "reception_due_at"), instant(rs, "accepted_at"), instant(rs, "due_at"),
                instant(rs, "closed_at"), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
