package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
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
 * Consent to reuse from the data store (issue 21): recorded when the citizen puts a document or their profile in the
 * store; after a withdrawal no reuse offer, no attaching and no prefill, and a new upload does not undo it; given again,
 * all comes back; the export shows the decisions. The e-form carries the purpose notice.
 */
@IntegrationTest
class ReuseConsentTest {

    private static final String USER = "congdan.dongy";
    private static final String CERTIFY_COPY = "2.000815";

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        accounts.save(USER, "demo", "Ngô Thị Đồng Ý", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    String upload() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Giấy khai sinh");
        body.put("issuer", "UBND phường Sài Gòn");
        body.put("issuedOn", "2024-03-01");
        body.put("fileName", "khai-sinh.pdf");
        body.put("contentBase64", DossierFixtures.PDF_B64);
        var up = http.postJson(USER, "demo", "/api/v1/me/data/documents", body);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        return up.json().get("id").asString();
    }

    Http.Response consent(String method) {
        return http.send(http.request("/api/v1/me/consents/DATA_STORE_REUSE").header("Authorization", Http.basic(USER, "demo"))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    Http.Response putProfile() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", "Ngô Thị Đồng Ý");
        p.put("phone", "0912345678");
        return http.send(http.request("/api/v1/me/data/profile").header("Authorization", Http.basic(USER, "demo"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(p))).build());
    }

    Map<String, Object> certifyCopy(String docId) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", "Ngô Thị Đồng Ý");
        applicant.put("birthDate", "1990-05-12");
        applicant.put("personalId", "079190012345");
        applicant.put("phone", "0912345678");
        applicant.put("residence", DossierFixtures.SAI_GON);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant);
        form.put("documents", List.of(Map.of("title", "Giấy khai sinh", "copies", 1)));
        form.put("resultDelivery", "COUNTER");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", CERTIFY_COPY);
        body.put("applicant", Map.of("kind", "PERSON", "name", "Ngô Thị Đồng Ý", "personalId", "079190012345",
                "phone", "0912345678"));
        body.put("address", Map.of("unitCode", DossierFixtures.SAI_GON, "line", "12 Lê Lợi"));
        body.put("form", form);
        body.put("attachments", List.of(Map.of("reuse", docId)));
        return body;
    }

    @Test
    void consentIsRecordedAndAWithdrawalStopsReuseAndPrefillUntilGivenAgain() {
        assertThat(http.getAs(USER, "demo", "/api/v1/me/consents").json().get(0).get("given").asBoolean()).isFalse();
        String doc = upload();
        assertThat(putProfile().status()).isEqualTo(200);
        var state = http.getAs(USER, "demo", "/api/v1/me/consents").json().get(0);
        assertThat(state.get("given").asBoolean()).isTrue();
        assertThat(state.get("source").asString()).isEqualTo("upload to the data store");
        assertThat(http.getAs(USER, "demo", "/api/v1/me/data/prefill").json().path("applicant.fullName").asString())
                .isEqualTo("Ngô Thị Đồng Ý");

        Http page = new Http(port);
        page.login(USER, "demo");
        String form = page.get("/my/dossiers/new?procedure=" + CERTIFY_COPY).body();
        assertThat(form).contains("value=\"" + doc + "\"").contains("value=\"0912345678\"").contains("id=\"purpose-notice\"")
                .contains("Mục đích xử lý dữ liệu cá nhân").contains("Hồ sơ được lưu trữ 2 năm");

        // Withdrawn: no offer, no prefill, no attaching (as for a document one does not hold), and an upload does
        // not give it back.
        var withdrawn = consent("DELETE");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("given").asBoolean()).isFalse();
        assertThat(withdrawn.json().get("action").asString()).isEqualTo("WITHDRAWN");
        assertThat(http.getAs(USER, "demo", "/api/v1/me/data/prefill").json().isEmpty()).isTrue();
        assertThat(page.get("/my/dossiers/new?procedure=" + CERTIFY_COPY).body()).doesNotContain(doc)
                .doesNotContain("value=\"0912345678\""); // the profile's phone (the name comes from the account)
        assertThat(http.postJson(USER, "demo", "/api/v1/dossiers", certifyCopy(doc)).status()).isEqualTo(404);
        String second = upload();
        assertThat(http.getAs(USER, "demo", "/api/v1/me/consents").json().get(0).get("given").asBoolean()).isFalse();
        assertThat(page.get("/my/dossiers/new?procedure=" + CERTIFY_COPY).body()).doesNotContain(second);

        // The export shows both decisions, in order.
        var export = http.getAs(USER, "demo", "/api/v1/me/data-export").json().get("consents");
        assertThat(export.findValuesAsString("action")).containsExactly("GIVEN", "WITHDRAWN");

        // Given again (on the citizen's page): reuse and prefill are back.
        String token = page.get("/my/privacy").body();
        assertThat(token).contains("id=\"consent-give\"");
        var given = page.postForm("/my/privacy/consent", "/my/privacy", "purpose", "DATA_STORE_REUSE", "action", "give");
        assertThat(given.status()).isEqualTo(302);
        assertThat(http.getAs(USER, "demo", "/api/v1/me/data/prefill").json().path("applicant.fullName").asString())
                .isEqualTo("Ngô Thị Đồng Ý");
        var r = http.postJson(USER, "demo", "/api/v1/dossiers", certifyCopy(doc));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(http.getAs(USER, "demo", "/api/v1/me/data-export").json().get("consents").findValuesAsString("action"))
                .containsExactly("GIVEN", "WITHDRAWN", "GIVEN");

        assertThat(consent("PUT").status()).as("giving twice logs nothing new").isEqualTo(200);
        assertThat(http.getAs(USER, "demo", "/api/v1/me/data-export").json().get("consents")).hasSize(3);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/me/consents").status()).isEqualTo(403);
    }
}
