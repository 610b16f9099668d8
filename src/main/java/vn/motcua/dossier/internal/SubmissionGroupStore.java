package vn.motcua.dossier.internal;

import java.time.Instant;
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
    private static final String[] NAMES = {"id", "rn", "pc", "pn", "pv", "ch", "st", "ak", "an", "pid", "ph", "em", "au",
            "al", "form", "rp", "ac", "agn", "tr", "to", "td", "sb", "ik", "ra", "cf", "rd", "pd", "pu", "pp", "pidx"};

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

    /** Inserts the rows (one statement); returns the ids of the dossiers written. */
    Set<UUID> insertAll(List<Row> rows) {
        StringBuilder dossiers = new StringBuilder(COLUMNS);
        StringBuilder keys = new StringBuilder();
        StringBuilder files = new StringBuilder();
        StringBuilder events = new StringBuilder();
        var params = new java.util.HashMap<String, Object>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Dossier d = row.dossier();
            String id = ":id" + r;
            dossiers.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < NAMES.length; c++) {
                dossiers.append(c == 0 ? ":" : ", :").append(NAMES[c]).append(r);
            }
            dossiers.append(')');
            Object[] values = {d.id(), d.receiptNumber(), d.procedureCode(), d.procedureName(), d.procedureVersionId(),
                    d.channel().name(), d.state().name(), d.applicant().kind().name(), d.applicant().name(),
                    vault.sealText(d.applicant().personalId(), DossierStore.PERSONAL_ID), d.applicant().phone(),
                    d.applicant().email(), d.addressUnitCode(), d.addressLine(),
                    vault.seal(json.writeValueAsBytes(d.form() == null ? java.util.Map.of() : d.form()), DossierStore.FORM_DATA),
                    d.receptionPoint(), d.agencyCode(), d.agencyName(), d.triageReason(), row.triageOwner(),
                    DossierStore.ts(row.triageDueAt()), d.submittedBy(), row.idempotencyKey(), DossierStore.ts(d.receivedAt()),
                    DossierStore.ts(d.countFrom()), DossierStore.ts(d.receptionDueAt()), row.processingAmount(),
                    row.processingUnit(), row.pausePolicy(),
                    vault.blindIndex(d.applicant().personalId(), vn.motcua.privacy.Vault.PERSONAL_ID)};
            for (int c = 0; c < NAMES.length; c++) {
                params.put(NAMES[c] + r, values[c]);
            }
            List<SubjectKeyStore.Key> subjectKeys = subjects.keys(d.procedureCode(), d.form());
            for (int i = 0; i < subjectKeys.size(); i++) {
                String p = r + "_" + i;
                keys.append(keys.isEmpty() ? "" : " union all ").append("select id, :sk").append(p).append(", :sv")
                        .append(p).append(" from ins where id = ").append(id);
                params.put("sk" + p, subjectKeys.get(i).kind());
                params.put("sv" + p, subjectKeys.get(i).key());
            }
            for (int i = 0; i < row.files().size(); i++) {
                DossierStore.NewAttachment f = row.files().get(i);
                String p = r + "_" + i;
                files.append(files.isEmpty() ? "" : " union all ").append(("select :fi%1$s::uuid, id, :fn%1$s, :ft%1$s,"
                        + " :fs%1$s, :fh%1$s, :fc%1$s, :fb%1$s, :fa%1$s::timestamptz, :fr%1$s::uuid, :fd%1$s from ins where id = ")
                        .formatted(p)).append(id);
                params.put("fi" + p, UUID.randomUUID());
                params.put("fn" + p, f.fileName());
                params.put("ft" + p, f.contentType());
                params.put("fs" + p, f.content().length);
                params.put("fh" + p, DossierStore.sha256(f.content()));
                params.put("fc" + p, vault.seal(f.content(), DossierStore.ATTACHMENT_CONTENT));
                params.put("fb" + p, f.by());
                params.put("fa" + p, DossierStore.ts(f.at()));
                params.put("fr" + p, f.reusedFrom());
                params.put("fd" + p, f.document());
            }
            // a union all yields its parts in order: each dossier's events get audit_no in seq order
            for (int i = 0; i < row.history().size(); i++) {
                DossierStore.NewEvent e = row.history().get(i);
                String p = r + "_" + i;
                events.append(events.isEmpty() ? "" : " union all ").append(("select id, %2$d, :ea%1$s::timestamptz,"
                        + " :et%1$s, :ef%1$s, :eo%1$s, :eu%1$s, :en%1$s, :eg%1$s, :ep%1$s, :er%1$s, :ed%1$s::jsonb"
                        + " from ins where id = ").formatted(p, i + 1)).append(id);
                params.put("ea" + p, DossierStore.ts(e.at()));
                params.put("et" + p, e.type().name());
                params.put("ef" + p, e.from() == null ? null : e.from().name());
                params.put("eo" + p, e.to().name());
                params.put("eu" + p, e.actor().username());
                params.put("en" + p, e.actor().displayName());
                params.put("eg" + p, e.actor().agencyCode());
                params.put("ep" + p, e.actor().postTitle());
                params.put("er" + p, e.reason());
                params.put("ed" + p, json.writeValueAsString(e.data()));
            }
        }
        StringBuilder sql = new StringBuilder("with ins as (").append(dossiers).append(" on conflict do nothing returning id)");
        if (!keys.isEmpty()) {
            sql.append(", k as (insert into dossier_subject_key(dossier_id, kind, key) ").append(keys).append(')');
        }
        if (!files.isEmpty()) {
            sql.append(", f as (insert into dossier_attachment(id, dossier_id, file_name, content_type, size_bytes, sha256,"
                    + " content, uploaded_by, uploaded_at, reused_document_id, document) ").append(files).append(')');
        }
        if (!events.isEmpty()) {
            sql.append(", ev as (insert into dossier_event(dossier_id, seq, at, type, state_from, state_to, actor,"
                    + " actor_name, actor_agency, actor_post, reason, data) ").append(events).append(')');
        }
        sql.append(" select id from ins");
        return new HashSet<>(jdbc.sql(sql.toString()).params(params).query(UUID.class).list());
    }
}
