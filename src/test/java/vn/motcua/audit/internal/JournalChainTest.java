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
}
