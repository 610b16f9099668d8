package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Who may submit through the API, as the lean API chain decides it (session 10): the applicant's and the reception
 * officer's roles only, always as problem details, and never through a web session — the API keeps no state.
 */
@IntegrationTest
class SubmissionSecurityTest extends ApiTest {


    private Http.Response submitAs(String user, String key) {
        String phone = IntakeApiTest.phone();
        return http.postJson(user, "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "s." + phone + "@example.vn", DossierFixtures.SAI_GON),
                "Idempotency-Key", key);
    }

    private long dossiersWithKey(String key) {
        return jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(key).query(Long.class).single();
    }

    @Test
    void anOfficerWithoutTheReceptionRoleIsRefusedWithProblemDetailsAndNothingIsStored() {
        String key = UUID.randomUUID().toString();
        var r = submitAs("chuyenvien", key);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(403);
        assertThat(dossiersWithKey(key)).isZero();
    }

    @Test
    void withoutCredentialsTheAnswerIs401ProblemDetails() {
        String key = UUID.randomUUID().toString();
        var r = submitAs(null, key);
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(dossiersWithKey(key)).isZero();
    }

    @Test
    void theApplicantAndTheReceptionOfficerMaySubmitAndNoSessionIsCreated() {
        for (String user : new String[]{"congdan", "tiepnhan"}) {
            String key = UUID.randomUUID().toString();
            var r = submitAs(user, key);
            assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(201);
            assertThat(r.raw().headers().allValues("Set-Cookie")).as(user).noneMatch(c -> c.startsWith("SESSION="));
            assertThat(dossiersWithKey(key)).as(user).isEqualTo(1);
        }
    }

    @Test
    void aSignedInWebSessionDoesNotAuthenticateAnApiCall() {
        var login = http.login("congdan", "demo");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.raw().headers().firstValue("Location").orElse("")).doesNotContain("error");
        // The same client (its session cookie kept) without an Authorization header.
        assertThat(http.get("/my").status()).as("the session works for pages").isEqualTo(200);
        String phone = IntakeApiTest.phone();
        String key = UUID.randomUUID().toString();
        String body = JsonMapper.builder().build().writeValueAsString(
                DossierFixtures.birthSubmission(phone, "w." + phone + "@example.vn", DossierFixtures.SAI_GON));
        var r = http.send(http.request("/api/v1/dossiers").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(dossiersWithKey(key)).isZero();
    }
}
