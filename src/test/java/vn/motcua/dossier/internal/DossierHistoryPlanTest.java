package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.support.IntegrationTest;

/**
 * A dossier's history finds its transfers in the journal by the done batches' keys (docs/reorg.md, "Session 13": the
 * journal has no index on {@code dossier_id}, which every batch's COPY had to maintain). With sequential scans priced
 * out, the plans of the timeline and of the "last change" read must probe the journal's primary key: were there no
 * such path, PostgreSQL would still scan the journal (a million rows during an execution) and this test would say so.
 */
@IntegrationTest
class DossierHistoryPlanTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theTimelineAndTheLastChangeProbeTheJournalByItsKey() {
        UUID dossier = UUID.randomUUID();
        for (String query : List.of(
                "select ord, seq, at, type from dossier_history where dossier_id = ? order by ord, seq",
                "select coalesce(actor_name, actor), at from dossier_history where dossier_id = ? order by ord desc limit 1")) {
            List<String> plan = tx.execute(s -> {
                jdbc.sql("set local enable_seqscan = off").update();
                return jdbc.sql("explain (costs off) " + query).param(dossier).query(String.class).list();
            });
            String text = String.join("\n", plan);
            assertThat(text).as(text).contains("dossier_transfer_pkey")
                    .doesNotContainPattern("Seq Scan on dossier_transfer( |$)");
            assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'dossier_transfer' "
                    + "and indexdef like '%(dossier_id)'").query(Long.class).single()).isZero();
        }
    }
}
