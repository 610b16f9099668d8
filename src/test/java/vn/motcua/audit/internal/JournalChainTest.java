package vn.motcua.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.TransferJournalSeal;
import vn.motcua.audit.Verification;
import vn.motcua.support.IntegrationTest;

/**
 * The third chain (one link per batch over its journal rows, docs/reorg.md "Session 12"): an untouched journal verifies
 * clean; a sealed row changed, removed or inserted, or the batch's own row changed, is named; a batch rolled back
 * leaves no link. The journal's rows are written here as the dossier module's batch writes them (no dossier needed:
 * the journal has no foreign key, V41_2).
 */
@IntegrationTest
class JournalChainTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TransferJournalSeal seal;
    @Autowired
    JournalChain chain;

    private List<UUID> batch(UUID plan, int batchNo, int rows, boolean commit) {
        List<UUID> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < rows; i++) {
                UUID d = UUID.randomUUID();
                ids.add(d);
                jdbc.sql("insert into dossier_transfer (plan_id, batch_no, dossier_id, from_agency, to_agency, "
                                + "to_agency_name, rule, effective, new_due_at) values (?, ?, ?, 'UBND-A', 'UBND-B', "
                                + "'UBND phường B', 'FULL_MERGE', now(), case when ? then now() + interval '3 days' end)")
                        .params(plan, batchNo, d, i % 2 == 0).update();
            }
            jdbc.sql("insert into dossier_transfer_batch (plan_id, batch_no, moved, done_at, history_in_journal, "
                    + "history_no, actor, reason) values (?, ?, ?, now(), true, 1, 'quantri', 'Sáp nhập')")
                    .params(plan, batchNo, rows).update();
            assertThat(seal.seal(plan, batchNo)).isEqualTo(rows);
            if (!commit) {
                s.setRollbackOnly();
            }
        });
        return ids;
    }

    private Verification.Broken verify(UUID plan) {
        LocalDate day = jdbc.sql("select day from audit_journal_link where plan_id = ? limit 1").param(plan)
                .query(LocalDate.class).single();
        return chain.verifyDay(day, new long[1]);
    }

    @Test
    void aSealedJournalRowChangedRemovedOrInsertedIsNamed() {
        UUID plan = UUID.randomUUID();
        List<UUID> one = batch(plan, 1, 5, true);
        batch(plan, 2, 4, true);
        assertThat(verify(plan)).isNull();
        assertThat(jdbc.sql("select count(*) from audit_journal_link where plan_id = ?").param(plan)
                .query(Long.class).single()).isEqualTo(2);

        UUID d = one.get(2);
        jdbc.sql("update dossier_transfer set to_agency = 'UBND-X' where plan_id = ? and dossier_id = ?").params(plan, d).update();
        assertThat(verify(plan)).satisfies(b -> {
            assertThat(b.table()).isEqualTo("dossier_transfer");
            assertThat(b.id()).isEqualTo(d.toString());
            assertThat(b.reason()).isEqualTo("CHANGED");
            assertThat(b.number()).isEqualTo(1);
        });
        jdbc.sql("update dossier_transfer set to_agency = 'UBND-B' where plan_id = ? and dossier_id = ?").params(plan, d).update();
        assertThat(verify(plan)).isNull();

        UUID last = one.get(4);
        String row = "plan_id, batch_no, dossier_id, from_agency, to_agency, to_agency_name, rule, effective, new_due_at";
        jdbc.sql("create temporary table kept as select " + row + " from dossier_transfer where plan_id = ? and dossier_id = ?")
                .params(plan, last).update();
        jdbc.sql("delete from dossier_transfer where plan_id = ? and dossier_id = ?").params(plan, last).update();
        assertThat(verify(plan)).satisfies(b -> {
            assertThat(b.id()).isEqualTo(last.toString());
            assertThat(b.reason()).isEqualTo("MISSING");
        });
        jdbc.sql("insert into dossier_transfer (" + row + ") select * from kept").update();
        jdbc.sql("drop table kept").update();
        assertThat(verify(plan)).isNull();

        UUID forged = UUID.randomUUID();
        jdbc.sql("insert into dossier_transfer (plan_id, batch_no, dossier_id, from_agency, to_agency, to_agency_name, rule, "
                + "effective) values (?, 2, ?, 'UBND-A', 'UBND-C', 'C', 'FULL_MERGE', now())").params(plan, forged).update();
        assertThat(verify(plan)).satisfies(b -> {
            assertThat(b.id()).isEqualTo(forged.toString());
            assertThat(b.reason()).isEqualTo("INSERTED");
            assertThat(b.number()).isEqualTo(2);
        });
        jdbc.sql("delete from dossier_transfer where plan_id = ? and dossier_id = ?").params(plan, forged).update();

        // The batch's own row (who, why, when, whether its journal is the history) is covered too.
        jdbc.sql("update dossier_transfer_batch set reason = 'khác' where plan_id = ? and batch_no = 2").param(plan).update();
        assertThat(verify(plan)).satisfies(b -> {
            assertThat(b.id()).isEqualTo(plan + "/2");
            assertThat(b.reason()).isEqualTo("CHANGED");
        });
        jdbc.sql("update dossier_transfer_batch set reason = 'Sáp nhập' where plan_id = ? and batch_no = 2").param(plan).update();
        assertThat(verify(plan)).isNull();

        // The links themselves are append-only.
        assertThatThrownBy(() -> jdbc.sql("delete from audit_journal_link where plan_id = ?").param(plan).update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aBatchRolledBackLeavesNoLinkAndABatchWithoutItsLinkIsAGap() {
        UUID plan = UUID.randomUUID();
        batch(plan, 1, 3, true);
        batch(plan, 2, 3, false);
        assertThat(jdbc.sql("select batch_no from audit_journal_link where plan_id = ?").param(plan)
                .query(Integer.class).list()).containsExactly(1);
        assertThat(verify(plan)).isNull();
        jdbc.sql("insert into dossier_transfer_batch (plan_id, batch_no, moved, done_at, history_in_journal) "
                + "values (?, 3, 0, now(), true)").param(plan).update();
        assertThat(verify(plan)).satisfies(b -> {
            assertThat(b.id()).isEqualTo(plan + "/3");
            assertThat(b.reason()).isEqualTo("GAP");
        });
        jdbc.sql("delete from dossier_transfer_batch where plan_id = ? and batch_no = 3").param(plan).update();
        assertThat(verify(plan)).isNull();
    }

    /**
     * Two workers' batches seal side by side (session 13: each digests its rows before the chain's lock): the second
     * waits for the lock the first holds until it commits, then takes the next position; the day verifies clean.
     */
    @Test
    void twoBatchesSealedSideBySideQueueForThePositionAndVerify() throws Exception {
        UUID plan = UUID.randomUUID();
        java.util.concurrent.CountDownLatch aSealed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch aCommits = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> tx.executeWithoutResult(s -> {
                rows(plan, 1, 5);
                seal.seal(plan, 1);
                aSealed.countDown();
                try {
                    aCommits.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(aSealed.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var b = pool.submit(() -> tx.executeWithoutResult(s -> {
                rows(plan, 2, 4);
                seal.seal(plan, 2);
            }));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory' "
                            + "and query like '%audit:dossier_transfer%'").query(Long.class).single() == 1);
            assertThat(b.isDone()).isFalse();
            aCommits.countDown();
            a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            b.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            aCommits.countDown();
            pool.shutdownNow();
        }
        List<Integer> pos = jdbc.sql("select pos from audit_journal_link where plan_id = ? order by batch_no").param(plan)
                .query(Integer.class).list();
        assertThat(pos).hasSize(2);
        assertThat(pos.get(1)).isGreaterThan(pos.get(0));
        assertThat(verify(plan)).isNull();
    }

    /** A batch's journal rows and its batch row, as {@link #batch} writes them, in the caller's transaction. */
    private void rows(UUID plan, int batchNo, int rows) {
        for (int i = 0; i < rows; i++) {
            jdbc.sql("insert into dossier_transfer (plan_id, batch_no, dossier_id, from_agency, to_agency, "
                    + "to_agency_name, rule, effective) values (?, ?, ?, 'UBND-A', 'UBND-B', 'UBND phường B', "
                    + "'FULL_MERGE', now())").params(plan, batchNo, UUID.randomUUID()).update();
        }
        jdbc.sql("insert into dossier_transfer_batch (plan_id, batch_no, moved, done_at, history_in_journal, "
                + "history_no, actor, reason) values (?, ?, ?, now(), true, 1, 'quantri', 'Sáp nhập')")
                .params(plan, batchNo, rows).update();
    }
}
