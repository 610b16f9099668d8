package vn.motcua.reorg;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.reorg.internal.PlanDefinition;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.reorg.internal.Reports;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.Territory;

/**
 * The real HCMC 2025 plan with 1,000,000 in-flight dossiers: validation, dry run, execution, and the floor — one
 * bare {@code UPDATE … FROM} of the same rows. Run: {@code ./mvnw -Pbench test -Dtest=ReorgBench}
 * (optionally {@code -Dreorg.bench.dossiers=200000}; {@code -Dreorg.bench.emailShare=0.3} gives an e-mail address to
 * 30 % of the applicants instead of all, {@code -Dreorg.bench.notify=false} runs a plan that notifies nobody,
 * {@code -Dreorg.bench.indexProbe=true} measures one batch with B-tree indexes added,
 * {@code -Dreorg.bench.movesProbe=true} one batch's moves with the often-null unique indexes partial or an index away,
 * {@code -Dreorg.bench.eventsProbe=true} one batch with and without its events and their seals; with
 * {@code -Dbench.jvmArgs=-Dmotcua.test.pg-stat-statements=true} it prints the statements' buffers and WAL).
 */
@IntegrationTest
class ReorgBench {

    @Autowired
    ReferenceData referenceData;
    @Autowired
    Territory territory;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReorgEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    vn.motcua.dossier.internal.LateWatch lateWatch;
    @Autowired
    vn.motcua.audit.internal.ChainSealer sealer;

    @Test
    void realHcmcPlanWithAMillionInFlightDossiers() {
        int n = Integer.getInteger("reorg.bench.dossiers", 1_000_000);
        // The share of applicants with an e-mail address, and whether the plan notifies them (one outbox row each).
        // By default every applicant has one and is notified: the worst case of a real plan.
        double emailShare = Double.parseDouble(System.getProperty("reorg.bench.emailShare", "1"));
        boolean notify = Boolean.parseBoolean(System.getProperty("reorg.bench.notify", "true"));
        referenceData.ensureAll();
        ReorgFixtures.OldWorld world = ReorgFixtures.oldWorld(territory);
        String tag = "bench" + UUID.randomUUID().toString().substring(0, 4);
        long t0 = System.nanoTime();
        int chunk = 100_000;
        for (int i = 0; i < n; i += chunk) {
            List<DossierBulk.NewDossier> part = ReorgFixtures.dossiers(world, tag, Math.min(chunk, n - i)).stream()
                    .map(d -> d).toList();
            // Distinct applicant names and codes per chunk.
            int offset = i;
            List<DossierBulk.NewDossier> renamed = new ArrayList<>(part.size());
            for (DossierBulk.NewDossier d : part) {
                int k = Integer.parseInt(d.applicantName().substring(d.applicantName().lastIndexOf('-') + 1)) + offset;
                renamed.add(new DossierBulk.NewDossier(d.id(), d.code() == null ? null : d.code() + "-" + offset, d.procedureCode(),
                        d.procedureName(), d.state(), tag + "-" + k, d.applicantPhone(),
                        (k % 1000) < emailShare * 1000 ? tag + "-" + k + "@example.vn" : null, d.addressUnitCode(),
                        d.addressLine(), d.agencyCode(), d.agencyName(), d.receivedAt(), d.dueAt()));
            }
            bulk.insert(renamed);
        }
        long inserted = ms(t0);
        // The late watch runs every minute in a live system, so its flags are settled before a plan executes; here
        // the fixture is new, and its first run (hundreds of thousands of late dossiers) would land in a timing.
        lateWatch.watch(java.time.Instant.now());
        // A live database has long vacuumed last month's rows; the fixture's million fresh dossiers and events would
        // otherwise be vacuumed by autovacuum in the middle of the timings below.
        jdbc.sql("vacuum analyze dossier").update();
        jdbc.sql("vacuum analyze dossier_event").update();

        UUID imported = engine.importMerges(null, "79", "2025-07-01", "bench").id();
        PlanDefinition d = engine.definition(imported);
        List<PlanDefinition.RoutingRuleSpec> rules = new ArrayList<>();
        world.splitSuccessors().forEach((unit, succ) -> succ.forEach(s ->
                rules.add(new PlanDefinition.RoutingRuleSpec(unit, s, List.of(ReorgFixtures.street(unit, s))))));
        UUID id = engine.create(new PlanDefinition(d.name(), d.effective(), d.legalBasis(), d.open(), d.operations(), rules,
                d.explicit(), d.postMappings(), d.deadlinePolicy(), null, 50_000, null, notify), "bench").id();

        long t1 = System.nanoTime();
        Reports.Validation v = engine.validate(id);
        long validate = ms(t1);
        long t2 = System.nanoTime();
        Reports.DryRun dry = engine.dryRun(id);
        long dryRun = ms(t2);
        var top = new vn.motcua.support.TopStatements(jdbc);
        top.reset();
        var cpu = new vn.motcua.support.CpuMeter(jdbc);
        var work = new vn.motcua.support.DatabaseWork(jdbc);
        work.start();
        long[] upd0 = updates();
        var c0 = cpu.sample();
        var phases = new Phases(cpu);
        long t3 = System.nanoTime();
        Reports.Execution ex = engine.execute(id, "bench", phases);
        long execute = ms(t3);
        var used = cpu.sample().minus(c0);
        phases.end();
        top.print("execution", 12);
        // Load-independent figures (statements, rows, buffers, WAL): the wall clock on a shared machine says how busy
        // it was. The notices start as the plan commits, so the last seconds of the execution may hold a few of theirs.
        work.print("execution", 15);
        work.start();
        // The applicants are told after the plan's commit (PlanExecuted, on the task executor): the wait for it timed
        // on its own (it started as execute returned).
        long t5 = System.nanoTime();
        // A minute was enough on a quiet machine (42 s at a million, session 8) but not on a busy one: the run must finish
        // unattended.
        vn.motcua.support.PlanEvents.awaitCompleted(jdbc, id, java.time.Duration.ofMinutes(20));
        long announce = ms(t5);
        var usedAll = cpu.sample().minus(c0);
        // Read after the notices: every batch's backend has flushed its statistics by then (the notices update no dossier).
        long[] upd1 = updates();
        System.out.printf("BENCH dossier updates during the execution: %,d, of which HOT %,d (%.1f %%)%n", upd1[0] - upd0[0],
                upd1[1] - upd0[1], 100.0 * (upd1[1] - upd0[1]) / Math.max(1, upd1[0] - upd0[0]));
        jdbc.sql("select 'BENCH dossier heap ' || pg_size_pretty(pg_relation_size('dossier')) || ', indexes '"
                        + " || pg_size_pretty(pg_indexes_size('dossier')) || ', fillfactor '"
                        + " || coalesce(array_to_string(reloptions, ','), 'default') from pg_class where oid = 'dossier'::regclass")
                .query(String.class).list().forEach(System.out::println);
        work.print("notices", 8);
        jdbc.sql("select indexrelid::regclass::text || ': ' || pg_get_indexdef(indexrelid) from pg_index "
                        + "where indrelid in ('dossier'::regclass, 'dossier_event'::regclass) order by 1")
                .query(String.class).list().forEach(i -> System.out.println("BENCH index " + i));
        Reports.Reconciliation rec = engine.view(id).reconciliation();
        // A moved dossier's timeline: its transfer is found in the journal by the done batches' keys.
        UUID someMoved = jdbc.sql("select dossier_id from dossier_transfer where plan_id = ? and batch_no = 1 limit 1")
                .param(id).query(UUID.class).single();
        jdbc.sql("explain (analyze, buffers, costs off, summary off) select * from dossier_history where dossier_id = ? "
                        + "order by ord, seq").param(someMoved).query(String.class).list().stream()
                .filter(l -> l.contains("Buffers") || l.contains("actual")).limit(2)
                .forEach(l -> System.out.println("BENCH timeline of a moved dossier: " + l.strip()));

        // The floor: one bare UPDATE … FROM of the same rows (moving them back), rolled back.
        long t4 = System.nanoTime();
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    update dossier d set agency_code = t.from_agency, agency_name = t.from_agency
                    from dossier_transfer t where t.plan_id = ? and t.dossier_id = d.id
                    """).param(id).update();
            s.setRollbackOnly();
        });
        long floor = ms(t4);
        if (Boolean.getBoolean("reorg.bench.indexProbe")) {
            indexProbe(id);
        }
        if (Boolean.getBoolean("reorg.bench.movesProbe")) {
            new ReorgMovesProbe(jdbc, tx).run(id);
        }
        if (Boolean.getBoolean("reorg.bench.hotProbe")) {
            new ReorgHotProbe(jdbc, tx).run(id);
        }
        if (Boolean.getBoolean("reorg.bench.eventsProbe")) {
            new ReorgEventsProbe(jdbc, tx, sealer).run(id);
        }

        System.out.printf("%n=== ReorgBench: real HCMC 2025 plan (273 + 91 + 77 old communes -> 168), %,d dossiers ===%n", n);
        System.out.printf("insert fixture (COPY, %,d rows + events): %,d ms%n", n, inserted);
        System.out.printf("validate (%s, %d errors, %d warnings): %,d ms%n", v.ok() ? "ok" : "NOT OK", v.errors().size(),
                v.warnings().size(), validate);
        System.out.printf("dry run: %,d in flight %s: %,d ms (target <= 30,000)%n", dry.inFlight(), dry.byRule(), dryRun);
        long told = jdbc.sql("select count(*) from notification where dedup_key like ?").param("%/TRANSFERRED/" + id)
                .query(Long.class).single();
        System.out.printf("execute: %,d journaled, %d batches of 50,000: %,d ms (target <= 60,000)%n", ex.journal(),
                ex.batches(), execute);
        System.out.printf("execute CPU: JVM %,d ms + PostgreSQL %,d ms = %.0f%% of %d cores over %,d ms%n",
                used.jvmNanos() / 1_000_000, used.databaseNanos() / 1_000_000,
                100.0 * (used.jvmNanos() + used.databaseNanos()) / 1e6 / (execute * (double) Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors(), execute);
        phases.print();
        System.out.printf("execute CPU of the JVM's application threads: %,d ms; with the notices: %,d ms%n",
                used.threadsNanos() / 1_000_000, usedAll.threadsNanos() / 1_000_000);
        System.out.printf("notices after the moves: %,d applicants told (plan notifies: %s, e-mail share %.0f%%), the "
                + "last written %,d ms after the execution returned%n", told, notify, emailShare * 100, announce);
        System.out.printf("floor, bare UPDATE ... FROM of the same rows: %,d ms -> execute / floor = %.1fx (target <= 5x)%n",
                floor, execute / (double) Math.max(1, floor));
        System.out.printf("reconciliation: before %,d after %,d invariant %s triage %,d%n%n", rec.openBefore(),
                rec.openAfter(), rec.invariantHolds(), rec.triage());
    }

    /**
     * What an index of dossier and dossier_event costs a batch: one batch's statement (moving its dossiers back, with
     * their events) under EXPLAIN (ANALYZE, BUFFERS, WAL) with an index added, in a transaction rolled back.
     */
    private void indexProbe(UUID id) {
        jdbc.sql("select 'dossier avg row ' || avg(pg_column_size(d.*))::int || ' bytes' from dossier d").query(String.class)
                .list().forEach(l -> System.out.println("BENCH probe " + l));
        jdbc.sql("select 'dossier_event avg row ' || avg(pg_column_size(e.*))::int || ' bytes' from dossier_event e")
                .query(String.class).list().forEach(l -> System.out.println("BENCH probe " + l));
        String batch = """
                explain (analyze, buffers, wal, timing off, costs off, summary off)
                with moved as (
                    update dossier d set agency_code = case when d.agency_code is null then null else t.from_agency end,
                           agency_name = case when d.agency_code is null then d.agency_name else t.from_agency end,
                           agency_since = now(), version = d.version + 1
                      from dossier_transfer t where t.plan_id = '%s' and t.batch_no = 1 and d.id = t.dossier_id
                    returning d.id, d.state, t.from_agency
                )
                insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency, reason, data)
                select m.id, (select coalesce(max(e.seq), 0) + 1 from dossier_event e where e.dossier_id = m.id), now(),
                       'TRANSFERRED', m.state, m.state, 'probe', m.from_agency, 'probe', jsonb_build_object('plan', 'x')
                  from moved m
                """.formatted(id);
        // Session 8 made the two B-trees on received_at and on the events' time BRIN indexes: what they would cost now.
        String receivedAt = "create index probe_received_at on dossier (received_at) where state <> 'DRAFT'";
        String eventAt = "create index probe_event_at on dossier_event (at)";
        for (String variant : List.of("", receivedAt, eventAt, receivedAt + "; " + eventAt, "")) {
            tx.executeWithoutResult(s -> {
                if (!variant.isEmpty()) {
                    jdbc.sql(variant).update();
                }
                jdbc.sql("set local enable_hashjoin = off; set local enable_mergejoin = off; set local work_mem = '64MB'").update();
                List<String> plan = jdbc.sql(batch).query(String.class).list();
                System.out.println("BENCH probe [" + (variant.isEmpty() ? "as is" : variant) + "]");
                plan.stream().filter(l -> l.contains("Insert on") || l.contains("Update on") || l.contains("Buffers")
                        || l.contains("WAL")).limit(6).forEach(l -> System.out.println("BENCH probe   " + l.strip()));
                s.setRollbackOnly();
            });
        }
    }

    /**
     * The execution's phases (until the journal is written; the batches; the rest: questions, names, the
     * reconciliation), each with the CPU of the JVM and of PostgreSQL and the share of the cores that this work kept
     * busy, beside the machine's idle share (from /proc/stat: on a shared machine the others' work fills the cores too).
     */
    static final class Phases implements ExecutionObserver {

        private final vn.motcua.support.CpuMeter cpu;
        private final List<String> names = new ArrayList<>();
        private final List<long[]> marks = new ArrayList<>();
        private final List<vn.motcua.support.CpuMeter.Sample> samples = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

        Phases(vn.motcua.support.CpuMeter cpu) {
            this.cpu = cpu;
            mark("start");
        }

        private synchronized void mark(String name) {
            names.add(name);
            marks.add(new long[] {System.nanoTime(), machineIdleTicks(), machineTicks()});
            samples.add(cpu.sample());
        }

        @Override
        public void officersMoved(UUID planId, int moved, int awaitingDecision) {
            mark("validation, units, officers");
        }

        @Override
        public void journaled(UUID planId, long dossiers, int batches) {
            pending.set(batches);
            mark("counts, routing and journal");
        }

        @Override
        public void batchDone(UUID planId, int batchNo, int moved) {
            if (pending.decrementAndGet() == 0) {
                mark("batches");
            }
        }

        void end() {
            mark("the rest (questions, names, reconciliation)");
        }

        void print() {
            int cores = Runtime.getRuntime().availableProcessors();
            for (int i = 1; i < names.size(); i++) {
                double wall = (marks.get(i)[0] - marks.get(i - 1)[0]) / 1e9;
                var used = samples.get(i).minus(samples.get(i - 1));
                long total = marks.get(i)[2] - marks.get(i - 1)[2];
                double idle = total <= 0 ? Double.NaN : 100.0 * (marks.get(i)[1] - marks.get(i - 1)[1]) / total;
                System.out.printf("execute phase %s: %,.1f s, CPU JVM %,d ms + PostgreSQL %,d ms = %.0f%% of %d cores; "
                                + "machine idle %.0f%%%n", names.get(i), wall, used.jvmNanos() / 1_000_000,
                        used.databaseNanos() / 1_000_000,
                        100.0 * (used.jvmNanos() + used.databaseNanos()) / 1e9 / (wall * cores), cores, idle);
            }
        }

        /** The first line of /proc/stat: idle + iowait ticks, and all ticks (-1 when not Linux). */
        private static long[] cpuLine() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long all = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    all += Long.parseLong(f[i]);
                }
                return new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), all};
            } catch (java.io.IOException | RuntimeException e) {
                return new long[] {-1, -1};
            }
        }

        private static long machineIdleTicks() {
            return cpuLine()[0];
        }

        private static long machineTicks() {
            return cpuLine()[1];
        }
    }

    /** Rows updated in {@code dossier} so far, and how many of them as heap-only tuples (no index entry written). */
    private long[] updates() {
        return jdbc.sql("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relid = 'dossier'::regclass")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
