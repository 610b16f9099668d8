package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The profile of the data store: validated when saved (personal ID agreeing with birth year and sex, phone, e-mail,
 * unit codes in force), read by other modules through {@link CitizenProfiles}, and prefilling the online e-form.
 */
@IntegrationTest
class CitizenProfileTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    CitizenProfiles profiles;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        accounts.save("congdan.hoso", "demo", "Trần Văn Bảo", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.save("congdan.moi", "demo", "Chưa khai", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    Map<String, Object> profile() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", "Trần Văn Bảo");
        p.put("personalId", "079088001234");   // 079 HCMC, 0 = man born in the 1900s, 88 = 1988
        p.put("birthDate", "1988-04-09");
        p.put("sex", "MALE");
        p.put("phone", "0912 345 678");
        p.put("email", "bao@example.vn");
        p.put("permanentUnitCode", DossierFixtures.SAI_GON);
        p.put("permanentDetail", "12 Lê Lợi");
        p.put("currentUnitCode", "26737");
        p.put("currentDetail", "5 Hai Bà Trưng");
        return p;
    }

    Http.Response put(Map<String, Object> body) {
        return http.send(http.request("/api/v1/me/data/profile").header("Authorization", Http.basic("congdan.hoso", "demo"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))).build());
    }

    @Test
    void aProfileIsValidatedPerFieldAndSavedAndReadBack() {
        Map<String, Object> bad = profile();
        bad.put("personalId", "079188001234");        // 1 = a woman: the profile says MALE
        bad.put("phone", "012345");
        bad.put("email", "bao@");
        bad.put("currentUnitCode", "26734");           // Tân Định before 1 July 2025: closed today
        var refused = put(bad);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").toString()).contains("\"personalId\"").contains("\"phone\"")
                .contains("\"email\"").contains("\"currentUnitCode\"").doesNotContain("\"permanentUnitCode\"")
                .contains("không khớp với năm sinh");
        bad = profile();
        bad.put("personalId", "07908800123");          // 11 digits
        assertThat(put(bad).json().get("errors").toString()).contains("12 chữ số");
        assertThat(http.getAs("congdan.moi", "demo", "/api/v1/me/data/profile").status()).isEqualTo(404);

        var saved = put(profile());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("phone").asString()).isEqualTo("0912345678");
        var read = http.getAs("congdan.hoso", "demo", "/api/v1/me/data/profile");
        assertThat(read.json().get("personalId").asString()).isEqualTo("079088001234");
        assertThat(read.json().get("currentUnitCode").asString()).isEqualTo("26737");
        // Other modules (form help) read it through the public type.
        assertThat(profiles.profile("congdan.hoso").orElseThrow().birthDate()).isEqualTo(java.time.LocalDate.of(1988, 4, 9));
        assertThat(profiles.profile("congdan.moi")).isEmpty();   // one who never saved a profile
        // Only the citizen's own profile: an officer is refused.
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/me/data/profile").status()).isEqualTo(403);
    }

    @Test
    void theOnlineEFormIsPrefilledFromTheProfileAndThePageShowsErrorsPerField() {
        assertThat(put(profile()).status()).isEqualTo(200);
        var prefill = http.getAs("congdan.hoso", "demo", "/api/v1/me/data/prefill");
        assertThat(prefill.status()).isEqualTo(200);
        assertThat(prefill.json().get("applicant.fullName").asString()).isEqualTo("Trần Văn Bảo");
        assertThat(prefill.json().get("applicant.birthDate").asString()).isEqualTo("1988-04-09");
        assertThat(prefill.json().get("applicant.residence").asString()).isEqualTo("26737");   // where they live now

        Http citizen = new Http(port);
        citizen.login("congdan.hoso", "demo");
        String form = citizen.get("/my/dossiers/new?procedure=" + DataStoreTest.CERTIFY_COPY).body();
        assertThat(form).contains("value=\"Trần Văn Bảo\"").contains("value=\"079088001234\"")
                .contains("value=\"0912345678\"").contains("value=\"26737\"").contains("value=\"5 Hai Bà Trưng\"")
                .contains("value=\"1988\"");
        // Without a profile the form starts empty.
        Http other = new Http(port);
        other.login("congdan", "demo");
        assertThat(other.get("/my/dossiers/new?procedure=" + DataStoreTest.CERTIFY_COPY).body())
                .doesNotContain("value=\"079088001234\"");

        // The page: a wrong phone is shown next to the form, in Vietnamese, and nothing is saved.
        var page = citizen.postForm("/my/data/profile", "/my/data", "fullName", "Trần Văn Bảo", "personalId",
                "079088001234", "birthDate", "1988-04-09", "sex", "MALE", "phone", "12", "permanentUnitCode", "26740");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Số điện thoại không hợp lệ").contains("id=\"profile-errors\"");
        assertThat(profiles.profile("congdan.hoso").orElseThrow().phone()).isEqualTo("0912345678");
        var ok = citizen.postForm("/my/data/profile", "/my/data", "fullName", "Trần Văn Bảo", "personalId",
                "079088001234", "birthDate", "1988-04-09", "sex", "MALE", "phone", "0987654321", "permanentUnitCode", "26740");
        assertThat(ok.status()).isIn(200, 302);
        assertThat(profiles.profile("congdan.hoso").orElseThrow().phone()).isEqualTo("0987654321");
        assertThat(citizen.get("/my/data").body()).contains("value=\"0987654321\"");
    }
}
