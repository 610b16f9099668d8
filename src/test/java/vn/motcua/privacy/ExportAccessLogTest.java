package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * An officer's download of a citizen's data export (JSON and PDF, from the data-request page) is in the access log: a
 * row (what EXPORT) for each of the citizen's dossiers, which the citizen sees beside each dossier; one row under the
 * request's id for a citizen without dossiers.
 */
@IntegrationTest
class ExportAccessLogTest extends ApiTest {

    @Autowired
    AccountService accounts;

    private String citizen() {
        String user = "congdan.xuat" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.save(user, "demo", "Lê Văn Xuất", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        return user;
    }

    private String accessRequest(String user) {
        var r = http.postJson(user, "demo", "/api/v1/me/data-requests", Map.of("kind", "ACCESS"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private long exports(UUID recordId, String purposeEnd) {
        return jdbc.sql("select count(*) from access_log where dossier_id = ? and who = 'kiemtra' and what = 'EXPORT' "
                        + "and purpose like ?")
                .params(recordId, "%" + purposeEnd).query(Long.class).single();
    }

    @Test
    void eachDownloadIsLoggedOnEachOfTheCitizensDossiers() {
        String user = citizen();
        UUID[] dossiers = new UUID[2];
        for (int i = 0; i < 2; i++) {
            String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
            var d = http.postJson(user, "demo", "/api/v1/dossiers",
                    DossierFixtures.birthSubmission(phone, "xuat." + phone + "@example.vn", DossierFixtures.SAI_GON));
            assertThat(d.status()).as(d.body()).isEqualTo(201);
            dossiers[i] = UUID.fromString(d.json().get("id").asString());
        }
        String request = accessRequest(user);
        Http officer = new Http(port);
        officer.login("kiemtra", "demo");
        var json = officer.get("/workbench/privacy/requests/" + request + "/export.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains(user);
        for (UUID d : dossiers) {
            assertThat(exports(d, "export.json")).isEqualTo(1);
            assertThat(exports(d, "export.pdf")).isZero();
        }
        byte[] pdf = officer.sendBytes(officer.request("/workbench/privacy/requests/" + request + "/export.pdf").GET().build());
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        for (UUID d : dossiers) {
            assertThat(exports(d, "export.pdf")).isEqualTo(1);
        }
        // The citizen sees it among who viewed their dossier.
        var log = http.getAs(user, "demo", "/api/v1/dossiers/" + dossiers[0] + "/access-log");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.json().findValuesAsString("what")).containsExactly("EXPORT", "EXPORT");
    }

    @Test
    void aCitizenWithoutDossiersHasTheDownloadLoggedUnderTheRequest() {
        String user = citizen();
        String request = accessRequest(user);
        Http officer = new Http(port);
        officer.login("kiemtra", "demo");
        assertThat(officer.get("/workbench/privacy/requests/" + request + "/export.json").status()).isEqualTo(200);
        assertThat(exports(UUID.fromString(request), "export.json")).isEqualTo(1);
    }
}
