package vn.motcua.reorg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.internal.ChainSealer;

/**
 * What the transfer events and their seals cost a batch (issue #24, session 11): batch 1's statement as
 * {@code CustodyLedgerStore.moveBatch} writes it (moving the dossiers back to where they came from), with and without
 * its {@code TRANSFERRED} events, and then the audit chain's sealing of those events on the same connection; the
 * backend's CPU (from {@code /proc}), the WAL (LSN difference) and the statement's buffers, each variant in a
 * transaction rolled back; and the moves followed by one link over the batch's journal rows instead (the journal as
 * the history of a transfer, docs/reorg.md "Session 11"). Run after the plan, when the sealer has caught up.
 */
final class ReorgEventsProbe {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ChainSealer sealer;

    ReorgEventsProbe(JdbcClient jdbc, TransactionTemplate tx, ChainSealer sealer) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sealer = sealer;
    }

    /** Batch 1's moves as {@code moveBatch} sets them, back to where they came from (also {@link ReorgMovesProbe}). */
    static final String UPDATE = """
            update dossier d
               set agency_code   = case when d.agency_code is null then null else t.from_agency end,
                   agency_name   = case when d.agency_code is null then d.agency_name else t.from_agency end,
                   triage_owner  = case when d.agency_code is null then t.from_agency else d.triage_owner end,
                   agency_since  = now(),
                   due_at        = coalesce(t.new_due_at, d.due_at),
                   version       = d.version + 1
              from dossier_transfer t
             where t.plan_id = '%s' and t.batch_no = 1 and d.id = t.dossier_id
            """;

    private static final String EVENTS = """
            with moved as (%s
                returning d.id, d.state, t.from_agency, t.to_agency, t.rule, t.effective, d.due_at, t.received_after_effective
            )
            insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_name,
                                       actor_agency, reason, data)
            select m.id, (select coalesce(max(e.seq), 0) + 1 from dossier_event e where e.dossier_id = m.id),
                   now(), 'TRANSFERRED', m.state, m.state, 'probe', null, m.from_agency, 'probe',
                   jsonb_build_object('plan', '%s'::text, 'from', m.to_agency, 'to', m.from_agency, 'rule', m.rule,
                                      'effective', m.effective, 'dueAt', m.due_at)
                   || case when m.received_after_effective then '{"receivedAfterEffective": true}'::jsonb
                           else '{}'::jsonb end
              from moved m
            """;

    /**
     * @param journalSeal after the moves, what option (a) of session 11 would write instead of events and their links:
     *                    one link for the batch over the digests of its journal rows in key order, the digests kept
     *                    (32 bytes a row) so that a verifier could name a changed row
     */
    record Variant(String name, boolean events, boolean seal, boolean journalSeal) {
    }

    /** The digest of a journal row as the sealer digests a chained row (see audit's {@code Chain}). */
    private static final String JOURNAL_LINK = """
            insert into probe_journal_link (plan_id, batch_no, rows, digests, hash)
            select '%s', 1, count(*), string_agg(x.d, ''::bytea order by x.dossier_id),
                   sha256(string_agg(x.d, ''::bytea order by x.dossier_id))
              from (select t.dossier_id, sha256(convert_to(concat_ws(',', quote_nullable(t.plan_id::text),
                           quote_nullable(t.batch_no::text), quote_nullable(t.dossier_id::text), quote_nullable(t.from_agency),
                           quote_nullable(t.to_agency), quote_nullable(t.to_agency_name), quote_nullable(t.rule),
                           quote_nullable(((extract(epoch from t.effective) * 1000000)::bigint)::text),
                           quote_nullable(((extract(epoch from t.new_due_at) * 1000000)::bigint)::text),
                           quote_nullable(t.received_after_effective::text)), 'UTF8')) as d
                      from dossier_transfer t where t.plan_id = '%s' and t.batch_no = 1) x
            """;

    void run(UUID plan) {
        jdbc.sql("select 'BENCH events probe: ' || version() || '; wal_compression ' || setting || ' of ' || enumvals::text "
                + "from pg_settings where name = 'wal_compression'").query(String.class).list().forEach(System.out::println);
        sealer.sealAll(); // what the plan and its notices wrote is linked: the probe seals only its own rows
        long moves = jdbc.sql("select count(*) from dossier_transfer where plan_id = ? and batch_no = 1").param(plan)
                .query(Long.class).single();
        jdbc.sql("select 'BENCH events probe: wal_level ' || current_setting('wal_level')").query(String.class).list()
                .forEach(System.out::println);
        List<Variant> variants = List.of(new Variant("moves + events (as today)", true, false, false),
                new Variant("moves only", false, false, false),
                new Variant("moves + events, then sealed", true, true, false),
                new Variant("moves only, then the batch's journal sealed", false, false, true));
        for (int round = 0; round < 2; round++) { // twice, alternating: the second round has warm caches for all
            for (Variant v : variants) {
                tx.executeWithoutResult(s -> {
                    probe(plan, v, moves);
                    s.setRollbackOnly();
                });
            }
        }
    }

    private void probe(UUID plan, Variant v, long moves) {
        long pid = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        String update = UPDATE.formatted(plan);
        String sql = v.events() ? EVENTS.formatted(update, plan) : update;
        String lsn0 = lsn();
        long cpu0 = ticks(pid);
        List<String> plan0 = jdbc.sql("explain (analyze, buffers, wal, timing off, costs off, summary off) " + sql)
                .query(String.class).list();
        long cpu1 = ticks(pid);
        long wal1 = walSince(lsn0);
        String buffers = plan0.stream().filter(l -> l.contains("Buffers")).findFirst().orElse("").strip();
        System.out.printf("BENCH events probe [%s]: %,d moves, statement: CPU %,d ms, WAL %,d bytes = %,.0f a move, %s%n",
                v.name(), moves, (cpu1 - cpu0) * 10, wal1, wal1 / (double) moves, buffers);
        if (v.seal()) {
            String lsn1 = lsn();
            long linked = sealer.sealAll();
            long cpu2 = ticks(pid);
            long wal2 = walSince(lsn1);
            System.out.printf("BENCH events probe [%s]: sealing %,d events: CPU %,d ms, WAL %,d bytes = %,.0f an event%n",
                    v.name(), linked, (cpu2 - cpu1) * 10, wal2, wal2 / (double) Math.max(1, linked));
        }
        if (v.journalSeal()) {
            // A plain table (WAL-logged at wal_level replica), rolled back with the rest.
            jdbc.sql("create table probe_journal_link (plan_id uuid, batch_no int, rows int, digests bytea, hash bytea)")
                    .update();
            String lsn1 = lsn();
            long c1 = ticks(pid);
            jdbc.sql(JOURNAL_LINK.formatted(plan, plan)).update();
            long c2 = ticks(pid);
            long wal2 = walSince(lsn1);
            System.out.printf("BENCH events probe [%s]: one link over %,d journal rows: CPU %,d ms, WAL %,d bytes = %,.0f a move%n",
                    v.name(), moves, (c2 - c1) * 10, wal2, wal2 / (double) moves);
        }
    }

    private String lsn() {
        return jdbc.sql("select pg_current_wal_insert_lsn()::text").query(String.class).single();
    }

    private long walSince(String lsn) {
        return jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint").param(lsn)
                .query(Long.class).single();
    }

    /** The backend's own user + system CPU, in ticks of 10 ms. */
    static long ticks(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
