package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/** The public units API contract used by external checks (no login). */
@IntegrationTest
class TerritoryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TerritoryReferenceData data;
    Http http;

    @BeforeEach
    void setUp() {
        data.ensureLoaded();
        http = new Http(port);
    }

    @Test
    void unitByCodeAsOfADate() {
        var before = http.get("/api/v1/units/26737?asOf=2025-06-30");
        assertThat(before.status()).isEqualTo(200);
        JsonNode b = before.json();
        assertThat(b.get("code").asString()).isEqualTo("26737");
        assertThat(b.get("name").asString()).isEqualTo("Phường Đa Kao");
        assertThat(b.get("type").asString()).isEqualTo("WARD");
        assertThat(b.get("parentCode").asString()).isEqualTo("760");
        assertThat(b.get("validTo").asString()).isEqualTo("2025-07-01");

        JsonNode a = http.get("/api/v1/units/26737?asOf=2025-07-01").json();
        assertThat(a.get("name").asString()).isEqualTo("Phường Tân Định");
        assertThat(a.get("parentCode").asString()).isEqualTo("79");
        assertThat(a.get("validFrom").asString()).isEqualTo("2025-07-01");
        assertThat(a.get("validTo").isNull()).isTrue();

        JsonNode hcmc = http.get("/api/v1/units/79").json();
        assertThat(hcmc.get("type").asString()).isEqualTo("MUNICIPALITY");
        assertThat(hcmc.get("parentCode").isNull()).isTrue();
    }

    @Test
    void unknownCodeOrDateGivesProblemDetails() {
        var missing = http.get("/api/v1/units/760?asOf=2025-07-01");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("760", "2025-07-01");

        var english = http.get("/api/v1/units/99999?asOf=2025-07-01", "Accept-Language", "en");
        assertThat(english.json().get("detail").asString()).isEqualTo("No administrative unit had code 99999 on 2025-07-01.");

        var badDate = http.get("/api/v1/units/79?asOf=30-06-2025");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).doesNotContain("Exception");
    }

    @Test
    void successorsCarryShareAndEffectiveDate() {
        var r = http.get("/api/v1/units/26737/successors?asOf=2025-06-30");
        assertThat(r.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode s : r.json()) {
            rows.add(s.get("code").asString() + " " + s.get("name").asString() + " " + s.get("share").asString()
                    + " " + s.get("effective").asString());
        }
        assertThat(rows).containsExactlyInAnyOrder("26737 Phường Tân Định PARTIAL 2025-07-01",
                "26740 Phường Sài Gòn PARTIAL 2025-07-01");

        JsonNode benNghe = http.get("/api/v1/units/26740/successors?asOf=2025-06-30").json();
        assertThat(benNghe).hasSize(1);
        assertThat(benNghe.get(0).get("share").asString()).isEqualTo("FULL");

        assertThat(http.get("/api/v1/units/26740/successors?asOf=2025-07-01").json()).isEmpty();
    }

    @Test
    void childrenAsOfADate() {
        JsonNode after = http.get("/api/v1/units?parent=79&asOf=2025-07-01").json();
        assertThat(after).hasSize(168);
        assertThat(after.get(0).get("parentCode").asString()).isEqualTo("79");
        JsonNode before = http.get("/api/v1/units?parent=79&asOf=2025-06-30").json();
        assertThat(before).hasSize(22);
        assertThat(before.get(0).get("type").asString()).isEqualTo("DISTRICT");
        assertThat(http.get("/api/v1/units?asOf=2025-07-01").json()).hasSize(34);
        assertThat(http.get("/api/v1/units?asOf=2025-06-30").json()).hasSize(63);
    }

    @Test
    void addressLookupAndAgenciesArePublic() {
        JsonNode r = http.get("/api/v1/address-lookup?commune=Da%20Kao&district=Quan%201&province=HCM").json();
        assertThat(r.get("outcome").asString()).isEqualTo("SPLIT");
        assertThat(r.get("ambiguous").asBoolean()).isTrue();
        assertThat(r.get("candidates")).hasSize(2);

        JsonNode agencies = http.get("/api/v1/units/26740/agencies?asOf=2025-07-01").json();
        assertThat(agencies).hasSize(3);
        assertThat(http.get("/api/v1/agencies/STP-79?asOf=2025-07-01").json().get("sector").asString()).isEqualTo("TU_PHAP");
    }
}
