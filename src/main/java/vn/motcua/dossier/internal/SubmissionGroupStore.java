package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Dossier;

/**
 * Writes a group of new dossiers in one statement ({@link SubmissionWriter}): {@link DossierStore#insertSubmission}'s
 * data-modifying CTEs generalised to N rows. The dossiers go in with one multi-row {@code insert … on conflict do
 * nothing returning id}; their subject keys, attachments and first events read their dossier's id from it, so a
 * dossier whose key was used already (by an earlier call or by another row of the same group) or whose receipt number
 * is taken writes nothing at all, and the others are written.
 */
@Repository
class SubmissionGroupStore {

    /** One new dossier with everything its submission writes. */
    record Row(Dossier dossier, String idempotencyKey, String processingUnit, Integer processingAmount,
               String pausePolicy, String triageOwner, Instant triageDueAt, List<DossierStore.NewAttachment> files,
               List<DossierStore.NewEvent> history) {

        Row withDossier(Dossier d) {
            return new Row(d, idempotencyKey, processingUnit, processingAmount, pausePolicy, triageOwner, triageDueAt,
                    files, history);
        }
    }

    private static final String COLUMNS = """
            insert into dossier(id, receipt_number, procedure_code, procedure_name, procedure_version_id, channel, state,
                applicant_kind, applicant_name, applicant_personal_id, applicant_phone, applicant_email,
                address_unit_code, address_line, form_data, reception_point, agency_code, agency_name,
                triage_reason, triage_owner, triage_due_at, submitted_by, idempotency_key, received_at,
                count_from, reception_due_at, processing_days, processing_unit, pause_policy,
                applicant_personal_id_bidx) values """;
    private static final int COLUMN_COUNT = 30;
    /** One dossier's values: {@link #COLUMN_COUNT} parameters. */
    private static final String ROW = "(" + String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?")) + ")";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final vn.motcua.privacy.Vault vault;
    private final SubjectKeyStore subjects;

    SubmissionGroupStore(JdbcClient jdbc, JsonMapper json, vn.motcua.privacy.Vault vault, SubjectKeyStore subjects) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
        this.subjects = subjects;
    }

    /**
     * Inserts the rows (one statement); returns the ids of the dossiers written. Positional parameters, each part's
     * values in its own list and joined in the statement's order: named ones cost a parse and a map look-up per
     * parameter (~80 a row) on the writer thread.
     */
    Set<UUID> insertAll(List<Row> rows) {
        StringBuilder dossiers = new StringBuilder(COLUMNS);
        StringBuilder keys = new StringBuilder();
        StringBuilder files = new StringBuilder();
        StringBuilder events = new StringBuilder();
        List<Object> dossierArgs = new ArrayList<>(rows.size() * COLUMN_COUNT);
        List<Object> keyArgs = new ArrayList<>();
        List<Object> fileArgs = new ArrayList<>();
        List<Object> eventArgs = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Dossier d = row.dossier();
            dossiers.append(r == 0 ? "" : ", ").append(ROW);
            Collections.addAll(dossierArgs, d.id(), d.receiptNumber(), d.procedureCode(), d.procedureName(), d.procedureVersionId(),
                    d.channel().name(), d.state().name(), d.applicant().kind().name(), d.applicant().name(),
                    vault.sealText(d.applicant().personalId(), DossierStore.PERSONAL_ID), d.applicant().phone(),
                    d.applicant().email(), d.addressUnitCode(), d.addressLine(),
                    vault.seal(json.writeValueAsBytes(d.form() == null ? java.util.Map.of() : d.form()), DossierStore.FORM_DATA),
                    d.receptionPoint(), d.agencyCode(), d.agencyName(), d.triageReason(), row.triageOwner(),
                    DossierStore.ts(row.triageDueAt()), d.submittedBy(), row.idempotencyKey(), DossierStore.ts(d.receivedAt()),
                    DossierStore.ts(d.countFrom()), DossierStore.ts(d.receptionDueAt()), row.processingAmount(),
                    row.processingUnit(), row.pausePolicy(),
                    vault.blindIndex(d.applicant().personalId(), vn.motcua.privacy.Vault.PERSONAL_ID));
            for (SubjectKeyStore.Key k : subjects.keys(d.procedureCode(), d.form())) {
                keys.append(keys.isEmpty() ? "" : " union all ").append("select id, ?, ? from ins where id = ?");
                Collections.addAll(keyArgs, k.kind(), k.key(), d.id());
            }
            for (DossierStore.NewAttachment f : row.files()) {
                files.append(files.isEmpty() ? "" : " union all ").append("select ?::uuid, id, ?, ?, ?, ?, ?, ?,"
                        + " ?::timestamptz, ?::uuid, ? from ins where id = ?");
                Collections.addAll(fileArgs, UUID.randomUUID(), f.fileName(), f.contentType(), f.content().length,
                        DossierStore.sha256(f.content()), vault.seal(f.content(), DossierStore.ATTACHMENT_CONTENT), f.by(),
                        DossierStore.ts(f.at()), f.reusedFrom(), f.document(), d.id());
            }
            // a union all yields its parts in order: each dossier's events get audit_no in seq order
            for (int i = 0; i < row.history().size(); i++) {
                DossierStore.NewEvent e = row.history().get(i);
                events.append(events.isEmpty() ? "" : " union all ").append("select id, ").append(i + 1)
                        .append(", ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb from ins where id = ?");
                Collections.addAll(eventArgs, DossierStore.ts(e.at()), e.type().name(), e.from() == null ? null : e.from().name(),
                        e.to().name(), e.actor().username(), e.actor().displayName(), e.actor().agencyCode(),
                        e.actor().postTitle(), e.reason(), json.writeValueAsString(e.data()), d.id());
            }
        }
        StringBuilder sql = new StringBuilder("with ins as (").append(dossiers).append(" on conflict do nothing returning id)");
        List<Object> args = dossierArgs;
        if (!keys.isEmpty()) {
            sql.append(", k as (insert into dossier_subject_key(dossier_id, kind, key) ").append(keys).append(')');
            args.addAll(keyArgs);
        }
        if (!files.isEmpty()) {
            sql.append(", f as (insert into dossier_attachment(id, dossier_id, file_name, content_type, size_bytes, sha256,"
                    + " content, uploaded_by, uploaded_at, reused_document_id, document) ").append(files).append(')');
            args.addAll(fileArgs);
        }
        if (!events.isEmpty()) {
            sql.append(", ev as (insert into dossier_event(dossier_id, seq, at, type, state_from, state_to, actor,"
                    + " actor_name, actor_agency, actor_post, reason, data) ").append(events).append(')');
            args.addAll(eventArgs);
        }
        sql.append(" select id from ins");
        return new HashSet<>(jdbc.sql(sql.toString()).params(args).query(UUID.class).list());
    }
}
