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
    vn.motcua.dossier.internal.ResultDeliveries deliveries;
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
        // Reuse rests on consent, never given by silence (motcua.privacy.consent.explicit-only, default true): the
        // citizen gives it on the data-store page, as they would before their first reuse.
        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        var given = citizen.postForm("/my/privacy/consent", "/my/data", "purpose", "DATA_STORE_REUSE", "action", "give",
                "back", "/my/data");
        assertThat(given.status()).isEqualTo(302);
        assertThat(given.raw().headers().firstValue("Location").orElse("")).endsWith("/my/data");
    }

    static String phone() {
        return "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    Http.Response post(String user, String path, Object body) {
        return http.postJson(user, "demo", path, body);
    }

    /** A birth registration by congdan, driven through the processing API to its returned result; the dossier id. */
    String returnedBirthCertificate() {
        return DossierFixtures.returnedOnline(http, deliveries);
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

    /** A multipart POST of {@code pdf} to the verification API, with no credentials (a member of the public). */
    Http.Response verifyAnonymously(byte[] pdf) {
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ket-qua.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(pdf);
        out.writeBytes(tail);
        return http.send(http.request("/api/v1/results/verify")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** An unsigned PDF larger than the anonymous cap of 64 KB: a page with an image of noise (incompressible). */
    static byte[] bigUnsignedPdf() throws java.io.IOException {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            var img = new java.awt.image.BufferedImage(220, 220, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var random = new java.util.Random(7);
            for (int x = 0; x < 220; x++) {
                for (int y = 0; y < 220; y++) {
                    img.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 400);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void anyoneChecksAResultFileOfMoreThan64KbARevokedResultSaysSoAndOnlyItsAgencyRevokes() throws Exception {
        // The anonymous cap stays 64 KB everywhere else.
        var limits = new vn.motcua.platform.api.BodyLimits(org.springframework.util.unit.DataSize.ofKilobytes(64),
                org.springframework.util.unit.DataSize.ofMegabytes(16), null,
                Map.of("/api/v1/results/verify", org.springframework.util.unit.DataSize.ofMegabytes(10)), 4096, 128);
        assertThat(limits.limitFor("/api/v1/results/verify", true)).isEqualTo(10L * 1024 * 1024);
        assertThat(limits.limitFor("/api/v1/eforms/validate", true)).isEqualTo(64L * 1024);

        // An unsigned PDF over 64 KB: accepted for checking without credentials, and said to be unsigned.
        byte[] unsigned = bigUnsignedPdf();
        assertThat(unsigned.length).isGreaterThan(64 * 1024);
        var u = verifyAnonymously(unsigned);
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        assertThat(u.json().get("valid").asBoolean()).isFalse();
        assertThat(u.json().get("signed").asBoolean()).isFalse();
        assertThat(u.json().get("status").asString()).contains("không có chữ ký");

        String code = resultOf(returnedBirthCertificate()).get("verificationCode").asString();
        byte[] pdf = vault.open(jdbc.sql("select content from wallet_document where verification_code = ?").param(code)
                .query((rs, n) -> rs.getBytes(1)).single(), "wallet_document.content");
        var ok = verifyAnonymously(pdf);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("document").asString()).isEqualTo("Giấy khai sinh");
        byte[] modified = pdf.clone();
        modified[modified.length / 3] ^= 1;   // inside the signed range
        var bad = verifyAnonymously(modified);
        assertThat(bad.json().get("valid").asBoolean()).isFalse();
        assertThat(bad.json().get("signed").asBoolean()).isTrue();
        assertThat(bad.json().get("status").asString()).contains("đã bị thay đổi");

        // The page: the same check by upload, for anyone.
        Http visitor = new Http(port);
        String token = Http.csrfToken(visitor.get("/verify").body());
        String boundary = "b" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sua.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(modified);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var page = visitor.send(visitor.request("/verify").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("đã bị thay đổi sau khi ký").contains("sua.pdf");

        // Revocation: a reason is required; an officer of no post in the issuing agency is refused.
        accounts.save("canbo.khac", "demo", "Cán bộ khác", Audience.OFFICER, Set.of(Role.UNIT_LEADER), false);
        String path = "/api/v1/results/" + code + "/revocation";
        assertThat(post("lanhdao", path, Map.of("reason", " ")).status()).isEqualTo(422);
        var foreign = post("canbo.khac", path, Map.of("reason", "Cấp sai"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(post("congdan", path, Map.of("reason", "Cấp sai")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/results/verify?code=" + code).json().get("valid").asBoolean()).isTrue();
        var revoked = post("lanhdao", path, Map.of("reason", "Cấp nhầm họ tên người được khai sinh"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(post("lanhdao", path, Map.of("reason", "Lần nữa")).status()).isEqualTo(409);

        var after = http.get("/api/v1/results/verify?code=" + code).json();
        assertThat(after.get("valid").asBoolean()).isFalse();
        assertThat(after.get("revoked").asBoolean()).isTrue();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(after.get("revokedOn").asString()).isEqualTo(today);
        assertThat(after.get("status").asString()).startsWith("đã thu hồi ngày ");
        assertThat(verifyAnonymously(pdf).json().get("valid").asBoolean()).isFalse();
        assertThat(new Http(port).get("/verify?code=" + code).body()).contains("Đã thu hồi")
                .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                        .format(java.time.LocalDate.parse(today)));
        // A revoked result is no longer offered for reuse.
        String docId = jdbc.sql("select id from wallet_document where verification_code = ?").param(code)
                .query(String.class).single();
        var reuse = post("congdan", "/api/v1/dossiers", certifyCopy(phone(), List.of(Map.of("reuse", docId))));
        assertThat(reuse.status()).as(reuse.body()).isIn(404, 422);

        // The officer's page.
        Http leader = new Http(port);
        leader.login("lanhdao", "demo");
        assertThat(leader.get("/workbench/results/revoke?code=" + code).body()).contains("Đã thu hồi");
    }

    @Test
    void theStorePageShowsTheClosedWardAsItWasAndTheWardCompetentNow() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Giấy chứng nhận quyền sử dụng đất");
        body.put("issuer", "UBND phường Tân Định");
        body.put("issuerUnitCode", "26734");
        body.put("issuedOn", "2019-06-01");
        body.put("fileName", "so-do.pdf");
        body.put("contentBase64", DossierFixtures.PDF_B64);
        var up = post("congdan.kho", "/api/v1/me/data/documents", body);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Http citizen = new Http(port);
        citizen.login("congdan.kho", "demo");
        String page = citizen.get("/my/data").body();
        assertThat(page).contains("UBND phường Tân Định").contains("Nay là: ").contains("vẫn giữ nguyên giá trị");
        String name = up.json().get("competentNow").get(0).get("name").asString();
        assertThat(page).contains("Nay là: " + name);
    }

    @Test
    void officersReadAStoreDocumentOnlyThroughADossierWhereItWasReusedAndEveryReadIsLogged() {
        String birth = returnedBirthCertificate();
        String docId = resultOf(birth).get("id").asString();
        var r = post("congdan", "/api/v1/dossiers", certifyCopy(phone(), List.of(Map.of("reuse", docId))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String dossier = r.json().get("id").asString();
        String agency = r.json().path("agency").path("code").isString() ? r.json().path("agency").path("code").asString() : null;
        String officer = "UBND-26740".equals(agency) ? "tiepnhan" : "quantri";

        // Not outside a dossier: the citizen's API is the citizen's.
        assertThat(http.getAs(officer, "demo", "/api/v1/me/data/documents/" + docId).status()).isEqualTo(403);
        assertThat(http.getAs(officer, "demo", "/api/v1/me/data/documents/" + docId + "/file").status()).isEqualTo(403);
        long before = jdbc.sql("select count(*) from access_log where dossier_id = ? and purpose like '%/attachments/store/%'")
                .param(UUID.fromString(dossier)).query(Long.class).single();

        // Through the dossier where it was reused: the file, and a row in the access log.
        var read = http.getAs(officer, "demo", "/api/v1/dossiers/" + dossier + "/attachments/store/" + docId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/pdf");
        var rows = jdbc.sql("""
                        select who, what, purpose from access_log where dossier_id = ? and purpose like '%/attachments/store/%'
                        order by id desc""")
                .param(UUID.fromString(dossier)).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getString(3)).list();
        assertThat(rows).hasSize((int) before + 1);
        assertThat(rows.get(0)).isEqualTo(officer + "|ATTACHMENT|GET /api/v1/dossiers/{id}/attachments/store/{documentId}");

        // Not through a dossier where it was not submitted (the birth registration it came out of), nor an unknown one.
        assertThat(http.getAs(officer, "demo", "/api/v1/dossiers/" + birth + "/attachments/store/" + docId).status())
                .isEqualTo(404);
        assertThat(http.getAs(officer, "demo", "/api/v1/dossiers/" + dossier + "/attachments/store/" + UUID.randomUUID())
                .status()).isEqualTo(404);
        // An officer with no post in the dossier's agency: 403, and nothing read.
        accounts.save("canbo.xem", "demo", "Cán bộ xem", Audience.OFFICER, Set.of(Role.HANDLING_OFFICER), false);
        assertThat(http.getAs("canbo.xem", "demo", "/api/v1/dossiers/" + dossier + "/attachments/store/" + docId).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from access_log where who = 'canbo.xem'").query(Long.class).single()).isZero();
        // Another citizen: 404.
        assertThat(http.getAs("congdan.kho", "demo", "/api/v1/dossiers/" + dossier + "/attachments/store/" + docId).status())
                .isIn(403, 404);
    }
}
