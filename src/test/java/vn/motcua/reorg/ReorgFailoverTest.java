package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.AppNodes;
import vn.motcua.MotcuaApplication;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.reorg.internal.PlanDefinition;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.reorg.internal.Reports;
import vn.motcua.support.Http;
import vn.motcua.support.PlanEvents;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.Territory;

/**
 * A plan whose executing node dies is finished by another node. Node A (a child JVM, each batch followed by a pause)
 * starts executing a plan on one PostgreSQL with node B (this JVM); A is killed with {@code kill -9} half-way. B's
 * watcher sees the plan executing with nobody holding its execution lease and resumes it from the journal: every
 * dossier is moved exactly once, the reconciliation holds, and each applicant to be told is told once. Meanwhile B's plan
 * page shows the plan running on A (from A's heartbeat row) since it started, then, once A's beat stops, "interrupted —
 * will resume" until B takes it up.
 */
class ReorgFailoverTest {

    static final int N = 1000;
    static final Duration START_BOUND = Duration.ofSeconds(240);

    @TempDir
    Path pgDir;
    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private EmbeddedPostgres db;
    private ConfigurableApplicationContext b;
    private Process a;

    @AfterEach
    void stop() throws Exception {
        if (a != null) {
            a.destroyForcibly();
            a.waitFor(30, TimeUnit.SECONDS);
        }
        if (b != null) {
            b.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anotherNodeFinishesThePlanOfANodeKilledHalfWay() throws Exception {
        int dbPort = freePort();
        db = AppNodes.database(pgDir, dbPort);
        String url = AppNodes.url(dbPort);
        b = AppNodes.start(dataB, url, "postgres", "--motcua.reorg.resume-interval=PT1S", "--motcua.reorg.resume-initial-delay=PT1S",
                // A beats every 0.5 s; B calls it interrupted after 4 s of silence and takes it up after 15 s
                "--motcua.cluster.node-name=nut-b", "--motcua.reorg.heartbeat-stale=PT4S",
                "--motcua.reorg.resume-after=PT15S");
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        ReorgEngine engine = b.getBean(ReorgEngine.class);
        b.getBean(ReferenceData.class).ensureAll();
        b.getBean(AccountService.class).save("quantri-a", "mat-khau-a", "Quản trị nút A", Audience.OFFICER,
                Set.of(Role.ADMIN), false);
        ReorgFixtures.OldWorld world = ReorgFixtures.oldWorld(b.getBean(Territory.class));
        b.getBean(DossierBulk.class).insert(ReorgFixtures.dossiers(world, "fo", N));
        UUID plan = plan(engine, world);

        // A executes one batch at a time and holds after its third (HeldBatches) until it is killed.
        int portA = freePort();
        a = startNodeA(url, portA);
        awaitReady(portA);
        Http onA = new Http(portA);
        java.time.Instant beforeStart = java.time.Instant.now();
        Http.Response started = onA.postJson("quantri-a", "mat-khau-a", "/api/v1/reorg/plans/" + plan + "/execute?async=true", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("select count(*) from dossier_transfer_batch where plan_id = ?").param(plan)
                        .query(Long.class).single() >= 3);
        // B's page and API say where it runs (node A, from its heartbeat) and since when, and keep following it.
        Http onB = new Http(((WebServerApplicationContext) b).getWebServer().getPort());
        String progress = "/api/v1/reorg/plans/" + plan + "/progress";
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                onB.getAs("quantri-a", "mat-khau-a", progress).json().path("executor").toString()
                        .contains("\"status\":\"ELSEWHERE\""));
        var elsewhere = onB.getAs("quantri-a", "mat-khau-a", progress).json();
        assertThat(elsewhere.get("running").asBoolean()).as("not on B").isFalse();
        assertThat(elsewhere.get("executor").get("node").asString()).isEqualTo("nut-a");
        java.time.Instant since = java.time.Instant.parse(elsewhere.get("executor").get("since").asString());
        assertThat(since).isBetween(beforeStart.minusSeconds(1), java.time.Instant.now());
        assertThat(onB.login("quantri-a", "mat-khau-a").status()).isEqualTo(302);
        String pageB = "/admin/reorg/plans/" + plan;
        String sinceText = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(since);
        assertThat(onB.get(pageB).body()).contains("Đang thực hiện", "Máy chủ nut-a đang thực hiện từ " + sinceText,
                "hx-trigger=\"every 2s\"").doesNotContain("Bấm \"Thực hiện\" để tiếp tục");
        assertThat(onB.get(pageB + "/progress").raw().headers().firstValue("HX-Refresh")).as("still followed").isEmpty();

        new ProcessBuilder("kill", "-9", Long.toString(a.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long atKill = transferred(jdbc);
        long journal = jdbc.sql("select count(*) from dossier_transfer where plan_id = ?").param(plan).query(Long.class).single();
        assertThat(atKill).as("killed half-way").isLessThan(journal);
        assertThat(engine.view(plan).state()).isEqualTo(PlanState.EXECUTING.name());

        // A's heartbeat stops: B's page says the run was interrupted and will be resumed (before B takes it up).
        Awaitility.await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(50)).until(() ->
                onB.getAs("quantri-a", "mat-khau-a", progress).json().path("executor").toString()
                        .contains("\"status\":\"SILENT\""));
        assertThat(onB.get(pageB).body()).contains("Bị gián đoạn — sẽ được tiếp tục", "Máy chủ nut-a (thực hiện từ "
                + sinceText + ") không còn báo hoạt động từ", "hx-trigger=\"every 2s\"");
        assertThat(transferred(jdbc)).as("not resumed yet").isEqualTo(atKill);

        // B takes it up by itself.
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> engine.view(plan).state().equals(PlanState.RECONCILED.name()));
        Reports.PlanView done = engine.view(plan);
        assertThat(done.execution().runs()).extracting(Reports.Run::outcome).containsExactly("INTERRUPTED", "COMPLETED");
        assertThat(done.execution().runs()).extracting(Reports.Run::by).containsOnly("quantri-a");
        assertThat(done.execution().moved()).isEqualTo(done.execution().journal()).isEqualTo(journal);
        assertThat(done.execution().movedNow()).isEqualTo(journal - atKill);
        assertThat(done.reconciliation().invariantHolds()).isTrue();
        // Every dossier moved once: one TRANSFERRED event each, none twice.
        assertThat(transferred(jdbc)).isEqualTo(journal);
        assertThat(jdbc.sql("select count(*) from (select e.dossier_id from dossier_history e join dossier d on d.id = e.dossier_id "
                + "where d.applicant_name like 'fo-%' and e.type = 'TRANSFERRED' group by e.dossier_id having count(*) > 1) x")
                .query(Long.class).single()).isZero();
        // Told once: one PlanExecuted, one notice per dossier with an e-mail, no notice written twice.
        PlanEvents.awaitCompleted(jdbc, plan);
        assertThat(PlanEvents.published(jdbc, plan)).isEqualTo(1);
        long withEmail = jdbc.sql("select count(distinct d.id) from dossier d join dossier_history e on e.dossier_id = d.id "
                + "and e.type = 'TRANSFERRED' where d.applicant_name like 'fo-%' and d.applicant_email <> ''").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from notification n join dossier d on d.id = n.dossier_id "
                + "where d.applicant_name like 'fo-%' and n.dedup_key like '%/TRANSFERRED/%'").query(Long.class).single())
                .isPositive().isEqualTo(withEmail);
        assertThat(jdbc.sql("select count(*) from (select dedup_key from notification group by dedup_key having count(*) > 1) x")
                .query(Long.class).single()).isZero();
    }

    private UUID plan(ReorgEngine engine, ReorgFixtures.OldWorld world) {
        UUID imported = engine.importMerges(null, "79", "2025-07-01", "quantri-a").id();
        PlanDefinition d = engine.definition(imported);
        List<PlanDefinition.RoutingRuleSpec> rules = new ArrayList<>();
        world.splitSuccessors().forEach((unit, succ) -> succ.forEach(s ->
                rules.add(new PlanDefinition.RoutingRuleSpec(unit, s, List.of(ReorgFixtures.street(unit, s))))));
        PlanDefinition small = new PlanDefinition(d.name(), d.effective(), d.legalBasis(), d.open(), d.operations(), rules,
                d.explicit(), d.postMappings(), d.deadlinePolicy(), d.extendWorkingDays(), 50, d.nearCutoverWorkingDays(),
                true);
        return engine.create(small, "quantri-a").id();
    }

    private static long transferred(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from dossier_history e join dossier d on d.id = e.dossier_id "
                + "where d.applicant_name like 'fo-%' and e.type = 'TRANSFERRED'").query(Long.class).single();
    }

    private Process startNodeA(String url, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"), MotcuaApplication.class.getName()));
        cmd.addAll(AppNodes.arguments(dataA, url, "postgres", "--server.port=" + port, "--server.address=127.0.0.1",
                "--motcua.reorg.parallelism=1", "--motcua.test.hold-after-batches=3",
                "--motcua.cluster.node-name=nut-a", "--motcua.reorg.heartbeat-interval=PT0.5S"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dataA.resolve("a.out").toFile()).start();
    }

    private void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!a.isAlive()) {
                throw new AssertionError("Node A ended during start:\n" + Files.readString(dataA.resolve("a.out"), StandardCharsets.UTF_8));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            a.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Node A not ready within " + START_BOUND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
