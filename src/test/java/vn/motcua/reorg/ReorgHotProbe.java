package vn.motcua.reorg;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a move would cost with {@code agency_code} in no B-tree of {@code dossier} (issue #24's "moves as HOT
 * updates"), measured before building it: one batch's dossiers copied, in their physical order, into a scratch table
 * with the indexes of {@code dossier} (all of them, or all but those holding {@code agency_code}), at a given
 * fillfactor, optionally with a narrow side table {@code (dossier_id, agency_code, state, reception_due_at)} holding the
 * inbox's index that the same statement keeps up to date; then the batch's update (moving them back to where they
 * came from, as {@code CustodyLedgerStore.moveBatch} sets its columns) and the WAL it wrote and how many of the updates
 * were heap-only. Everything in a transaction rolled back. The events a move writes are the same in every variant and
 * left out.
 */
final class ReorgHotProbe {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReorgHotProbe(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record Variant(String name, boolean agencyIndexes, int fillfactor, boolean sideTable) {
    }

    void run(UUID plan) {
        for (Variant v : List.of(
                new Variant("as today: every index of dossier", true, 100, false),
                new Variant("no B-tree holds agency_code", false, 100, false),
                new Variant("no B-tree holds agency_code, fillfactor 80", false, 80, false),
                new Variant("no B-tree holds agency_code, fillfactor 50", false, 50, false),
                new Variant("no B-tree holds agency_code + side table", false, 100, true),
                new Variant("no B-tree holds agency_code + side table, fillfactor 50", false, 50, true))) {
            tx.executeWithoutResult(s -> {
                probe(plan, v);
                s.setRollbackOnly();
            });
        }
    }

    private void probe(UUID plan, Variant v) {
        jdbc.sql("create table probe_dossier (like dossier including defaults) with (fillfactor = " + v.fillfactor()
                + ", autovacuum_enabled = off)").update();
        jdbc.sql("insert into probe_dossier select d.* from dossier d join dossier_transfer t on t.dossier_id = d.id "
                + "where t.plan_id = ? and t.batch_no = 1 order by d.ctid").param(plan).update();
        List<String> defs = jdbc.sql("select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'dossier'::regclass")
                .query(String.class).list();
        int i = 0;
        for (String def : defs) {
            if (!v.agencyIndexes() && def.contains("agency_code")) {
                continue;
            }
            jdbc.sql(def.replaceFirst("INDEX \\S+ ON \\S+ ", "INDEX probe_dossier_" + i++ + " ON probe_dossier ")).update();
        }
        if (v.sideTable()) {
            jdbc.sql("create table probe_queue (dossier_id uuid primary key, agency_code text, state text not null, "
                    + "reception_due_at timestamptz) with (autovacuum_enabled = off)").update();
            jdbc.sql("insert into probe_queue select id, agency_code, state, reception_due_at from probe_dossier order by ctid")
                    .update();
            jdbc.sql("create index probe_queue_agency_state_due on probe_queue (agency_code, state, reception_due_at)").update();
            jdbc.sql("create index probe_queue_triage on probe_queue (state) where agency_code is null").update();
        }
        jdbc.sql("analyze probe_dossier").update();
        String lsn0 = jdbc.sql("select pg_current_wal_insert_lsn()::text").query(String.class).single();
        String update = """
                update probe_dossier d
                   set agency_code  = case when d.agency_code is null then null else t.from_agency end,
                       agency_name  = case when d.agency_code is null then d.agency_name else t.from_agency end,
                       triage_owner = case when d.agency_code is null then t.from_agency else d.triage_owner end,
                       agency_since = now(), due_at = d.due_at + interval '1 day', version = d.version + 1
                  from dossier_transfer t
                 where t.plan_id = ? and t.batch_no = 1 and d.id = t.dossier_id
                """;
        int n;
        if (v.sideTable()) {
            n = jdbc.sql("with moved as (" + update + " returning d.id, d.agency_code) "
                            + "update probe_queue q set agency_code = m.agency_code from moved m "
                            + "where q.dossier_id = m.id and q.agency_code is distinct from m.agency_code")
                    .param(plan).update();
        } else {
            n = jdbc.sql(update).param(plan).update();
        }
        var f = jdbc.sql("""
                select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint as wal,
                       pg_stat_get_xact_tuples_updated('probe_dossier'::regclass) as upd,
                       pg_stat_get_xact_tuples_hot_updated('probe_dossier'::regclass) as hot,
                       pg_relation_size('probe_dossier') as heap
                """).param(lsn0).query((rs, k) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        long moved = jdbc.sql("select count(*) from dossier_transfer where plan_id = ? and batch_no = 1").param(plan)
                .query(Long.class).single();
        System.out.printf("BENCH hot probe [%s]: %,d dossiers, %,d updated (%,d HOT, %.1f %%), side-table rows %s, "
                        + "WAL %,d bytes = %,.0f bytes a dossier, heap after %,d kB%n", v.name(), moved, f[1], f[2],
                100.0 * f[2] / Math.max(1, f[1]), v.sideTable() ? String.format("%,d", n) : "-", f[0],
                f[0] / (double) Math.max(1, moved), f[3] / 1024);
    }
}
