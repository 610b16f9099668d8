package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * {@link DossierStore#lockForAction} reads the open step and the pauses in the statement that locks the row, from a
 * snapshot taken before it waits for the lock. When another transaction holding the lock moves the dossier on
 * (a new open step, a pause) and commits, the action must see what it committed, as a separate read would.
 */
@IntegrationTest
class LockForActionTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierStore store;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void seesTheStepAndPauseCommittedWhileItWaitedForTheLock() throws Exception {
        referenceData.ensureAll();
        UUID id = UUID.fromString(DossierFixtures.acceptedThroughApi(new Http(port)));
        var before = store.lockForAction(id).orElseThrow();
        assertThat(before.open()).isNotNull();
        assertThat(before.pausedEver()).isFalse();
        int seq = before.open().seq();

        CompletableFuture<DossierStore.Locked> waiting;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.prepareStatement("""
                    with bump as (update dossier set version = version + 1 where id = ?),
                         done as (update dossier_step set finished_at = now(), finished_by = 'x', outcome = 'DONE'
                                  where dossier_id = ? and finished_at is null)
                    insert into dossier_pause(dossier_id, paused_at) values (?, now())""")) {
                st.setObject(1, id);
                st.setObject(2, id);
                st.setObject(3, id);
                st.executeUpdate();
            }
            try (var st = other.prepareStatement("""
                    insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at)
                    select dossier_id, seq + 1, step_order + 1, 'APPROVAL', 'Lãnh đạo phê duyệt', 'LEADER', agency_code,
                           now() from dossier_step where dossier_id = ? and seq = ?""")) {
                st.setObject(1, id);
                st.setInt(2, seq);
                st.executeUpdate();
            }
            waiting = CompletableFuture.supplyAsync(() -> tx.execute(s -> store.lockForAction(id).orElseThrow()));
            // The action's statement has started (its snapshot is taken) and waits for the row lock (its text is longer
            // than pg_stat_activity keeps: matched by its start).
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> waiting.isDone() || jdbc.sql("""
                            select count(*) from pg_stat_activity
                            where wait_event_type = 'Lock' and query like 'select d.id, d.code, %'""")
                            .query(Long.class).single() > 0);
            assertThat(waiting).as("waits for the lock").isNotDone();
            other.commit();
        }
        var after = waiting.get();
        assertThat(after.dossier().version()).isEqualTo(before.dossier().version() + 1);
        assertThat(after.open().seq()).isEqualTo(seq + 1);
        assertThat(after.open().code()).isEqualTo("APPROVAL");
        assertThat(after.pausedEver()).isTrue();
    }
}
