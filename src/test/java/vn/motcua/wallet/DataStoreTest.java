package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The citizen's data store through the public API: a result enters it when returned, is reused in the next dossier
 * without an upload (the officer sees "Tái sử dụng"), verifies by its code; another citizen can neither read nor reuse
 * it; a document of a closed ward shows the ward that succeeds it.
 */
@IntegrationTest
class DataStoreTest {

    /** Chứng thực bản sao từ bản chính: needs the original document, at the ward. */
    static final String CERTIFY_COPY = "2.000815";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.privacy.Vault vault;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        accounts.save("congdan.kho", "demo", "Công dân khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    static String phone() {
        return "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    Http.Response post(String user, String path, Object body) {
        return http.postJson(user, "demo", path, body);
    }

    /** A birth registration by congdan, driven through the processing API to its returned result; the dossier id. */
    String returnedBirthCertificate() {
        String id = DossierFixtures.acceptedThroughApi(http);
        String base = "/api/v1/dossiers/" + id + "/";
        assertThat(post("chuyenvien", base + "claim", Map.of()).status()).isEqualTo(200);
        var fwd = post("chuyenvien", base + "forward", Map.of("note", "Đủ điều kiện"));
        assertThat(fwd.status()).as(fwd.body()).isEqualTo(200);
        var decide = post("lanhdao", base + "decision", Map.of("outcome", "APPROVED", "summary", "Cấp Giấy khai sinh"));
        assertThat(decide.status()).as(decide.body()).isEqualTo(200);
        var ret = post("tiepnhan", base + "result-return", Map.of("delivery", "ONLINE"));
        assertThat(ret.status()).as(ret.body()).isEqualTo(200);
        return id;
    }

    JsonNode resultOf(String dossierId) {
        var list = http.getAs("congdan", "demo", "/api/v1/me/data/documents");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        String code = jdbc.sql("select code from dossier where id = ?").param(UUID.fromString(dossierId))
                .query(String.class).single();
        for (JsonNode d : list.json()) {
            if (d.path("dossierCode").isString() && code.equals(d.path("dossierCode").asString())) {
                return d;
            }
        }
        throw new AssertionError("no result of " + code + " in " + list.body());
    }

    Map<String, Object> certifyCopy(String phone, List<Map<String, Object>> attachments) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", "Nguyễn Thị Thủy Tiên");
        applicant.put("birthDate", "1990-05-12");
        applicant.put("personalId", "079190012345");
        applicant.put("phone", phone);
        applicant.put("residence", DossierFixtures.SAI_GON);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant);
        form.put("documents", List.of(Map.of("title", "Giấy khai sinh", "copies", 2)));
        form.put("resultDelivery", "COUNTER");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", CERTIFY_COPY);
        body.put("applicant", Map.of("kind", "PERSON", "name", "Nguyễn Thị Thủy Tiên", "personalId", "079190012345",
                "phone", phone));
        body.put("address", Map.of("unitCode", DossierFixtures.SAI_GON, "line", "12 Lê Lợi"));
        body.put("form", form);
        body.put("attachments", attachments);
        return body;
    }

    @Test
    void aReturnedResultIsReusedInTheNextDossierWithoutAnUploadAndTheOfficerSeesItReused() {
        String birth = returnedBirthCertificate();
        JsonNode doc = resultOf(birth);
        assertThat(doc.get("source").asString()).isEqualTo("RESULT");
        assertThat(doc.get("type").asString()).isEqualTo("Giấy khai sinh");
        assertThat(doc.get("issuer").asString()).isNotBlank();
        assertThat(doc.get("issuedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(doc.get("validUntil").isNull()).isTrue();
        assertThat(doc.get("name").asString()).isNotBlank();
        String docId = doc.get("id").asString();

        // The store's file is the result, stamped with its verification code.
        var file = http.getAs("congdan", "demo", "/api/v1/me/data/documents/" + docId + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/pdf");

        // The pages: my documents, and the e-form of the next procedure offers it for reuse ("dùng lại").
        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        assertThat(citizen.get("/my/data").body()).contains("Kho dữ liệu của tôi").contains(docId)
                .contains("Kết quả do Một cửa cấp");
        assertThat(citizen.get("/my/dossiers/new?procedure=" + CERTIFY_COPY).body()).contains("Dùng lại")
                .contains("value=\"" + docId + "\"");

        // Another citizen can neither read it nor reuse it: 404, as for an unknown id.
        assertThat(http.getAs("congdan.kho", "demo", "/api/v1/me/data/documents/" + docId).status()).isEqualTo(404);
        assertThat(http.getAs("congdan.kho", "demo", "/api/v1/me/data/documents/" + docId + "/file").status()).isEqualTo(404);
        assertThat(http.getAs("congdan.kho", "demo", "/api/v1/me/data/documents").body()).doesNotContain(docId);
        var stolen = post("congdan.kho", "/api/v1/dossiers", certifyCopy(phone(), List.of(Map.of("reuse", docId))));
        assertThat(stolen.status()).as(stolen.body()).isEqualTo(404);

        // The owner applies for a certified copy and reuses the birth certificate: no upload.
        var r = post("congdan", "/api/v1/dossiers", certifyCopy(phone(), List.of(Map.of("reuse", docId))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID dossier = UUID.fromString(r.json().get("id").asString());
        assertThat(jdbc.sql("select reused_document_id from dossier_attachment where dossier_id = ?").param(dossier)
                .query(UUID.class).list()).containsExactly(UUID.fromString(docId));
        assertThat(jdbc.sql("select data->>'reused' from dossier_event where dossier_id = ? and type = 'SUBMITTED'")
                .param(dossier).query(String.class).single()).isEqualTo("1");
        String agency = r.json().path("agency").path("code").isString() ? r.json().path("agency").path("code").asString() : null;

        // The officer of the agency it went to sees the file marked "Tái sử dụng" on the reception page.
        Http officer = new Http(port);
        officer.login("UBND-26740".equals(agency) ? "tiepnhan" : "quantri", "demo");
        String page = officer.get("/workbench/dossiers/" + dossier).body();
        assertThat(page).contains("Tái sử dụng");
    }

    @Test
    void resultsVerifyByTheirCodeAndAnUnknownCodeOrAModifiedFileDoesNot() {
        String birth = returnedBirthCertificate();
        JsonNode doc = resultOf(birth);
        String code = doc.get("verificationCode").asString();
        var ok = http.get("/api/v1/results/verify?code=" + code.toLowerCase());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("issuer").asString()).isEqualTo(doc.get("issuer").asString());
        assertThat(ok.json().get("issuedOn").asString()).isEqualTo(doc.get("issuedOn").asString());
        assertThat(ok.json().get("document").asString()).isEqualTo("Giấy khai sinh");

        var unknown = http.get("/api/v1/results/verify?code=ZZZZZZZZZZZZ");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("valid").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/results/verify?code=nonsense").json().get("valid").asBoolean()).isFalse();

        // The file itself verifies byte for byte; one changed byte does not.
        byte[] raw = jdbc.sql("select content from wallet_document where verification_code = ?").param(code)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(vn.motcua.privacy.Vault.sealed(raw)).as("stored encrypted (issue 21)").isTrue();
        byte[] pdf = vault.open(raw, "wallet_document.content");
        assertThat(ok.json().get("signed").asBoolean()).isTrue();
        try (var signed = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // PAdES: one CAdES-detached signature, by the demo agency certificate generated into the data directory.
            assertThat(signed.getSignatureDictionaries()).hasSize(1);
            assertThat(signed.getSignatureDictionaries().get(0).getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(signed)).contains("Mã xác thực");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(verifyFile(pdf)).isTrue();
        byte[] modified = pdf.clone();
        modified[modified.length / 2] ^= 1;
        assertThat(verifyFile(modified)).isFalse();
    }

    boolean verifyFile(byte[] pdf) {
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ket-qua.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        // A third party checks the file (signed in: anonymous bodies are capped at 64 KB by the platform).
        var res = http.send(http.request("/api/v1/results/verify")
                .header("Authorization", Http.basic("congdan.kho", "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return res.json().get("valid").asBoolean();
    }

    @Test
    void anUploadIsJudgedByTheAttachmentPolicyAndADocumentOfAClosedWardShowsItsSuccessor() {
        // 26734 was Phường Tân Định until 1 July 2025; it went wholly to the new Phường Tân Định (26737).
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Giấy xác nhận cư trú");
        body.put("issuer", "Công an phường Tân Định");
        body.put("issuerUnitCode", "26734");
        body.put("issuedOn", "2024-03-01");
        body.put("validUntil", "2099-12-31");
        body.put("fileName", "cu-tru.pdf");
        body.put("contentBase64", DossierFixtures.PDF_B64);
        var up = post("congdan", "/api/v1/me/data/documents", body);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("source").asString()).isEqualTo("UPLOAD");
        assertThat(up.json().get("issuer").asString()).isEqualTo("Công an phường Tân Định");
        assertThat(up.json().get("issuerUnit").get("code").asString()).isEqualTo("26734");
        assertThat(up.json().get("competentNow").toString()).contains("26737");
        String id = up.json().get("id").asString();
        assertThat(http.getAs("congdan", "demo", "/api/v1/me/data/documents").body()).contains(id);
        assertThat(http.getAs("congdan.kho", "demo", "/api/v1/me/data/documents/" + id).status()).isEqualTo(404);

        // A PNG named .pdf is refused by the dossiers' policy, the file named in the answer.
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        body.put("contentBase64", Base64.getEncoder().encodeToString(png));
        var bad = post("congdan", "/api/v1/me/data/documents", body);
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("cu-tru.pdf");

        // An expired document cannot be reused.
        body.put("contentBase64", DossierFixtures.PDF_B64);
        body.put("issuedOn", "2020-01-01");
        body.put("validUntil", "2021-01-01");
        var old = post("congdan", "/api/v1/me/data/documents", body);
        assertThat(old.status()).as(old.body()).isEqualTo(201);
        var reuse = post("congdan", "/api/v1/dossiers", certifyCopy(phone(), List.of(Map.of("reuse", old.json().get("id").asString()))));
        assertThat(reuse.status()).as(reuse.body()).isEqualTo(422);
    }
}
