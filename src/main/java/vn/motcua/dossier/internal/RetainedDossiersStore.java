package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedColumns;
import vn.motcua.privacy.RetainedDossiers;
import vn.motcua.privacy.RetainedNotices;
import vn.motcua.privacy.Vault;

/**
 * The dossiers' side of retention (privacy's port {@link RetainedDossiers}): which closed dossiers are past their
 * period, and their anonymisation in this module's tables. Which columns are cleared and which are kept, and why, is
 * {@link #COLUMNS}, checked against the register by {@code RetentionTest}.
 */
@Component
class RetainedDossiersStore implements RetainedDossiers {

    /** Personal columns of the citizen's dossier data that retention clears, and those it keeps, and why. */
    static final RetainedColumns COLUMNS = new RetainedColumns(List.of(
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
            "dossier_event.reason", "dossier_event.data"), Map.ofEntries(
            Map.entry("dossier.address_unit_code", "the ward of the applicant: the indicators per unit (Decision 766) count by it; it names no one"),
            Map.entry("dossier_event.actor", "kept for officers (accountability); the citizen's own events are anonymised through the audit module (HistoryAnonymisation, a recorded re-seal)"),
            Map.entry("dossier_event.actor_name", "as dossier_event.actor"),
            Map.entry("access_log.who", "the access log is append-only and hash-chained: who viewed is the officer's accountability"),
            Map.entry("access_log.who_name", "as access_log.who"),
            Map.entry("dossier_request.created_by", "an officer's account: accountability"),
            Map.entry("dossier_result.decided_by", "an officer's account: accountability"),
            Map.entry("dossier_result.returned_by", "an officer's account: accountability")));

    private final JdbcClient jdbc;
    /** The emptied form is written encrypted, as every form is. */
    private final Vault vault;

    RetainedDossiersStore(JdbcClient jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public List<Due> due(LocalDate asOf, Periods periods, int limit) {
        return due(asOf, periods, limit, null);
    }

    @Override
    public boolean stillDue(UUID dossierId, LocalDate asOf, Periods periods) {
        return !due(asOf, periods, 1, dossierId).isEmpty();
    }

    private List<Due> due(LocalDate asOf, Periods periods, int limit, UUID only) {
        List<String> codes = new ArrayList<>(periods.byProcedure().keySet());
        List<Integer> years = codes.stream().map(periods.byProcedure()::get).toList();
        // A procedure with its own rule takes its years (null: permanent); the others take the default.
        return jdbc.sql("""
                        select id, code, procedure_code, closed_at, until, attachments from (
                            select d.id, d.code, d.procedure_code, d.closed_at,
                                   ((d.closed_at at time zone 'Asia/Ho_Chi_Minh')::date
                                       + make_interval(years => case when r.code is null then cast(:def as int) else r.years end))::date as until,
                                   (select count(*) from dossier_attachment a where a.dossier_id = d.id)::int as attachments
                            from dossier d
                            left join unnest(cast(:codes as text[]), cast(:years as int[])) as r(code, years)
                                   on r.code = d.procedure_code
                            where d.state in ('REFUSED', 'RETURNED', 'STOPPED') and d.closed_at is not null
                              and d.submitted_by <> :none and (cast(:only as uuid) is null or d.id = :only)
                        ) x
                        where until is not null and until <= :asOf
                        order by closed_at, id
                        limit :limit""")
                .param("def", periods.defaultYears(), java.sql.Types.INTEGER)
                .param("codes", codes.toArray(String[]::new)).param("years", years.toArray(Integer[]::new))
                .param("none", RetainedNotices.NO_ACCOUNT).param("asOf", asOf).param("limit", limit)
                .param("only", only, java.sql.Types.OTHER)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class), rs.getInt(6)))
                .list();
    }

    @Override
    public List<Held> heldBy(String account) {
        return jdbc.sql("""
                        select id, code, procedure_code, state, closed_at from dossier
                        where submitted_by = ? and state <> 'DRAFT'
                        order by received_at""")
                .param(account)
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    public String applicantAccount(UUID dossierId) {
        return jdbc.sql("select submitted_by from dossier where id = ?").param(dossierId).query(String.class)
                .optional().orElse(null);
    }

    @Override
    public Anonymised anonymise(UUID dossierId) {
        jdbc.sql("""
                        update dossier set applicant_name = :anonymous, applicant_personal_id = null, applicant_personal_id_bidx = null, applicant_phone = null,
                               applicant_email = null, address_line = null, form_data = :form,
                               submitted_by = :none, idempotency_key = null
                        where id = :id""")
                .param("anonymous", RetainedNotices.ANONYMOUS).param("none", RetainedNotices.NO_ACCOUNT)
                .param("id", dossierId).param("form", vault.sealText("{}", DossierStore.FORM_DATA))
                .update();
        // the blind indexes of the form's subject (V40_30) go with the form
        jdbc.sql("delete from dossier_subject_key where dossier_id = ?").param(dossierId).update();
        List<String> hashes = jdbc.sql("select sha256 from dossier_attachment where dossier_id = ?").param(dossierId)
                .query(String.class).list();
        int files = jdbc.sql("delete from dossier_attachment where dossier_id = ?").param(dossierId).update();
        files += jdbc.sql("""
                        update dossier_result set summary = :anonymous, file_name = '-', content = ''::bytea,
                               rating_comment = null
                        where dossier_id = :id""")
                .param("anonymous", RetainedNotices.ANONYMOUS).param("id", dossierId).update();
        jdbc.sql("update dossier_request set items = '[]'::jsonb, note = null where dossier_id = ?").param(dossierId)
                .update();
        return new Anonymised(files, hashes);
    }

    @Override
    public RetainedColumns columns() {
        return COLUMNS;
    }
}
