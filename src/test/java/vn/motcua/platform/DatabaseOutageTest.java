package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.support.AppNodes;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;

/**
 * While the database is down, requests answer 503 problem details ({@code error.unavailable}, Retry-After) within a
 * few seconds — public calls, authenticated calls whose account must be loaded (the failure is in HTTP Basic
 * authentication, before any controller) and ones whose account is remembered — web pages show the friendly page,
 * and readiness is DOWN; when the database is back, everything recovers by itself.
 */
class DatabaseOutageTest {

    /** Hikari's connection timeout (3 s) plus slack for a loaded 2-core machine. */
    static final Duration QUICK = Duration.ofSeconds(8);

    @TempDir
    Path pgDir;
    @TempDir
    Path dataDir;

    private EmbeddedPostgres db;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private EmbeddedPostgres startDatabase(int port) throws IOException {
        return AppNodes.database(pgDir, port);
    }

    @Test
    void aDatabaseOutageAnswers503QuicklyAndRecoversByItself() throws Exception {
        int dbPort = freePort();
        db = startDatabase(dbPort);
        app = AppNodes.start(dataDir, AppNodes.url(dbPort), "postgres");
        AccountService accounts = app.getBean(AccountService.class);
        accounts.save("remembered", "secret-1", "Người Nhớ", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.save("unseen", "secret-2", "Người Mới", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Http http = new Http(port);

        String track = "/api/v1/dossiers/track?code=HS-NONE&check=1234";
        assertThat(http.get(track).status()).isEqualTo(404);
        assertThat(http.getAs("remembered", "secret-1", "/api/v1/dossiers").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

        db.close();
        db = null;

        // Public API call: the query cannot get a connection.
        assertUnavailable(() -> http.get(track));
        // Authenticated, account not in memory: the failure happens while HTTP Basic loads the account.
        assertUnavailable(() -> http.getAs("unseen", "secret-2", "/api/v1/me"));
        // Authenticated, account remembered: the failure happens in the controller.
        assertUnavailable(() -> http.getAs("remembered", "secret-1", "/api/v1/dossiers"));
        // A web page: the friendly error page, 503.
        Http.Response page = timed(() -> http.get("/track?code=HS-NONE&check=1234", "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Hệ thống tạm thời gián đoạn");
        // Readiness follows the database (liveness does not: restarting the application would not help).
        Http.Response readiness = timed(() -> http.get("/actuator/health/readiness"));
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

        db = startDatabase(dbPort);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.get("/actuator/health/readiness").status() != 200) {
            assertThat(System.nanoTime()).as("readiness UP again within 60 s").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        assertThat(http.get(track).status()).isEqualTo(404);
        assertThat(http.getAs("unseen", "secret-2", "/api/v1/me").status()).isEqualTo(200);
        assertThat(http.getAs("remembered", "secret-1", "/api/v1/dossiers").status()).isEqualTo(200);
    }

    private static void assertUnavailable(Supplier<Http.Response> call) {
        Http.Response r = timed(call);
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("error.unavailable");
        assertThat(r.json().get("detail").asString()).contains("cơ sở dữ liệu");
        assertThat(r.raw().headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isPositive());
    }

    private static Http.Response timed(Supplier<Http.Response> call) {
        long start = System.nanoTime();
        Http.Response r = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK);
        return r;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
