package vn.motcua.assistant.appraisal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All the appraisal's SQL. Its own tables ({@code appraisal_reading}, {@code appraisal_suggestion}, V70_5) and, read
 * only, the dossier module's tables {@code dossier}, {@code dossier_attachment}, {@code dossier_step} and
 * {@code dossier_request} — the way the reporting module reads them: the appraisal needs attachments' hashes and
 * contents, other dossiers of the same applicant and the history of steps, which the dossier module's public API does
 * not offer; nothing here writes to them. Dossiers about the same subject come from the dossier's
 * {@link vn.motcua.dossier.DossierSubjects} (the form is encrypted at rest: nothing here can look inside it).
 */
@Repository
public class AppraisalQueries {

    static final String OPEN_STATES = "('SUBMITTED','TRIAGE','SUPPLEMENT_REQUESTED','ACCEPTED','PROCESSING_PAUSED','RESULT_READY')";

    /** The dossier module's attachment bytes are encrypted at rest under this column's name. */
    private static final String ATTACHMENT_CONTENT = "dossier_attachment.content";

    private final JdbcClient jdbc;
    private final vn.motcua.privacy.Vault vault;

    public AppraisalQueries(JdbcClient jdbc, vn.motcua.privacy.Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** An attachment of a dossier (no content). */
    public record Attachment(UUID id, String fileName, String contentType, String sha256, UUID reusedFrom) {
        public boolean reused() {
            return reusedFrom != null;
        }
    }

    public List<Attachment> attachments(UUID dossierId) {
        return jdbc.sql("""
                        select id, file_name, content_type, sha256, reused_document_id from dossier_attachment
                        where dossier_id = ? order by uploaded_at, file_name""")
                .param(dossierId)
                .query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class)))
                .list();
    }

    /** What was read from a file; {@code status} PENDING while it waits in the queue. */
    public record Reading(String sha256, String status, String text, Integer pages, Boolean usedOcr,
                          Double minConfidence, Long millis, String detail) {
    }

    public Map<String, Reading> readings(Collection<String> sha256s) {
        Map<String, Reading> out = new HashMap<>();
        if (sha256s.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select sha256, status, text, pages, used_ocr, min_confidence, millis, detail
                        from appraisal_reading where sha256 = any(?)""")
                .param(sha256s.toArray(String[]::new))
                .query((rs, n) -> new Reading(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), (Boolean) rs.getObject(5), (Double) rs.getObject(6),
                        (Long) rs.getObject(7), rs.getString(8)))
                .list().forEach(r -> out.put(r.sha256(), r));
        return out;
    }

    /** Queues the files of these dossiers that were never read (one statement for them all); how many were queued. */
    public int queueReadings(Collection<UUID> dossierIds, Instant now) {
        return jdbc.sql("""
                        insert into appraisal_reading(sha256, status, queued_at)
                        select distinct sha256, 'PENDING', ?::timestamptz from dossier_attachment where dossier_id = any(?)
                        on conflict (sha256) do nothing""")
                .params(Timestamp.from(now), dossierIds.toArray(UUID[]::new)).update();
    }

    /**
     * The sweep: files of dossiers awaiting reception that were never queued (the node stopped between the
     * submission's commit and the queueing). No index of the dossier table serves "awaiting reception" on its own (and
     * adding one would slow every reorganisation's move of dossiers), so this reads the (agency, state, due) index
     * whole: it runs rarely ({@code motcua.appraisal.recovery-interval}).
     */
    public int queueMissing(Instant now) {
        return jdbc.sql("""
                        insert into appraisal_reading(sha256, status, queued_at)
                        select distinct a.sha256, 'PENDING', ?::timestamptz
                        from dossier d join dossier_attachment a on a.dossier_id = d.id
                        where d.state in ('SUBMITTED', 'TRIAGE')
                          and not exists (select 1 from appraisal_reading r where r.sha256 = a.sha256)
                        on conflict (sha256) do nothing""")
                .param(Timestamp.from(now)).update();
    }

    /** Takes up to {@code limit} pending files (locked for this transaction; others skip them). */
    public List<String> claimPending(int limit, int maxAttempts) {
        return jdbc.sql("""
                        select sha256 from appraisal_reading where status = 'PENDING' and attempts < ?
                        order by queued_at limit ? for update skip locked""")
                .params(maxAttempts, limit).query(String.class).list();
    }

    public void countAttempt(String sha256) {
        jdbc.sql("update appraisal_reading set attempts = attempts + 1 where sha256 = ?").param(sha256).update();
    }

    public Optional<byte[]> content(String sha256) {
        return jdbc.sql("select content from dossier_attachment where sha256 = ? limit 1").param(sha256)
                .query((rs, n) -> vault.open(rs.getBytes(1), ATTACHMENT_CONTENT)).optional();
    }

    public void saveReading(String sha256, String status, String text, int pages, boolean usedOcr, Double minConfidence,
                            long millis, String detail, Instant at) {
        jdbc.sql("""
                        update appraisal_reading set status = ?, text = ?, pages = ?, used_ocr = ?, min_confidence = ?,
                            millis = ?, detail = ?, read_at = ? where sha256 = ?""")
                .params(status, text, pages, usedOcr, minConfidence, millis, detail, Timestamp.from(at), sha256)
                .update();
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from appraisal_reading where status = 'PENDING'").query(Long.class).single();
    }

    /** Another open dossier of the same applicant (personal ID, else account) for the same procedure. */
    public record OtherDossier(UUID id, String code, String receiptNumber, String state, Instant receivedAt) {
    }

    public List<OtherDossier> openOfSameApplicant(UUID dossierId, String procedureCode, String personalId,
                                                  String submittedBy) {
        return jdbc.sql("""
                        select id, code, receipt_number, state, received_at from dossier
                        where procedure_code = :procedure and id <> :id and state in %s
                          and ((:pid::bytea is not null and applicant_personal_id_bidx = :pid)
                               or (:pid::bytea is null and submitted_by = :by))
                        order by received_at desc limit 5""".formatted(OPEN_STATES))
                .param("procedure", procedureCode).param("id", dossierId)
                // the number is encrypted at rest: its blind index is compared
                .param("pid", vault.blindIndex(personalId, vn.motcua.privacy.Vault.PERSONAL_ID))
                .param("by", submittedBy)
                .query((rs, n) -> new OtherDossier(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** How this agency's dossiers of this procedure ended at reception (state → count), all time. */
    public Map<String, Long> agencyOutcomes(String procedureCode, String agencyCode) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                        select case when state in ('REFUSED') then 'REFUSED'
                                    when exists (select 1 from dossier_request q where q.dossier_id = d.id
                                                 and q.kind = 'SUPPLEMENT') then 'SUPPLEMENT_REQUESTED'
                                    when accepted_at is not null then 'ACCEPTED' else 'WAITING' end, count(*)
                        from dossier d where procedure_code = ? and agency_code = ? group by 1""")
                .params(procedureCode, agencyCode)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The documents most often asked for in supplement requests of this procedure (document → times). */
    public List<Map.Entry<String, Long>> commonSupplementReasons(String procedureCode, int limit) {
        return jdbc.sql("""
                        select item ->> 'document', count(*) from dossier_request q
                        join dossier d on d.id = q.dossier_id, jsonb_array_elements(q.items) item
                        where q.kind = 'SUPPLEMENT' and d.procedure_code = ? and item ->> 'document' is not null
                        group by 1 order by 2 desc, 1 limit ?""")
                .params(procedureCode, limit)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
    }

    // --- suggestions and decisions

    public record Suggested(UUID id, String kind, String fingerprint, String decision) {
    }

    public Optional<Suggested> lastSuggestion(UUID dossierId) {
        return jdbc.sql("""
                        select id, kind, fingerprint, decision from appraisal_suggestion where dossier_id = ?
                        order by suggested_at desc, id limit 1""")
                .param(dossierId)
                .query((rs, n) -> new Suggested(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    public void recordSuggestion(UUID dossierId, String procedureCode, String agencyCode, String kind, String reasonsJson,
                                 String fingerprint, Instant at) {
        jdbc.sql("""
                        insert into appraisal_suggestion(id, dossier_id, procedure_code, agency_code, kind, reasons,
                            fingerprint, suggested_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(UUID.randomUUID(), dossierId, procedureCode, agencyCode, kind, reasonsJson, fingerprint,
                        Timestamp.from(at))
                .update();
    }

    /** Records the officer's decision on the dossier's latest undecided suggestion; false when there was none. */
    public boolean recordDecision(UUID dossierId, String decision, Instant at) {
        return jdbc.sql("""
                        update appraisal_suggestion set decision = ?, decided_at = ?
                        where id = (select id from appraisal_suggestion where dossier_id = ? and decision is null
                                    order by suggested_at desc, id limit 1)""")
                .params(decision, Timestamp.from(at), dossierId).update() == 1;
    }

    /** Per procedure and suggested kind: how many decided suggestions, and how many the officer's decision matched. */
    public record PrecisionRow(String procedureCode, String kind, long decided, long matched) {
    }

    public List<PrecisionRow> precision() {
        return jdbc.sql("""
                        select procedure_code, kind, count(*),
                               count(*) filter (where (kind = 'ACCEPT' and decision = 'ACCEPTED')
                                   or (kind = 'SUPPLEMENT' and decision = 'SUPPLEMENT_REQUESTED')
                                   or (kind = 'REFUSE_RISK' and decision = 'REFUSED'))
                        from appraisal_suggestion s
                        where decision is not null
                          and s.suggested_at = (select max(t.suggested_at) from appraisal_suggestion t
                                                where t.dossier_id = s.dossier_id and t.decision is not null)
                        group by 1, 2 order by 1, 2""")
                .query((rs, n) -> new PrecisionRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    // --- deadline risk

    /**
     * Median seconds of each finished step ({@code procedure|step}) of these procedures (reception not included), over
     * the dossiers received since {@code receivedSince}.
     */
    public Map<String, Double> typicalStepSeconds(Collection<String> procedureCodes, Instant receivedSince) {
        Map<String, Double> out = new java.util.HashMap<>();
        // received_at: the BRIN index reads only the block ranges of the window, not the whole table
        jdbc.sql("""
                        select d.procedure_code || '|' || st.code,
                               percentile_cont(0.5) within group (order by extract(epoch from st.finished_at - st.opened_at))
                        from dossier_step st join dossier d on d.id = st.dossier_id
                        where st.finished_at is not null and st.outcome = 'DONE' and d.procedure_code = any(:codes)
                          and d.received_at >= :since
                        group by 1""")
                .param("codes", procedureCodes.toArray(String[]::new))
                .param("since", java.sql.Timestamp.from(receivedSince))
                .query((rs, n) -> out.put(rs.getString(1), rs.getDouble(2))).list();
        return out;
    }

    /** An open piece of work in an officer's queues with its due time and the typical duration of such work. */
    public record QueueItem(UUID dossierId, String code, String receiptNumber, String procedureCode,
                            String procedureName, String step, String agencyCode, String assignee, Instant startedAt,
                            Instant dueAt, Double typicalSeconds) {
    }

    /**
     * Dossiers awaiting reception in {@code receptionAgencies}, and open processing steps assigned to {@code username}
     * or queued unassigned in {@code (agency, role)} pairs the officer holds; with the median duration of the same
     * step of the same procedure over finished work (reception: receipt to acceptance).
     */
    public List<QueueItem> queue(String username, Collection<String> receptionAgencies, Collection<String> agencyRoles,
                                 int limit) {
        return jdbc.sql("""
                        with reception_typical as (
                            select procedure_code, percentile_cont(0.5) within group (order by extract(epoch from accepted_at - received_at)) s
                            from dossier where accepted_at is not null group by procedure_code),
                        step_typical as (
                            select d.procedure_code, st.code, percentile_cont(0.5) within group (order by extract(epoch from st.finished_at - st.opened_at)) s
                            from dossier_step st join dossier d on d.id = st.dossier_id
                            where st.finished_at is not null and st.outcome = 'DONE' group by 1, 2)
                        select d.id, d.code, d.receipt_number, d.procedure_code, d.procedure_name, 'RECEPTION',
                               d.agency_code, null, d.received_at, d.reception_due_at, rt.s
                        from dossier d left join reception_typical rt on rt.procedure_code = d.procedure_code
                        where d.state = 'SUBMITTED' and d.agency_code = any(:reception)
                        union all
                        select d.id, d.code, d.receipt_number, d.procedure_code, d.procedure_name, st.code,
                               st.agency_code, st.assignee, st.opened_at, coalesce(st.due_at, d.due_at), t.s
                        from dossier_step st join dossier d on d.id = st.dossier_id
                        left join step_typical t on t.procedure_code = d.procedure_code and t.code = st.code
                        where st.finished_at is null and d.state = 'ACCEPTED'
                          and (st.assignee = :me or (st.assignee is null and st.agency_code || '/' || st.role = any(:roles)))
                        limit :limit""")
                .param("reception", receptionAgencies.toArray(String[]::new))
                .param("roles", agencyRoles.toArray(String[]::new))
                .param("me", username).param("limit", limit)
                .query((rs, n) -> new QueueItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        (Double) rs.getObject(11)))
                .list();
    }
}
