package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.reading.Scans;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Digitisation at the counter: a scan generated here (DejaVu Sans, rotated, noisy) is uploaded by the reception officer,
 * read by Tesseract in the background, confirmed with the citizen's consent, and lands in the citizen's store with the
 * recognised personal ID, marked "số hóa bởi …", attached to the dossier; another citizen cannot read it.
 */
@IntegrationTest
class CounterDigitisationTest {

    static final List<String> RESIDENCE = List.of(
            "CÔNG AN PHƯỜNG SÀI GÒN",
            "GIẤY XÁC NHẬN CƯ TRÚ",
            "Họ và tên: Lê Thị Mai",
            "Số định danh cá nhân: 079185004321",
            "Nơi thường trú: 12 Lê Lợi, phường Sài Gòn",
            "Ngày 15/03/2025");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        accounts.save("congdan.so", "demo", "Lê Thị Mai", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.save("congdan.la", "demo", "Người lạ", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    Http.Response upload(String officer, byte[] png, String citizen, String dossierId) {
        String boundary = "b" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"citizen\"\r\n\r\n" + citizen
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dossierId\"\r\n\r\n" + dossierId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cu-tru.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(http.request("/api/v1/digitisations").header("Authorization", Http.basic(officer, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void aScanIsReadInTheBackgroundConfirmedWithConsentAndLandsInTheCitizensStoreAndTheDossier() {
        String dossier = DossierFixtures.acceptedThroughApi(http);
        byte[] png = Scans.png(Scans.scan(RESIDENCE, 1800, 800, 42f, 1.5, 0.005, 11));

        // Only a reception officer; the citizen must exist.
        assertThat(upload("congdan", png, "congdan.so", dossier).status()).isEqualTo(403);
        assertThat(upload("tiepnhan", png, "khong.co.ai", dossier).status()).isEqualTo(422);

        var up = upload("tiepnhan", png, "congdan.so", dossier);
        assertThat(up.status()).as(up.body()).isEqualTo(202);   // answered before OCR: it runs in the background
        String id = up.json().get("id").asString();
        assertThat(up.json().get("status").asString()).isIn("PENDING", "READING", "READ");

        JsonNode read = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> http.getAs("tiepnhan", "demo", "/api/v1/digitisations/" + id).json(),
                        j -> !List.of("PENDING", "READING").contains(j.get("status").asString()));
        assertThat(read.get("status").asString()).as(read.toString()).isEqualTo("READ");
        assertThat(read.get("text").asString()).contains("XÁC NHẬN CƯ TRÚ");
        JsonNode suggested = read.get("suggested");
        assertThat(suggested.get("personalId").asString()).isEqualTo("079185004321");
        assertThat(suggested.get("type").asString()).isEqualTo("Giấy xác nhận cư trú");
        assertThat(suggested.get("issuedOn").asString()).isEqualTo("2025-03-15");

        // No consent, no copy (never by default).
        String confirm = "/api/v1/digitisations/" + id + "/confirmation";
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("type", suggested.get("type").asString(),
                "issuer", "Công an phường Sài Gòn", "issuedOn", suggested.get("issuedOn").asString(),
                "fields", Map.of("personalId", suggested.get("personalId").asString(),
                        "fullName", suggested.path("fullName").asString("Lê Thị Mai"))));
        assertThat(http.postJson("tiepnhan", "demo", confirm, body).status()).isEqualTo(422);
        body.put("consent", true);
        assertThat(http.postJson("trakq", "demo", confirm, body).status()).isEqualTo(404);   // another officer's scan
        var done = http.postJson("tiepnhan", "demo", confirm, body);
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(http.postJson("tiepnhan", "demo", confirm, body).status()).isEqualTo(409);
        String docId = done.json().get("id").asString();

        // In the citizen's store: DIGITISED, by the officer, with the key field recognised.
        var mine = http.getAs("congdan.so", "demo", "/api/v1/me/data/documents/" + docId);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("source").asString()).isEqualTo("DIGITISED");
        assertThat(mine.json().get("type").asString()).isEqualTo("Giấy xác nhận cư trú");
        assertThat(mine.json().get("keyFields").get("personalId").asString()).isEqualTo("079185004321");
        assertThat(mine.json().get("digitisedBy").asString()).contains("Trần Thị Bình");
        assertThat(jdbc.sql("select consent_at is not null from wallet_document where id = ?")
                .param(UUID.fromString(docId)).query(Boolean.class).single()).isTrue();
        Http citizen = new Http(port);
        citizen.login("congdan.so", "demo");
        assertThat(citizen.get("/my/data").body()).contains("Số hóa bởi Trần Thị Bình");
        // Another citizen: 404, as for an unknown id.
        assertThat(http.getAs("congdan.la", "demo", "/api/v1/me/data/documents/" + docId).status()).isEqualTo(404);
        assertThat(http.getAs("congdan.la", "demo", "/api/v1/me/data/documents/" + docId + "/file").status()).isEqualTo(404);

        // Attached to the dossier with its store id, and counted as digitised.
        assertThat(jdbc.sql("select count(*) from dossier_attachment where dossier_id = ? and reused_document_id = ?")
                .params(UUID.fromString(dossier), UUID.fromString(docId)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from wallet_document where source = 'DIGITISED' and dossier_id = ?")
                .param(UUID.fromString(dossier)).query(Long.class).single()).isEqualTo(1);

        // The officer's pages: the link from the reception page, the upload form, the confirmed scan.
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        assertThat(officer.get("/workbench/dossiers/" + dossier).body()).contains("id=\"digitise-link\"")
                .contains("/workbench/digitise?dossier=" + dossier);
        assertThat(officer.get("/workbench/digitise?dossier=" + dossier).body()).contains("Số hóa giấy tờ tại bộ phận một cửa")
                .contains("value=\"" + dossier + "\"").contains("cu-tru.png");
        assertThat(officer.get("/workbench/digitise/" + id).body()).contains("Đã lưu vào kho dữ liệu của công dân");
        Http other = new Http(port);
        other.login("trakq", "demo");
        assertThat(other.get("/workbench/digitise/" + id).status()).isEqualTo(404);
    }
}
