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

/** The public places API (issue 17): names as people type them, old names through the lineage. */
@IntegrationTest
class PlacesApiTest {

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

    private JsonNode places(String query) {
        var r = http.get("/api/v1/places?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    @Test
    void aNameTypedWithoutDiacriticsFindsTheWardFirst() {
        for (String q : List.of("tan%20dinh", "T%C3%A2n%20%C4%90%E1%BB%8Bnh", "phuong%20tan%20dinh", "TAN%20DINH")) {
            JsonNode list = places("q=" + q + "&asOf=2025-07-01");
            JsonNode first = list.get(0);
            assertThat(first.get("code").asString()).as(q).isEqualTo("26737");
            assertThat(first.get("fullName").asString()).isEqualTo("Phường Tân Định");
            assertThat(first.get("type").asString()).isEqualTo("WARD");
            assertThat(first.get("current").asBoolean()).isTrue();
            assertThat(first.get("province").get("code").asString()).isEqualTo("79");
            assertThat(first.get("province").get("fullName").asString()).contains("Hồ Chí Minh");
            assertThat(first.get("successors")).isEmpty();
        }
        // Without asOf: today.
        assertThat(places("q=tan%20dinh").get(0).get("fullName").asString()).isEqualTo("Phường Tân Định");
    }

    @Test
    void anOldNameAnswersWithItsSuccessors() {
        JsonNode list = places("q=ben%20nghe&asOf=2025-07-01");
        JsonNode first = list.get(0);
        assertThat(first.get("fullName").asString()).isEqualTo("Phường Bến Nghé");
        assertThat(first.get("current").asBoolean()).isFalse();
        assertThat(first.get("province").get("code").asString()).isEqualTo("79");
        List<String> successors = new ArrayList<>();
        first.get("successors").forEach(s -> successors.add(s.get("code").asString() + " " + s.get("fullName").asString()));
        assertThat(successors).contains("26740 Phường Sài Gòn");

        // The day before the reorganisation the same name is current.
        JsonNode before = places("q=ben%20nghe&asOf=2025-06-30").get(0);
        assertThat(before.get("fullName").asString()).isEqualTo("Phường Bến Nghé");
        assertThat(before.get("current").asBoolean()).isTrue();
        assertThat(before.get("successors")).isEmpty();
    }

    @Test
    void currentPlacesComeBeforeAbolishedOnesAndLevelNarrows() {
        JsonNode list = places("q=sai%20gon&asOf=2025-07-01&level=COMMUNE");
        assertThat(list.get(0).get("fullName").asString()).isEqualTo("Phường Sài Gòn");
        list.forEach(p -> assertThat(p.get("type").asString()).isIn("WARD", "COMMUNE", "TOWNSHIP", "SPECIAL_ZONE"));
        boolean seenOld = false;
        for (JsonNode p : list) {
            if (!p.get("current").asBoolean()) {
                seenOld = true;
            } else {
                assertThat(seenOld).as("a current place after an abolished one").isFalse();
            }
        }
        JsonNode provinces = places("q=ho%20chi%20minh&level=PROVINCE");
        assertThat(provinces.get(0).get("code").asString()).isEqualTo("79");
        assertThat(provinces).hasSize(1);
    }

    @Test
    void badInputIsAProblem() {
        for (String q : List.of("/api/v1/places", "/api/v1/places?q=", "/api/v1/places?q=a", "/api/v1/places?q=%20%20",
                "/api/v1/places?q=" + "x".repeat(101), "/api/v1/places?q=tan&asOf=2025-13-01",
                "/api/v1/places?q=tan&limit=0", "/api/v1/places?q=tan&limit=51", "/api/v1/places?q=tan&level=STREET",
                "/api/v1/places?q=tan&province=7", "/api/v1/places?q=tan&province=ha%20noi")) {
            var r = http.get(q);
            assertThat(r.status()).as(q + " " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).as(q).startsWith("application/problem+json");
        }
        var vi = http.get("/api/v1/places?q=a");
        assertThat(vi.json().get("detail").asString()).contains("ít nhất 2");
    }

    @Test
    void provinceNarrowsTheSuggestions() {
        JsonNode everywhere = places("q=tan%20dinh&asOf=2025-07-01&level=COMMUNE&limit=20");
        assertThat(everywhere.findValuesAsString("code")).contains("26737", "22576");
        JsonNode khanhHoa = places("q=tan%20dinh&asOf=2025-07-01&level=COMMUNE&province=56");
        assertThat(khanhHoa).isNotEmpty();
        khanhHoa.forEach(p -> assertThat(p.get("province").get("code").asString()).isEqualTo("56"));
        assertThat(khanhHoa.get(0).get("code").asString()).isEqualTo("22576");
        JsonNode hcm = places("q=tan%20dinh&asOf=2025-07-01&level=COMMUNE&province=79&limit=3");
        assertThat(hcm.get(0).get("code").asString()).isEqualTo("26737");
        assertThat(hcm.size()).isLessThanOrEqualTo(3);
        // an old name counts where its successors are: Bình Dương's wards now belong to Ho Chi Minh City
        assertThat(hcm.findValuesAsString("code")).doesNotContain("22576");
        assertThat(places("q=tan%20dinh&asOf=2025-07-01&level=COMMUNE&province=01")).isEmpty();
    }
}
