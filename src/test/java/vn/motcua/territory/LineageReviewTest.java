package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Issue #14: the 2025 mapping's suspicious links are flagged at import, the three shipped corrections supersede the
 * wrong ones, and a correction posted by an administrator changes the old-address look-up at once.
 */
@IntegrationTest
class LineageReviewTest {

    @LocalServerPort
    int port;
    @Autowired
    TerritoryReferenceData data;
    @Autowired
    Territory territory;
    @Autowired
    TerritoryHistory history;
    @Autowired
    TerritoryChanges changes;
    Http http;

    static final LocalDate OLD = LocalDate.of(2025, 6, 30);

    @BeforeEach
    void setUp() {
        data.ensureLoaded();
        http = new Http(port);
    }

    @Test
    void theThreeWrongLinksAreFlaggedAndCorrected() {
        var r = http.getAs("kiemtra", "demo", "/api/v1/territory/lineage-review");
        assertThat(r.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode f : r.json()) {
            rows.add(f.get("oldCode").asString() + " " + f.get("kind").asString() + " → " + f.get("newCode").asString()
                    + " corrected=" + f.get("corrected").asBoolean() + " now="
                    + f.get("currentSuccessors").findValuesAsString("code"));
        }
        // A couple of dozen nationwide (issue #14), not hundreds: the checks stay reviewable.
        assertThat(rows).hasSizeBetween(15, 40).contains(
                "30622 OUTSIDE_PROVINCE → 30259 corrected=true now=[30604]",
                "30622 SAME_NAME_CLAIMED → 30259 corrected=true now=[30604]",
                "13768 SAME_NAME_CLAIMED → 13669 corrected=true now=[13753]",
                "17647 PARTIAL_SAME_NAME → 17357 corrected=true now=[17677]");

        JsonNode tanPhu = find(r.json(), "30622", "OUTSIDE_PROVINCE");
        assertThat(tanPhu.get("oldName").asString()).isEqualTo("Xã Tân Phú");
        assertThat(tanPhu.get("oldDistrict").asString()).isEqualTo("Huyện Châu Thành");
        assertThat(tanPhu.get("oldProvince").asString()).isEqualTo("Tỉnh An Giang");
        assertThat(tanPhu.get("newName").asString()).isEqualTo("Xã Tân Phú Trung");
        assertThat(tanPhu.get("explanation").asString())
                .contains("Xã Tân Phú", "Tỉnh Đồng Tháp", "Tỉnh An Giang", "nằm ngoài tỉnh mới");
        JsonNode hoaSon = find(r.json(), "17647", "PARTIAL_SAME_NAME");
        assertThat(hoaSon.get("explanation").asString()).contains("Xã Hoa Sơn", "17357", "Huyện Anh Sơn");

        var corrections = http.getAs("quantri", "demo", "/api/v1/territory/lineage-corrections");
        assertThat(corrections.status()).isEqualTo(200);
        assertThat(corrections.json().findValuesAsString("oldCode")).contains("30622", "13768", "17647");
    }

    @Test
    void anOldAddressIn30622NowRoutesToVinhAn() {
        JsonNode byCode = http.get("/api/v1/address-lookup?commune=30622").json();
        assertThat(byCode.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(byCode.get("candidates").findValuesAsString("code")).containsExactly("30604");
        assertThat(byCode.get("candidates").get(0).get("name").asString()).isEqualTo("Xã Vĩnh An");
        assertThat(byCode.get("underReview").asBoolean()).isFalse();   // corrected: trusted again
        assertThat(byCode.get("ambiguous").asBoolean()).isFalse();

        JsonNode byName = http.get("/api/v1/address-lookup?commune=T%C3%A2n%20Ph%C3%BA&district=Ch%C3%A2u%20Th%C3%A0nh&province=An%20Giang").json();
        assertThat(byName.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(byName.get("candidates").findValuesAsString("code")).containsExactly("30604");

        AdministrativeUnit old = territory.unit("30622", OLD).orElseThrow();
        assertThat(history.currentSuccessors(old, LocalDate.now())).extracting(AdministrativeUnit::code).containsExactly("30604");
        assertThat(territory.successors("30622", OLD)).extracting(s -> s.unit().code() + "/" + s.share())
                .containsExactly("30604/FULL");
        assertThat(territory.successors("13768", OLD)).extracting(s -> s.unit().fullName()).containsExactly("Xã Hiển Khánh");
        assertThat(territory.successors("17647", OLD)).extracting(s -> s.unit().code() + "/" + s.share())
                .containsExactly("17677/FULL");
        // Readings follow the correction, both ways: Tân Phú Trung no longer counts old 30622 among its predecessors.
        assertThat(territory.unit("30259", LocalDate.now()).map(u -> history.predecessors(u.code(), LocalDate.now())).orElseThrow())
                .extracting(p -> p.unit().code()).doesNotContain("30622").contains("30274");
    }

    @Test
    void aFlaggedLinkWithoutCorrectionIsNotTrustedForRouting() {
        // 31771 Xã Vĩnh Thành (h. Thạnh Trị, Sóc Trăng) → 31232 Xã Vĩnh Thạnh: flagged, not corrected.
        JsonNode r = http.get("/api/v1/address-lookup?commune=31771").json();
        assertThat(r.get("candidates").findValuesAsString("code")).containsExactly("31232");
        assertThat(r.get("underReview").asBoolean()).isTrue();
        assertThat(r.get("ambiguous").asBoolean()).as("goes to a person, not to a guess").isTrue();
        assertThat(history.lineageUnderReview(territory.unit("31771", OLD).orElseThrow())).isTrue();
        assertThat(history.lineageUnderReview(territory.unit("30622", OLD).orElseThrow())).isFalse();
        assertThat(http.get("/territory/lookup?commune=31771").body()).contains("id=\"under-review\"", "đang được cơ quan có thẩm quyền rà soát");
    }

    @Test
    void aPostedCorrectionChangesTheLookupAtOnceAndALaterOneSupersedesIt() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String p = "L" + n;
        LocalDate d1 = LocalDate.of(2033, 1, 1);
        LocalDate d2 = LocalDate.of(2034, 1, 1);
        changes.apply(UnitChanges.builder()
                .open(p, "Kiểm Tra " + n, "Tỉnh Kiểm Tra " + n, UnitType.PROVINCE, null)
                .open(p + "A", "An Lành " + n, "Xã An Lành " + n, UnitType.COMMUNE, p)
                .open(p + "B", "Bình Yên " + n, "Xã Bình Yên " + n, UnitType.COMMUNE, p)
                .open(p + "C", "Cát Tiên " + n, "Xã Cát Tiên " + n, UnitType.COMMUNE, p)
                .build(), d1, "Nghị quyết thử 1");
        changes.apply(UnitChanges.builder().close(p + "A").close(p + "B").close(p + "C")
                .open(p + "X", "Xuân " + n, "Xã Xuân " + n, UnitType.COMMUNE, p)
                .open(p + "Y", "Yên " + n, "Xã Yên " + n, UnitType.COMMUNE, p)
                .link(p + "A", p + "X", LineageKind.MERGE, Share.FULL)
                .link(p + "B", p + "X", LineageKind.MERGE, Share.FULL)
                .link(p + "C", p + "Y", LineageKind.RENAME, Share.FULL)
                .build(), d2, "Nghị quyết thử 2");
        String lookup = "/api/v1/address-lookup?commune=An%20L%C3%A0nh%20" + n + "&oldDate=" + d1 + "&asOf=" + d2;
        assertThat(http.get(lookup).json().get("candidates").findValuesAsString("code")).containsExactly(p + "X");

        var posted = http.postJson("quantri", "demo", "/api/v1/territory/lineage-corrections", Map.of(
                "oldCode", p + "A", "successors", List.of(Map.of("code", p + "Y", "share", "FULL")),
                "reason", "Xã An Lành được sắp xếp vào Xã Yên, không phải Xã Xuân", "legalBasis", "Nghị quyết thử 2"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("recordedBy").asString()).isEqualTo("quantri");
        assertThat(posted.json().get("current").asBoolean()).isTrue();
        JsonNode now = http.get(lookup).json();
        assertThat(now.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(now.get("candidates").findValuesAsString("code")).containsExactly(p + "Y");
        assertThat(http.get("/api/v1/units/" + p + "A/successors?asOf=" + d1).json().findValuesAsString("code"))
                .containsExactly(p + "Y");

        // A second correction of the same unit supersedes the first; both stay listed.
        var split = http.postJson("quantri", "demo", "/api/v1/territory/lineage-corrections", Map.of(
                "oldCode", p + "A", "oldDate", d1.toString(),
                "successors", List.of(Map.of("code", p + "X", "share", "PARTIAL"), Map.of("code", p + "Y", "share", "PARTIAL")),
                "reason", "Chia cho hai xã theo nghị quyết", "legalBasis", "Nghị quyết thử 2"));
        assertThat(split.status()).isEqualTo(201);
        JsonNode after = http.get(lookup).json();
        assertThat(after.get("outcome").asString()).isEqualTo("SPLIT");
        assertThat(after.get("candidates").findValuesAsString("code")).containsExactlyInAnyOrder(p + "X", p + "Y");
        List<String> mine = new ArrayList<>();
        for (JsonNode c : http.getAs("kiemtra", "demo", "/api/v1/territory/lineage-corrections").json()) {
            if (c.get("oldCode").asString().equals(p + "A")) {
                mine.add(c.get("successors").findValuesAsString("code") + " current=" + c.get("current").asBoolean());
            }
        }
        assertThat(mine).containsExactly("[" + p + "X, " + p + "Y] current=true", "[" + p + "Y] current=false");
    }

    @Test
    void onlyAnAdministratorMayCorrectAndOnlyOverseersMayReview() {
        Map<String, Object> body = Map.of("oldCode", "30622", "successors", List.of(Map.of("code", "30604", "share", "FULL")),
                "reason", "thử", "legalBasis", "thử");
        var officer = http.postJson("tiepnhan", "demo", "/api/v1/territory/lineage-corrections", body);
        assertThat(officer.status()).isEqualTo(403);
        assertThat(officer.contentType()).startsWith("application/problem+json");
        assertThat(http.postJson("kiemtra", "demo", "/api/v1/territory/lineage-corrections", body).status()).isEqualTo(403);
        assertThat(http.postJson(null, null, "/api/v1/territory/lineage-corrections", body).status()).isEqualTo(401);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/territory/lineage-review").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/territory/lineage-review").status()).isEqualTo(401);
    }

    @Test
    void badCorrectionsAreRefusedWithProblemDetails() {
        String path = "/api/v1/territory/lineage-corrections";
        List<Map<String, Object>> target = List.of(Map.of("code", "30604", "share", "FULL"));
        assertProblem(http.postJson("quantri", "demo", path, Map.of("oldCode", "30622", "successors", target,
                "legalBasis", "x")), 400, "lý do");
        assertProblem(http.postJson("quantri", "demo", path, Map.of("oldCode", "30622", "successors", List.of(),
                "reason", "x", "legalBasis", "x")), 400, "đơn vị mới");
        assertProblem(http.postJson("quantri", "demo", path, Map.of("oldCode", "30622",
                "successors", List.of(Map.of("code", "30604", "share", "HALF")), "reason", "x", "legalBasis", "x")), 400, "FULL");
        assertProblem(http.postJson("quantri", "demo", path, Map.of("oldCode", "99999", "successors", target,
                "reason", "x", "legalBasis", "x")), 422, "99999");
        assertProblem(http.postJson("quantri", "demo", path, Map.of("oldCode", "30622",
                "successors", List.of(Map.of("code", "30604", "share", "FULL"), Map.of("code", "30259", "share", "PARTIAL")),
                "reason", "x", "legalBasis", "x")), 422, "toàn bộ");
        assertProblem(http.postJson("quantri", "demo", path, Map.of("oldCode", "30604", "oldDate", "2025-07-01",
                "successors", target, "reason", "x", "legalBasis", "x")), 422, "vẫn còn hiệu lực");
        var malformed = http.send(http.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("quantri:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"oldCode\": ")).build());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        // Nothing was recorded by the refused requests: 30622 still follows the shipped correction only.
        assertThat(territory.successors("30622", OLD)).extracting(s -> s.unit().code()).containsExactly("30604");
    }

    private static void assertProblem(Http.Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains(detailContains);
    }

    private static JsonNode find(JsonNode flags, String oldCode, String kind) {
        for (JsonNode f : flags) {
            if (f.get("oldCode").asString().equals(oldCode) && f.get("kind").asString().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no flag " + kind + " for " + oldCode);
    }
}
