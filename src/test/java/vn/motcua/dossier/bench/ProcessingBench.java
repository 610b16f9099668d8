package vn.motcua.dossier.bench;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.dossier.internal.ProcessingService;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * A full dossier life per second — submit (e-form validation, routing, one PDF attachment) → accept
 * (code, appointment, Form 01 data) → appraisal → approval with an uploaded result → return — through
 * the services, one thread, on the embedded PostgreSQL; and beside it the same life as a Flowable 7.2.0
 * process (start + 4 user-task completions) on the same database, as the cost of a generic engine.
 * Run: {@code ./mvnw -Pbench test -Dtest=ProcessingBench}; a short run: {@code -Dbench.jvmArgs="-Dbench.processing.warmup=50
 * -Dbench.processing.rounds=2 -Dbench.processing.n=50 -Dbench.processing.parallel=50"} (defaults 200, 5, 100, 200).
 * Each Motcua round, and the four-thread run, ends when the citizen's data store holds every result returned (since
 * session 12 the results are signed into it after the return commits, on another thread): the work is all counted.
 */
@IntegrationTest
class ProcessingBench {

    @Autowired
    ReferenceData referenceData;
    @Autowired
    IntakeService intake;
    @Autowired
    ProcessingService processing;
    @Autowired
    Officers officers;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    static final String PDF_B64 = vn.motcua.dossier.BenchFixtures.PDF_B64;

    @Test
    void dossierLivesPerSecondAgainstFlowable() {
        referenceData.ensureAll();
        returned = storeResults();
        Actor citizen = new Actor("congdan", "Công dân", null, null);
        Actor reception = officers.actor(() -> "tiepnhan");
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) vn.motcua.dossier.BenchFixtures.birthSubmission("0901234567").get("form");
        SubmitDossier cmd = new SubmitDossier("1.001193", new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON,
                "Nguyễn Thị Thủy Tiên", "079190012345", "0901234567", "bench@example.vn"),
                new SubmitDossier.AddressData("26740", "12 Lê Lợi"), form,
                java.util.List.of(new SubmitDossier.AttachmentData("giay-chung-sinh.pdf", PDF_B64)));
        ProcessEngine engine;
        try {
            engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                    .setDataSource(dataSource)
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                    .setAsyncExecutorActivate(false)
                    .buildProcessEngine();
        } catch (RuntimeException | LinkageError e) {
            System.out.printf("BENCH processing: Flowable 7.2.0 did not start here: %s%n", e);
            return;
        }
        try {
            engine.getRepositoryService().createDeployment().addClasspathResource("bench/dossier-life.bpmn20.xml").deploy();
            // Both warm up first, and the database settles (the reference data was just loaded: autovacuum and
            // analyze would otherwise run during whichever side is measured first).
            motcua(cmd, citizen, reception, WARMUP);
            settle();
            flowable(engine, WARMUP);
            jdbc.sql("vacuum analyze").update();
            jdbc.sql("checkpoint").update();
            // One thread, interleaved rounds: a background hiccup (autovacuum, a checkpoint, the JIT) lands on both
            // sides instead of on whichever happened to run at that moment.
            int rounds = ROUNDS;
            int n = N;
            long motcuaNanos = 0;
            long flowableNanos = 0;
            double[] ratios = new double[rounds];
            java.util.Arrays.fill(phaseTotal, 0);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                motcua(cmd, citizen, reception, n);
                settle();
                long m = System.nanoTime() - t0;
                for (int i = 0; i < phase.length; i++) {
                    phaseTotal[i] += phase[i];
                }
                long t1 = System.nanoTime();
                flowable(engine, n);
                long f = System.nanoTime() - t1;
                motcuaNanos += m;
                flowableNanos += f;
                ratios[r] = f / (double) m;
            }
            int total = rounds * n;
            double motcua = total / (motcuaNanos / 1e9);
            double flowable = total / (flowableNanos / 1e9);
            System.out.printf("BENCH processing: mean ms per phase — submit %.1f, accept+start %.1f, forward %.1f, "
                    + "decide %.1f, return %.1f%n", phaseTotal[0] / 1e6 / total, phaseTotal[1] / 1e6 / total,
                    phaseTotal[2] / 1e6 / total, phaseTotal[3] / 1e6 / total, phaseTotal[4] / 1e6 / total);
            System.out.printf("BENCH processing: Motcua full dossier life (submit → accept → appraisal → approval with "
                    + "result → return), 1 thread: %.0f lives/s (%d lives in %d rounds)%n", motcua, total, rounds);
            System.out.printf("BENCH processing: Flowable 7.2.0 same life (start + 4 user-task completions, history "
                    + "level default, no claim), 1 thread: %.0f lives/s (%d lives, interleaved)%n", flowable, total);
            double[] sorted = ratios.clone();
            java.util.Arrays.sort(sorted);
            System.out.printf("BENCH processing: Motcua / Flowable = %.2f× (target ≥ 2×); per round %s, median %.2f×%n",
                    motcua / flowable, java.util.Arrays.stream(ratios).mapToObj(x -> String.format("%.2f×", x)).toList(),
                    sorted[rounds / 2]);
            // The same with 4 client threads (group commit helps both).
            // CPU per life (JVM, including the notification listeners, + PostgreSQL) is what bounds a busy server.
            var cpu = new vn.motcua.support.CpuMeter(jdbc);
            var top = new vn.motcua.support.TopStatements(jdbc);
            top.reset();
            var c0 = cpu.sample();
            long t4 = System.nanoTime();
            parallel(4, PARALLEL, () -> life(cmd, citizen, reception));
            settle();
            double m4 = 4 * PARALLEL / ((System.nanoTime() - t4) / 1e9);
            var mc = cpu.sample().minus(c0);
            top.print("Motcua, " + 4 * PARALLEL + " lives", 25);
            top.reset();
            var c1 = cpu.sample();
            double f4 = parallel(4, PARALLEL, () -> flowable(engine, 1));
            var fc = cpu.sample().minus(c1);
            top.print("Flowable, " + 4 * PARALLEL + " lives", 10);
            System.out.printf("BENCH processing: 4 threads — Motcua %.0f lives/s, Flowable %.0f lives/s, ratio %.2f×%n",
                    m4, f4, m4 / f4);
            System.out.printf("BENCH processing: CPU per life — Motcua %s%n", mc.perOperation(4 * PARALLEL));
            System.out.printf("BENCH processing: CPU per life — Flowable %s%n", fc.perOperation(4 * PARALLEL));
            System.out.printf("BENCH processing: with 2 cores to itself — Motcua %.0f lives/s, Flowable %.0f lives/s, "
                    + "ratio %.2f×%n", mc.capacity(4 * PARALLEL, 2), fc.capacity(4 * PARALLEL, 2),
                    mc.capacity(4 * PARALLEL, 2) / fc.capacity(4 * PARALLEL, 2));
        } finally {
            engine.close();
        }
    }

    static final int WARMUP = Integer.getInteger("bench.processing.warmup", 200);
    static final int ROUNDS = Integer.getInteger("bench.processing.rounds", 5);
    static final int N = Integer.getInteger("bench.processing.n", 100);
    /** Lives per client thread in the four-thread run. */
    static final int PARALLEL = Integer.getInteger("bench.processing.parallel", 200);

    /** Results returned by the lives so far, each of which must reach the citizen's store. */
    long returned;

    /**
     * Waits until the data store holds every result returned so far (the results are signed after the return
     * commits, on the delivery thread): at once when they are signed inside the return.
     */
    void settle() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (storeResults() < returned) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("results not in the data store after 2 minutes");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    long storeResults() {
        return jdbc.sql("select count(*) from wallet_document where source = 'RESULT'").query(Long.class).single();
    }

    /** Kept alive between runs: a finished thread's CPU time can no longer be read, so CpuMeter would miss it. */
    static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-client");
        t.setDaemon(true);
        return t;
    });

    static double parallel(int threads, int perThread, Runnable life) {
        var pool = POOL;
        long t0 = System.nanoTime();
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int k = 0; k < threads; k++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    life.run();
                }
            }));
        }
        for (var f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return threads * perThread / ((System.nanoTime() - t0) / 1e9);
    }

    final long[] phase = new long[5];
    final long[] phaseTotal = new long[5];

    void motcua(SubmitDossier cmd, Actor citizen, Actor reception, int n) {
        java.util.Arrays.fill(phase, 0);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Dossier d = intake.submit(cmd, citizen, Dossier.Channel.ONLINE, null);
            t = lap(0, t);
            intake.accept(d.id(), null, reception);
            t = lap(1, t);
            UUID id = d.id();
            processing.forward(id, null, "chuyenvien", null, null, processing.now());
            t = lap(2, t);
            processing.decide(id, null, "lanhdao", ProcessingService.Outcome.APPROVED, "Cấp Giấy khai sinh",
                    new SubmitDossier.AttachmentData("ket-qua.pdf", PDF_B64), processing.now());
            t = lap(3, t);
            processing.returnResult(id, null, "tiepnhan", ProcessingService.Delivery.COUNTER, processing.now());
            lap(4, t);
            returned++;
        }
    }

    void life(SubmitDossier cmd, Actor citizen, Actor reception) {
        UUID id = intake.submit(cmd, citizen, Dossier.Channel.ONLINE, null).id();
        intake.accept(id, null, reception);
        processing.forward(id, null, "chuyenvien", null, null, processing.now());
        processing.decide(id, null, "lanhdao", ProcessingService.Outcome.APPROVED, "Cấp Giấy khai sinh",
                new SubmitDossier.AttachmentData("ket-qua.pdf", PDF_B64), processing.now());
        processing.returnResult(id, null, "tiepnhan", ProcessingService.Delivery.COUNTER, processing.now());
        synchronized (this) {
            returned++;
        }
    }

    long lap(int i, long t) {
        long now = System.nanoTime();
        phase[i] += now - t;
        return now;
    }

    static void flowable(ProcessEngine engine, int n) {
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        for (int i = 0; i < n; i++) {
            String pid = runtime.startProcessInstanceByKey("dossierLife", UUID.randomUUID().toString(),
                    Map.of("procedureCode", "1.001193", "applicant", "Nguyễn Thị Thủy Tiên")).getId();
            for (int step = 0; step < 4; step++) {
                Task t = tasks.createTaskQuery().processInstanceId(pid).singleResult();
                tasks.complete(t.getId());
            }
        }
    }
}
