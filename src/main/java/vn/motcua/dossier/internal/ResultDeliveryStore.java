package vn.motcua.dossier.internal;

import static vn.motcua.dossier.internal.DossierStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The results still to be delivered to their applicant's data store ({@code dossier_result.store_due}, V40_70). */
@Repository
class ResultDeliveryStore {

    /**
     * A marked result as the return's update gives it back ({@code returning}) or the sweep reads it: the file still
     * sealed (encryption at rest), opened on the delivery thread, and its SHA-256 as the decision stored it.
     */
    record Due(UUID dossierId, String outcome, String fileName, String contentType, byte[] sealedContent, String sha256,
               Instant decidedAt, Instant returnedAt, String delivery) {
    }

    static final String DUE_COLUMNS = "dossier_id, outcome, file_name, content_type, content, sha256, decided_at, "
            + "returned_at, delivery";

    private final JdbcClient jdbc;
    private final vn.motcua.privacy.Vault vault;

    ResultDeliveryStore(JdbcClient jdbc, vn.motcua.privacy.Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    static Due due(ResultSet rs, int n) throws SQLException {
        return new Due(rs.getObject("dossier_id", UUID.class), rs.getString("outcome"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getBytes("content"), rs.getString("sha256"),
                rs.getTimestamp("decided_at").toInstant(), rs.getTimestamp("returned_at").toInstant(),
                rs.getString("delivery"));
    }

    /** The file's bytes of a {@link Due} (the vault's decryption). */
    byte[] open(Due due) {
        return vault.open(due.sealedContent(), ProcessingStore.RESULT_CONTENT);
    }

    /**
     * Locks, of these results handed over by returns, those still marked that no other transaction holds (the sweep
     * or the test hook may have taken one, or delivered it already): the ones this delivery stores.
     */
    List<UUID> lockMarked(List<UUID> dossierIds) {
        return jdbc.sql("""
                        select dossier_id from dossier_result where dossier_id = any(?) and store_due is not null
                        for update skip locked
                        """)
                .param(dossierIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** Locks, with what the store needs, up to {@code limit} results due that no other transaction holds (the sweep). */
    List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("select " + DUE_COLUMNS + " from dossier_result where store_due is not null and store_due <= ?"
                        + " order by store_due limit ? for update skip locked")
                .params(ts(now), limit).query(ResultDeliveryStore::due).list();
    }

    /** Locks this dossier's result, waiting for a delivery that holds it; the result when it is still to deliver. */
    Optional<Due> lockPending(UUID dossierId) {
        return jdbc.sql("select " + DUE_COLUMNS + " from dossier_result where dossier_id = ? and store_due is not null"
                        + " for update")
                .param(dossierId).query(ResultDeliveryStore::due).optional();
    }

    void delivered(List<UUID> dossierIds) {
        jdbc.sql("update dossier_result set store_due = null where dossier_id = any(?)")
                .param(dossierIds.toArray(UUID[]::new)).update();
    }

    /** A failed delivery is tried again at {@code next} (by the sweep). */
    void postpone(UUID dossierId, Instant next) {
        jdbc.sql("update dossier_result set store_due = ? where dossier_id = ? and store_due is not null")
                .params(ts(next), dossierId).update();
    }

    /** Results waiting (for the tests and the logs). */
    long pending() {
        return jdbc.sql("select count(*) from dossier_result where store_due is not null").query(Long.class).single();
    }
}
