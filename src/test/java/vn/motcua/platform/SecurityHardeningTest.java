package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Ready for the public internet (issue 16, part A): sign-in lockout for form login and HTTP Basic with no user
 * enumeration, search rates per client, the demo outbox for administrators only, metrics behind a role. Each test
 * is a client of its own (X-Forwarded-For from the loopback proxy, trusted in tests) at the default limits.
 */
@IntegrationTest
class SecurityHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private String account(String username, String email) {
        accounts.save(username, "dung-roi", "Người Thử Khoá", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.setEmail(username, email);
        return username;
    }

    /** Form login from {@code client}; the Location it redirects to. */
    private String formLogin(String client, String user, String password) {
        String csrf = Http.csrfToken(http.get("/login").body());
        var r = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client)
                .POST(Http.form("username", user, "password", password, "_csrf", csrf)).build());
        assertThat(r.status()).isEqualTo(302);
        return r.raw().headers().firstValue("Location").orElseThrow();
    }

    private Http.Response basic(String client, String user, String password) {
        return http.getAs(user, password, "/api/v1/me", "X-Forwarded-For", client);
    }

    @Test
    void formLoginLocksAfterFiveFailuresRefusesTheRightPasswordAndTellsTheOwner() {
        String user = account("khoa-form", "khoa-form@example.vn");
        for (int i = 0; i < 5; i++) {
            assertThat(formLogin(address(), user, "sai-" + i)).endsWith("/login?error");
        }
        // The name is locked wherever the next try comes from, the right password included.
        assertThat(formLogin(address(), user, "dung-roi")).endsWith("/login?locked=1");
        assertThat(http.get("/login?locked=1").body()).contains(
                "Bạn đã đăng nhập sai quá nhiều lần. Vì an toàn, việc đăng nhập tạm thời bị khoá; vui lòng thử lại sau 1 phút.");
        var api = basic(address(), user, "dung-roi");
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("code").asString()).isEqualTo("throttle.signIn");
        assertThat(api.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(http.get("/my").status()).isEqualTo(302); // not signed in

        // One notice, in the outbox, to the account's own address.
        List<String> notices = jdbc.sql("select subject from notification where recipient = ?")
                .param("khoa-form@example.vn").query(String.class).list();
        assertThat(notices).containsExactly("[Một cửa] Tài khoản khoa-form tạm thời bị khoá đăng nhập");
    }

    @Test
    void basicLocksTheSameWayAndUnknownNamesGetExactlyTheSameAnswers() {
        String known = account("khoa-basic", null);
        String client = address();
        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            knownAnswers.add(answer(basic(client, known, "sai-" + i)));
            unknownAnswers.add(answer(basic(client, "khong-co-ai", "sai-" + i)));
        }
        knownAnswers.add(answer(basic(client, known, "dung-roi")));
        unknownAnswers.add(answer(basic(client, "khong-co-ai", "dung-roi")));
        assertThat(knownAnswers.get(0)).startsWith("401 ").contains("error.unauthorized");
        assertThat(knownAnswers.get(5)).startsWith("429 ").contains("throttle.signIn", "Retry-After");
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
        // No e-mail address, no notice.
        assertThat(jdbc.sql("select count(*) from notification where dedup_key like 'account/khoa-basic/%'")
                .query(Integer.class).single()).isZero();

        // On the page, too, an unknown name is refused exactly like a known one.
        String page = address();
        for (int i = 0; i < 5; i++) {
            assertThat(formLogin(page, "cung-khong-co", "sai")).endsWith("/login?error");
        }
        assertThat(formLogin(page, "cung-khong-co", "sai")).endsWith("/login?locked=1");
    }

    private static String answer(Http.Response r) {
        var json = r.json();
        return r.status() + " " + json.get("code").asString() + " " + json.get("detail").asString() + " "
                + r.raw().headers().firstValue("Retry-After").map(v -> "Retry-After").orElse("");
    }

    @Test
    void searchIsLimitedPerClient() {
        String client = address();
        // 60 at once, refilled at one a second: on a busy machine a few more get through while the loop runs.
        int ok = 0;
        Http.Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Http.Response r = http.get("/api/v1/procedures?q=khai+sinh&limit=1", "X-Forwarded-For", client);
            if (r.status() == 200) {
                ok++;
            } else {
                refused = r;
            }
        }
        assertThat(ok).isGreaterThanOrEqualTo(60);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("throttle.requests");
        assertThat(refused.json().get("detail").asString()).startsWith("Bạn gửi quá nhiều yêu cầu trong thời gian ngắn");
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
        var page = http.get("/procedures?q=khai+sinh", "X-Forwarded-For", client, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("Quá nhiều yêu cầu trong thời gian ngắn");
        assertThat(http.get("/api/v1/procedures?q=khai+sinh&limit=1", "X-Forwarded-For", address()).status())
                .isEqualTo(200);
        // Other public reads are not counted.
        assertThat(http.get("/api/v1/calendar/2026/days-off", "X-Forwarded-For", client).status()).isEqualTo(200);
    }

    @Test
    void theDemoOutboxIsForAdministratorsOnly() {
        assertThat(http.get("/outbox", "Accept", "text/html").status()).isEqualTo(403);
        assertThat(http.login("congdan", "demo").status()).isEqualTo(302);
        assertThat(http.get("/outbox", "Accept", "text/html").status()).isEqualTo(403);

        Http admin = new Http(port);
        assertThat(admin.login("quantri", "demo").status()).isEqualTo(302);
        var page = admin.get("/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Hộp thư đi (dùng thử)");
    }

    @Test
    void metricsNeedAnAdministratorOrAnAuditorHealthStaysPublic() {
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.getAs("congdan", "demo", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(http.getAs("chuyenvien", "demo", "/actuator/prometheus").status()).isEqualTo(403);
        var scraped = http.getAs("kiemtra", "demo", "/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertThat(http.getAs("quantri", "demo", "/actuator/prometheus").status()).isEqualTo(200);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void withoutTheTlsSwitchNoHstsOnPlainHttpAndCookiesAreNotSecure() {
        var home = http.get("/?lang=en");
        assertThat(home.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(home.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("motcua_lang=")
                .doesNotContainIgnoringCase("secure"));
    }
}
