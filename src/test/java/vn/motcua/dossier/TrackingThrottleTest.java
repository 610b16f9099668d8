package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Public tracking cannot be guessed at: a few wrong checks against a code lock it (429 with Retry-After, the right
 * check refused too), a client making many wrong checks is refused, and the dossier's internal id is no tracking
 * code. Each test is a client of its own (X-Forwarded-For from the loopback proxy, trusted in tests), at the
 * default limits: 5 wrong checks per code, 20 per client.
 */
@IntegrationTest
class TrackingThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    Http http;

    record Tracked(String id, String code, String check) {
    }

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    private static String client() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private Tracked accepted() {
        String phone = IntakeApiTest.phone();
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "t." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        var a = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String code = jdbc.sql("select code from dossier where id = ?::uuid").param(id).query(String.class).single();
        return new Tracked(id, code, phone.substring(phone.length() - 4));
    }

    private Http.Response track(String client, String code, String check) {
        return http.get("/api/v1/dossiers/track?code=" + code + "&check=" + check, "X-Forwarded-For", client);
    }

    private static String wrong(String check) {
        return check.equals("0000") ? "1111" : "0000";
    }

    @Test
    void aFewWrongChecksLockTheCodeRightCheckIncludedOtherCodesUnaffected() {
        Tracked d = accepted();
        Tracked other = accepted();
        String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        assertThat(track(client, d.code(), d.check()).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            // Each wrong check from another address: the code's own count, not the client's, locks it.
            assertThat(track("192.0.2." + (i + 1), d.code(), wrong(d.check())).status()).isEqualTo(404);
        }
        var locked = track(client, d.code(), d.check());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().get("code").asString()).isEqualTo("throttle.tracking");
        assertThat(locked.json().get("detail").asString()).startsWith("Bạn đã tra cứu sai quá nhiều lần.")
                .contains("60 phút");
        assertThat(locked.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(3500L, 3600L));
        assertThat(locked.body()).doesNotContain(d.id());

        // The page says so too, with the same status and header.
        var page = http.get("/track?code=" + d.code() + "&check=" + d.check(), "X-Forwarded-For", client);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Bạn đã tra cứu sai quá nhiều lần.").doesNotContain("track-result");

        assertThat(track(client, other.code(), other.check()).status()).isEqualTo(200);
    }

    @Test
    void aClientMakingManyWrongChecksIsRefusedOthersAreNot() {
        Tracked d = accepted();
        String client = client();
        for (int i = 0; i < 20; i++) {
            assertThat(track(client, "UBND-26740-000000-" + (1000 + i), "1234").status()).isEqualTo(404);
        }
        var refused = track(client, d.code(), d.check());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 45L));
        assertThat(track("198.18.0." + ThreadLocalRandom.current().nextInt(1, 255), d.code(), d.check()).status())
                .isEqualTo(200);
    }

    @Test
    void theDossierIdIsNotATrackingCode() {
        Tracked d = accepted();
        var byId = track(client(), d.id(), d.check());
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.json().get("code").asString()).isEqualTo("dossier.track.notFound");
        assertThat(track(client(), d.code(), d.check()).status()).isEqualTo(200);
    }
}
