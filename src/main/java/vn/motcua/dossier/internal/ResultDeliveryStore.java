package vn.motcua.dossier.internal;

import static vn.motcua.dossier.internal.DossierStore.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The results still to be delivered to their applicant's data store ({@code dossier_result.store_due}, V40_70). */
@Repository
class ResultDeliveryStore {

    private final JdbcClient jdbc;

    ResultDeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the next result due for delivery that no other transaction holds (several nodes share the work). */
    Optional<UUID> claimDue(Instant now) {
        return jdbc.sql("""
                        select dossier_id from dossier_result where store_due is not null and store_due <= ?
                        order by store_due limit 1 for update skip locked
                        """)
                .param(ts(now)).query(UUID.class).optional();
    }

    /** Locks this dossier's result, waiting for a delivery that holds it; true when it is still to deliver. */
    boolean lockPending(UUID dossierId) {
        return jdbc.sql("select store_due is not null from dossier_result where dossier_id = ? for update")
                .param(dossierId).query(Boolean.class).optional().orElse(false);
    }

    void delivered(UUID dossierId) {
        jdbc.sql("update dossier_result set store_due = null where dossier_id = ?").param(dossierId).update();
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
