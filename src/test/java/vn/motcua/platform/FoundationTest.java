package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class FoundationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthIsUpAndOpenApiIsPublished() {
        var health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        var api = http.get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("paths").has("/api/v1/me")).isTrue();

        // Metrics are for an administrator or an auditor account (e.g. the Prometheus scraper's), not for anyone.
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        var metrics = http.getAs("kiemtra", "demo", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void flywayOwnsTheSchemaOnPostgres() {
        String version = jdbc.sql("select version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL 17");
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single();
        assertThat(applied).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from pg_extension where extname in ('unaccent','pg_trgm')")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void homePageIsVietnameseByDefaultAndSwitchesToEnglish() {
        var home = http.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("lang=\"vi\"", "Dịch vụ hành chính công", "Tra cứu hồ sơ", "Tìm thủ tục");

        var english = http.get("/?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "Public administrative services", "Track a dossier");
        // The choice is remembered in a cookie for the next page.
        assertThat(http.get("/login").body()).contains("Sign in", "Demo accounts");
    }

    @Test
    void securityHeadersAreSet() {
        var home = http.get("/");
        var headers = home.raw().headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void loginPageListsDemoAccountsWithHashedPasswords() {
        var login = http.get("/login");
        assertThat(login.body()).contains("congdan", "tiepnhan", "chuyenvien", "lanhdao", "trakq", "quantri", "kiemtra",
                "Tài khoản dùng thử");
        String hash = jdbc.sql("select password_hash from account where username = 'tiepnhan'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("demo");
    }

    @Test
    void formLoginNeedsCsrfAndLandsOfficersOnTheWorkbench() {
        assertThat(http.get("/workbench").status()).isEqualTo(302);

        var withoutToken = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=tiepnhan&password=demo")).build());
        assertThat(withoutToken.status()).isEqualTo(403);

        String csrf = Http.csrfToken(http.get("/login").body());
        String sessionBefore = http.get("/login").raw().headers().allValues("Set-Cookie").toString();
        var ok = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form("username", "kiemtra", "password", "demo", "_csrf", csrf)).build());
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/workbench"));
        // Session fixation protection: a new session id is issued at login.
        assertThat(ok.raw().headers().allValues("Set-Cookie").toString()).contains("SESSION=").isNotEqualTo(sessionBefore);

        var workbench = http.get("/workbench");
        assertThat(workbench.status()).isEqualTo(200);
        // An auditor holds no reception post, so whatever other tests received, their inbox is empty.
        assertThat(workbench.body()).contains("Bàn làm việc", "Võ Thị Giang", "Không có hồ sơ nào cần xử lý.");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        String csrf = Http.csrfToken(http.get("/login").body());
        var bad = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form("username", "tiepnhan", "password", "wrong", "_csrf", csrf)).build());
        assertThat(bad.status()).isEqualTo(302);
        assertThat(bad.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(http.get("/login?error").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void citizensCannotOpenTheWorkbench() {
        String csrf = Http.csrfToken(http.get("/login").body());
        var ok = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(Http.form("username", "congdan", "password", "demo", "_csrf", csrf)).build());
        assertThat(ok.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/my"));
        assertThat(http.get("/workbench").status()).isEqualTo(403);
        assertThat(http.get("/my").body()).contains("Nguyễn Văn An");
    }

    @Test
    void apiUsesHttpBasicAndAnswersProblemDetails() {
        var anonymous = http.get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("Bạn cần đăng nhập để thực hiện thao tác này.");

        var english = http.get("/api/v1/me", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.json().get("detail").asString()).isEqualTo("You need to sign in to do this.");

        var me = http.getAs("lanhdao", "demo", "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("UNIT_LEADER");

        assertThat(http.getAs("lanhdao", "wrong", "/api/v1/me").status()).isEqualTo(401);
    }

    @Autowired
    vn.motcua.platform.security.AccountService accounts;

    @Test
    void rememberedBasicCredentialsStopWorkingWhenThePasswordChanges() {
        accounts.save("doimatkhau", "mat-khau-1", "Người Đổi Mật Khẩu", vn.motcua.platform.security.Audience.CITIZEN,
                java.util.Set.of(vn.motcua.platform.security.Role.CITIZEN), false);
        assertThat(http.getAs("doimatkhau", "mat-khau-1", "/api/v1/me").status()).isEqualTo(200);
        assertThat(http.getAs("doimatkhau", "mat-khau-1", "/api/v1/me").status()).isEqualTo(200);
        assertThat(http.getAs("doimatkhau", "sai", "/api/v1/me").status()).isEqualTo(401);
        accounts.save("doimatkhau", "mat-khau-2", "Người Đổi Mật Khẩu", vn.motcua.platform.security.Audience.CITIZEN,
                java.util.Set.of(vn.motcua.platform.security.Role.CITIZEN), false);
        assertThat(http.getAs("doimatkhau", "mat-khau-1", "/api/v1/me").status()).isEqualTo(401);
        assertThat(http.getAs("doimatkhau", "mat-khau-2", "/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void badApiRequestsGetProblemDetailsNeverHtmlOrStackTraces() {
        var missing = http.getAs("quantri", "demo", "/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("Không có tài nguyên");

        var wrongMethod = http.send(http.request("/api/v1/me").header("Authorization", Http.basic("quantri", "demo"))
                .header("Accept-Language", "en").DELETE().build());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("detail").asString()).startsWith("Method DELETE is not supported");
        assertThat(wrongMethod.body()).doesNotContain("Exception", "at vn.", "at org.");
    }

    @Test
    void unknownPagesShowAVietnameseErrorPage() {
        var page = http.get("/khong-co-trang-nay", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy trang").doesNotContain("Whitelabel", "Exception");
    }

}
