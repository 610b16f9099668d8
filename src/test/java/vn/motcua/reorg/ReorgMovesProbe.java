package vn.motcua.reorg;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one move writes, and what each B-tree of {@code dossier} adds to it (issue #24, session 14): batch 1's moves
 * ({@link ReorgEventsProbe#UPDATE}, back to where they came from) under {@code EXPLAIN (ANALYZE, BUFFERS, WAL)}, with
 * the schema as it is and with an index made partial or taken away, each variant in a transaction rolled back (the DDL
 * too), twice, alternating; then the step update of {@code moveBatch} on its own. First the share of the plan's
 * in-flight dossiers whose often-null unique columns are null. Buffers and WAL do not depend on how busy the machine is.
 */
final class ReorgMovesProbe {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReorgMovesProbe(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record Variant(String name, String ddl) {
    }

    void run(UUID plan) {
        jdbc.sql("""
                select 'BENCH moves probe: in-flight dossiers moved by the plan ' || count(*)
                       || ', code null ' || count(*) filter (where d.code is null)
                       || ', receipt_number null ' || count(*) filter (where d.receipt_number is null)
                       || ', idempotency_key null ' || count(*) filter (where d.idempotency_key is null)
                       || ', in triage ' || count(*) filter (where d.agency_code is null)
                       || ', online ' || count(*) filter (where d.channel = 'ONLINE')
                       || ', with an open step ' || count(*) filter (where exists (select 1 from dossier_step s
                                                                     where s.dossier_id = d.id and s.finished_at is null))
                  from dossier_transfer t join dossier d on d.id = t.dossier_id where t.plan_id = ?
                """).param(plan).query(String.class).list().forEach(System.out::println);
        jdbc.sql("select 'BENCH moves probe: ' || indexrelid::regclass || ' ' || pg_size_pretty(pg_relation_size(indexrelid)) "
                        + "|| ': ' || pg_get_indexdef(indexrelid) from pg_index where indrelid = 'dossier'::regclass order by 1")
                .query(String.class).list().forEach(System.out::println);
        // Both ways from either schema (before V50_20/21: the full constraint; after: the partial index).
        String noCode = "alter table dossier drop constraint if exists dossier_code_key; drop index if exists dossier_code; ";
        String codeFull = noCode + "alter table dossier add constraint dossier_code_key unique (code)";
        String codePartial = noCode + "create unique index dossier_code on dossier (code) where code is not null";
        String keyPartial = "alter table dossier drop constraint dossier_submitted_by_idempotency_key_key; create unique index "
                + "probe_key on dossier (submitted_by, idempotency_key) where idempotency_key is not null";
        List<Variant> variants = List.of(new Variant("as is", ""),
                new Variant("code unique, full", codeFull),
                new Variant("code unique, partial", codePartial),
                new Variant("code partial, (submitted_by, idempotency_key) partial", codePartial + "; " + keyPartial),
                new Variant("code partial, no receipt_number index (what one entry costs)",
                        codePartial + "; drop index dossier_receipt_number"),
                new Variant("code partial, no dossier_triage index", codePartial + "; drop index dossier_triage"));
        long moves = jdbc.sql("select count(*) from dossier_transfer where plan_id = ? and batch_no = 1").param(plan)
                .query(Long.class).single();
        for (int round = 0; round < 2; round++) {
            for (Variant v : variants) {
                tx.executeWithoutResult(s -> {
                    if (!v.ddl().isEmpty()) {
                        jdbc.sql(v.ddl()).update();
                    }
                    probe(ReorgEventsProbe.UPDATE.formatted(plan), "moves [" + v.name() + "]", moves);
                    s.setRollbackOnly();
                });
            }
        }
        // The step update of moveBatch, as it runs after the batch's moves (here: for batch 1, whose dossiers are moved).
        tx.executeWithoutResult(s -> {
            probe("""
                    update dossier_step s set agency_code = d.agency_code, assignee = null, assignee_name = null,
                           assigned_at = null, field_key = null
                      from dossier_transfer t join dossier d on d.id = t.dossier_id
                     where t.plan_id = '%s' and t.batch_no = 1 and s.dossier_id = t.dossier_id and s.finished_at is null
                       and d.agency_code is not null
                    """.formatted(plan), "the step update", moves);
            s.setRollbackOnly();
        });
    }

    private void probe(String statement, String name, long moves) {
        long pid = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        String lsn0 = jdbc.sql("select pg_current_wal_insert_lsn()::text").query(String.class).single();
        long cpu0 = ReorgEventsProbe.ticks(pid);
        List<String> plan = jdbc.sql("explain (analyze, buffers, wal, timing off, costs off, summary off) " + statement)
                .query(String.class).list();
        long cpu1 = ReorgEventsProbe.ticks(pid);
        long wal = jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint").param(lsn0)
                .query(Long.class).single();
        long hit = 0;
        String walLine = "";
        for (String l : plan) {
            if (l.contains("Buffers") && hit == 0) {
                var m = java.util.regex.Pattern.compile("hit=(\\d+)").matcher(l);
                hit = m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            if (l.contains("WAL:") && walLine.isEmpty()) {
                walLine = l.strip();
            }
        }
        System.out.printf("BENCH moves probe %s: %,d moves, backend CPU %,d ms, WAL %,d bytes = %,.0f a move, "
                        + "buffers hit %,d = %.1f a move; %s; %s%n", name, moves, (cpu1 - cpu0) * 10, wal,
                wal / (double) moves, hit, hit / (double) moves, walLine, plan.get(0).strip());
        if (name.startsWith("the step")) {
            plan.forEach(l -> System.out.println("BENCH moves probe   " + l));
        }
    }
}
