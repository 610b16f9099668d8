package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Which file is which required document (issue 17): a submission may say it per attachment ({@code "document"},
 * checked against the procedure version); the dossier API and the readable dossier list the version's documents
 * (documents only) with the files given for each and "thiếu" where one is missing; files given without it are
 * matched by their names as before.
 */
@IntegrationTest
class RequiredDocumentsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    private Http.Response submit(List<Map<String, Object>> attachments) {
        String phone = IntakeApiTest.phone();
        Map<String, Object> body = DossierFixtures.birthSubmission(phone, "rd." + phone + "@example.vn",
                DossierFixtures.SAI_GON);
        body.put("attachments", attachments);
        return new Http(port).postJson("congdan", "demo", "/api/v1/dossiers", body);
    }

    private static Map<String, Object> file(String name, String document) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("fileName", name);
        m.put("contentBase64", DossierFixtures.PDF_B64);
        if (document != null) {
            m.put("document", document);
        }
        return m;
    }

    private JsonNode dossier(Http.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var r = new Http(port).getAs("tiepnhan", "demo", "/api/v1/dossiers/" + created.json().get("id").asString());
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode document(JsonNode dossier, String name) {
        for (JsonNode d : dossier.get("documents")) {
            if (d.get("name").asString().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("No document " + name + " in " + dossier.get("documents"));
    }

    private static List<String> names(JsonNode files) {
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.get("fileName").asString()));
        return out;
    }

    @Test
    void aFileSaidToBeADocumentIsListedAgainstIt() {
        JsonNode d = dossier(submit(List.of(file("scan-0001.pdf", "giay chung sinh"))));
        JsonNode birth = document(d, "Giấy chứng sinh");
        assertThat(birth.get("status").asString()).isEqualTo("FILE");
        assertThat(birth.get("missing").asBoolean()).isFalse();
        assertThat(names(birth.get("files"))).containsExactly("scan-0001.pdf");
        assertThat(d.get("otherFiles")).isEmpty();
        assertThat(d.get("attachments").get(0).get("document").asString()).as("stored as the catalogue names it")
                .isEqualTo("Giấy chứng sinh");
        // Documents only: no published notes among them.
        d.get("documents").forEach(doc -> assertThat(doc.get("name").asString()).doesNotStartWith("Lưu ý"));

        // The same file without "document" is matched by nothing (its name says nothing): another file.
        JsonNode unsaid = dossier(submit(List.of(file("scan-0001.pdf", null))));
        assertThat(names(unsaid.get("otherFiles"))).containsExactly("scan-0001.pdf");
        JsonNode missing = document(unsaid, "Giấy chứng sinh");
        assertThat(missing.get("status").asString()).isEqualTo("MISSING");
        assertThat(missing.get("missing").asBoolean()).isTrue();
        assertThat(missing.get("statusText").asString()).startsWith("Thiếu");
        assertThat(unsaid.get("attachments").get(0).get("document").isNull()).isTrue();
    }

    @Test
    void oldSubmissionsStillMatchByFileName() {
        JsonNode d = dossier(submit(List.of(file("giay-chung-sinh.pdf", null))));
        assertThat(names(document(d, "Giấy chứng sinh").get("files"))).containsExactly("giay-chung-sinh.pdf");
    }

    @Test
    void anUnknownDocumentIsRefusedAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from dossier_attachment").query(Long.class).single();
        var r = submit(List.of(file("giay-chung-sinh.pdf", null), file("ket-hon.pdf", "Giấy chứng nhận kết hôn của ông bà")));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo("attachments[1].document");
        assertThat(r.json().get("detail").asString()).contains("Giấy chứng nhận kết hôn của ông bà");
        List<String> offered = new ArrayList<>();
        r.json().get("documents").forEach(n -> offered.add(n.asString()));
        assertThat(offered).contains("Giấy chứng sinh");
        assertThat(jdbc.sql("select count(*) from dossier_attachment").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theReadablePageShowsTheFileAgainstItsDocument() {
        var created = submit(List.of(file("scan-0002.pdf", "Giấy chứng sinh")));
        assertThat(created.status()).isEqualTo(201);
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        String page = officer.get("/workbench/dossiers/" + created.json().get("id").asString()).body();
        String docs = page.substring(page.indexOf("id=\"documents-heading\""));
        String row = docs.substring(docs.indexOf("Giấy chứng sinh"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("scan-0002.pdf");
        assertThat(docs).doesNotContain("Tệp khác");
    }
}
