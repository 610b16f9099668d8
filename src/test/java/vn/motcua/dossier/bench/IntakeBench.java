package vn.motcua.dossier.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.DossierQueries;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.support.LoadClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Intake figures on this machine with embedded PostgreSQL: online submissions per second through the
 * HTTP API, and the reception inbox query with 1,000,000 dossiers in the table.
 * Run: {@code ./mvnw -Pbench test -Dtest=IntakeBench}
 */
@IntegrationTest
class IntakeBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** CPU of the load clients' threads in the current round. */
    private static final java.util.concurrent.atomic.AtomicLong CLIENT_CPU = new java.util.concurrent.atomic.AtomicLong();

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DossierQueries queries;

    @Test
    void submissionsPerSecond() throws Exception {
        referenceData.ensureAll();
        // -Dintake.bench.pdf=legacy: the fixture of sessions 1-9 (no cross-reference table), to compare with their figures.
        var pdf = vn.motcua.dossier.BenchFixtures.BenchPdf.fromProperty(System.getProperty("intake.bench.pdf"));
        System.out.println("BENCH intake: attachment = " + pdf.describe());
        // Warm up the JIT (C2 compiles the request path over several thousand calls), the pool and the caches.
        runSubmissions(port, Integer.getInteger("intake.bench.warmup", 8000), 8, pdf);
        int n = Integer.getInteger("intake.bench.submissions", 6000);
        int rounds = Integer.getInteger("intake.bench.rounds", 3);
        // Several rounds: this VM's speed drifts by a third between minutes, so one round is one sample of it.
        var cpu = new vn.motcua.support.CpuMeter(jdbc);
        var top = new vn.motcua.support.TopStatements(jdbc);
        top.reset();
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            var c0 = cpu.sample();
            CLIENT_CPU.set(0);
            long t0 = System.nanoTime();
            int ok = runSubmissions(port, n, 8, pdf);
            double seconds = (System.nanoTime() - t0) / 1e9;
            var used = cpu.sample().minus(c0);
            rates[r] = n / seconds;
            System.out.printf("BENCH intake round %d: %d online submissions (HTTP, JSON, 1 PDF attachment, e-form "
                            + "validation, routing) in %.2f s = %.0f submissions/s with 8 client threads (%d ok); "
                            + "CPU %s (JVM includes the 8 load clients); with 2 cores to itself: %.0f submissions/s%n",
                    r + 1, n, seconds, rates[r], ok, used.perOperation(n), used.capacity(n, 2));
            // The figure is the server's: what the load clients took of the application threads' CPU.
            System.out.printf("BENCH intake round %d: the 8 load clients' own CPU %.2f ms per submission (of the JVM's "
                    + "application threads above); the server's application threads %.2f ms%n", r + 1,
                    CLIENT_CPU.get() / 1e6 / n, (used.threadsNanos() - CLIENT_CPU.get()) / 1e6 / n);
        }
        top.print(rounds + " × " + n + " submissions", 15);
        top.printPerOperation("submission", rounds * n);
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH intake: online submissions per second over %d rounds: median %.0f, lowest %.0f, "
                + "highest %.0f (attachment: %s)%n", rounds, sorted[rounds / 2], sorted[0], sorted[rounds - 1], pdf.describe());
    }

    @Test
    void inboxLatencyOverAMillionDossiers() {
        referenceData.ensureAll();

        long existing = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        long target = 1_000_000;
        long t1 = System.nanoTime();
        // Spread dossiers over 400 agencies and the intake states, as a year of a large province would.
        jdbc.sql("""
                insert into dossier(id, procedure_code, procedure_name, channel, state, applicant_kind, applicant_name,
                    applicant_phone, form_data, agency_code, agency_name, submitted_by, received_at, count_from,
                    reception_due_at, due_at)
                select gen_random_uuid(), '1.001193', 'Thủ tục đăng ký khai sinh', 'ONLINE',
                       (array['SUBMITTED','ACCEPTED','ACCEPTED','ACCEPTED','REFUSED','SUPPLEMENT_REQUESTED'])[1 + g % 6],
                       'PERSON', 'Người nộp ' || g, '09' || lpad((g % 100000000)::text, 8, '0'), convert_to('{}', 'UTF8'),
                       case when g % 400 = 0 then 'UBND-26740' else 'BENCH-' || (g % 400) end, 'Cơ quan', 'bench',
                       now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day',
                       now() - (g % 365) * interval '1 day' + interval '1 day', now() + (g % 30) * interval '1 day'
                from generate_series(1, :n) g
                """).param("n", Math.max(0, target - existing)).update();
        jdbc.sql("vacuum analyze dossier").update();
        System.out.printf("BENCH inbox: loaded %d dossiers in %.1f s%n",
                jdbc.sql("select count(*) from dossier").query(Long.class).single(), (System.nanoTime() - t1) / 1e9);

        List<String> agencies = List.of("UBND-26740");
        for (int i = 0; i < 50; i++) {
            queries.inbox(agencies, List.of(DossierState.SUBMITTED), null, DossierQueries.InboxSort.RECEPTION_DUE, i % 5, 20);
        }
        int runs = 500;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            queries.inbox(agencies, List.of(DossierState.SUBMITTED), null, DossierQueries.InboxSort.RECEPTION_DUE, i % 5, 20);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        jdbc.sql("explain analyze select * from dossier where agency_code = ? and state = ? order by reception_due_at limit 20")
                .params("UBND-26740", "SUBMITTED").query(String.class).list()
                .forEach(line -> System.out.println("BENCH plan: " + line));
        System.out.printf("BENCH inbox: reception inbox (one agency, 20 per page, count + page) over %d dossiers: "
                        + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d runs)%n",
                jdbc.sql("select count(*) from dossier").query(Long.class).single(),
                nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6, nanos[runs * 99 / 100] / 1e6, runs);
        jdbc.sql("delete from dossier where submitted_by = 'bench'").update();
    }

    /**
     * {@code threads} clients in closed loops, each on its own kept-alive connection, each submission with its own
     * phone number and Idempotency-Key (as the contract asks of integrations). The body is serialised once with a
     * placeholder phone: the load generator shares the server's two cores and should cost next to nothing.
     */
    private static int runSubmissions(int port, int n, int threads, vn.motcua.dossier.BenchFixtures.BenchPdf pdf)
            throws Exception {
        String placeholder = "0899999999";
        String template = JSON.writeValueAsString(vn.motcua.dossier.BenchFixtures.birthSubmission(placeholder, pdf));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        int base = (int) (System.nanoTime() % 10_000_000);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                try (LoadClient client = new LoadClient(port, "congdan", "demo")) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        String phone = "08" + String.format("%08d", (base + i) % 100_000_000);
                        var r = client.postJson("/api/v1/dossiers", template.replace(placeholder, phone),
                                "Idempotency-Key: " + UUID.randomUUID());
                        if (r.status() == 201) {
                            ok.incrementAndGet();
                        } else {
                            firstFailure.compareAndSet(null, r.status() + " " + r.body());
                        }
                    }
                } finally {
                    CLIENT_CPU.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (firstFailure.get() != null) {
            System.out.println("BENCH intake: first failed submission: " + firstFailure.get());
        }
        return ok.get();
    }
}
