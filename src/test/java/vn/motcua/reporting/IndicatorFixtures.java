package vn.motcua.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reporting.internal.IndicatorCatchUp;

/**
 * Small hand-computed dossier sets: inserted through {@link DossierBulk} (received, accepted with an appointment), then
 * given their outcome in SQL as the processing service would have stored it (result row, pauses, Form 04, state and
 * closed_at). Applicant names start with {@code tag-} so {@link #delete} removes them again (test contexts share a
 * database).
 */
final class IndicatorFixtures {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DossierBulk bulk;
    private final JdbcClient jdbc;
    private final IndicatorCatchUp catchUp;
    private final String tag;
    private int n;

    IndicatorFixtures(DossierBulk bulk, JdbcClient jdbc, IndicatorCatchUp catchUp, String tag) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.catchUp = catchUp;
        this.tag = tag;
    }

    /**
     * The fixtures write the dossier tables directly, with times in the past and no history rows, as a bulk import
     * would: the days already aggregated are re-done for the dossier's agency (the catch-up's redo for corrections).
     */
    private void settle(UUID id) {
        var row = jdbc.sql("select agency_code, (received_at at time zone 'Asia/Ho_Chi_Minh')::date from dossier where id = ?")
                .param(id).query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)}).single();
        catchUp.redo((LocalDate) row[1], LocalDate.of(2100, 1, 1), List.of((String) row[0]));
    }

    /** Local time in Hồ Chí Minh City, "2025-03-02T08:00". */
    static Instant vn(String local) {
        return LocalDateTime.parse(local).atZone(VN).toInstant();
    }

    static Timestamp ts(String local) {
        return Timestamp.from(vn(local));
    }

    /** An accepted dossier (or {@code state} as given) of {@code agency}, received and due at those local times. */
    UUID dossier(String agency, String procedure, DossierState state, String received, String due) {
        UUID id = UUID.randomUUID();
        n++;
        bulk.insert(List.of(new DossierBulk.NewDossier(id,
                state == DossierState.ACCEPTED ? agency + "-" + tag.toUpperCase() + "-" + n : null, procedure,
                "Thủ tục " + procedure, state, tag + "-" + n, "0900000000", null, null, "1 Đường Thử", agency, agency,
                vn(received), due == null ? null : vn(due))));
        settle(id);
        return id;
    }

    void channel(UUID id, String channel) {
        jdbc.sql("update dossier set channel = ? where id = ?").params(channel, id).update();
        settle(id);
    }

    /** The decision recorded (RESULT_READY). */
    void decided(UUID id, String at) {
        jdbc.sql("""
                insert into dossier_result (dossier_id, outcome, summary, file_name, content_type, content, generated,
                                            decided_by, decided_at)
                values (?, 'APPROVED', 'Cấp', 'kq.pdf', 'application/pdf', '\\x25504446'::bytea, true, 'lanhdao', ?)
                """).params(id, ts(at)).update();
        jdbc.sql("update dossier set state = 'RESULT_READY' where id = ?").param(id).update();
        settle(id);
    }

    /** The result returned (RETURNED, closed). */
    void returned(UUID id, String at, String delivery) {
        jdbc.sql("update dossier_result set returned_at = ?, returned_by = 'trakq', delivery = ? where dossier_id = ?")
                .params(ts(at), delivery, id).update();
        jdbc.sql("update dossier set state = 'RETURNED', closed_at = ? where id = ?").params(ts(at), id).update();
        settle(id);
    }

    void rated(UUID id, int rating, String at) {
        jdbc.sql("update dossier_result set rating = ?, rated_at = ? where dossier_id = ?").params(rating, ts(at), id).update();
        settle(id);
    }

    /** A supplement request during processing and the applicant's answer (the stored due date moves with it). */
    void paused(UUID id, String from, String to) {
        jdbc.sql("insert into dossier_pause (dossier_id, paused_at, resumed_at) values (?, ?, ?)")
                .params(id, ts(from), to == null ? null : ts(to)).update();
        settle(id);
    }

    void dueAt(UUID id, String due) {
        jdbc.sql("update dossier set due_at = ? where id = ?").params(ts(due), id).update();
        settle(id);
    }

    /** Form 04: apology and new appointment (the stored due date becomes {@code newDue}). */
    void apology(UUID id, String at, String previousDue, String newDue) {
        jdbc.sql("""
                insert into dossier_extension (id, dossier_id, working_days, reason, previous_due, new_due, created_by, created_at)
                values (?, ?, 2, 'Chờ xác minh', ?, ?, 'lanhdao', ?)
                """).params(UUID.randomUUID(), id, ts(previousDue), ts(newDue), ts(at)).update();
        dueAt(id, newDue);
        settle(id);
    }

    /** An attachment uploaded for the dossier, or (reused) taken from the applicant's data store. */
    void attachment(UUID id, boolean reused) {
        jdbc.sql("""
                insert into dossier_attachment (id, dossier_id, file_name, content_type, size_bytes, sha256, content,
                                                uploaded_by, uploaded_at, reused_document_id)
                select ?, d.id, 'to-khai.pdf', 'application/pdf', 4, 'x', '\\x25504446'::bytea, 'congdan', d.received_at, ?
                from dossier d where d.id = ?
                """).params(UUID.randomUUID(), reused ? UUID.randomUUID() : null, id).update();
        settle(id);
    }

    /**
     * The result issued into the applicant's data store as an electronic document (what the wallet does when an
     * approved online result is returned): a {@code wallet_document} of source RESULT for the dossier.
     */
    void eResult(UUID id) {
        jdbc.sql("""
                insert into wallet_document (id, owner, type, name, source, file_name, content_type, size_bytes, sha256,
                                             content, dossier_id, verification_code, signed, created_at)
                select ?, 'congdan', 'Kết quả', 'Kết quả', 'RESULT', 'kq.pdf', 'application/pdf', 4, md5(d.id::text),
                       '\\x25504446'::bytea, d.id, ?, false, coalesce(r.returned_at, d.received_at)
                from dossier d left join dossier_result r on r.dossier_id = d.id where d.id = ?
                """).params(UUID.randomUUID(), "T-" + UUID.randomUUID(), id).update();
        settle(id);
    }

    /** The decision (recorded earlier) turned into a refusal of the request. */
    void denied(UUID id) {
        jdbc.sql("update dossier_result set outcome = 'DENIED' where dossier_id = ?").param(id).update();
        settle(id);
    }

    void field(UUID id, String field) {
        jdbc.sql("update dossier set procedure_field = ? where id = ?").params(field, id).update();
        settle(id);
    }

    /** Refused at reception (Form 03) at {@code at}, against its reception deadline. */
    void refused(UUID id, String receptionDue, String at) {
        jdbc.sql("update dossier set state = 'REFUSED', reception_due_at = ?, closed_at = ? where id = ?")
                .params(ts(receptionDue), ts(at), id).update();
        settle(id);
    }

    static void delete(JdbcClient jdbc, IndicatorCatchUp catchUp, String tag) {
        String like = tag + "-%";
        List<String> agencies = jdbc.sql("select distinct agency_code from dossier where applicant_name like ? and agency_code is not null")
                .param(like).query(String.class).list();
        LocalDate first = jdbc.sql("select min((received_at at time zone 'Asia/Ho_Chi_Minh')::date) from dossier where applicant_name like ?")
                .param(like).query((rs, i) -> rs.getObject(1, LocalDate.class)).list().get(0);
        jdbc.sql("delete from wallet_document where dossier_id in (select id from dossier where applicant_name like ?)")
                .param(like).update();
        // not the history: it is hash-chained and sealed, a deleted row breaks today's chain for every test verifying it
        for (String table : List.of("dossier_result", "dossier_attachment", "dossier_pause", "dossier_extension", "dossier_step",
                "notification")) {
            jdbc.sql("delete from " + table + " where dossier_id in (select id from dossier where applicant_name like ?)")
                    .param(like).update();
        }
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
        if (first != null && !agencies.isEmpty()) {
            catchUp.redo(first, LocalDate.of(2100, 1, 1), agencies);
        }
    }
}
