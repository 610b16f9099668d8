package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.privacy.internal.Register;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * GET /api/v1/me/data-export (issue 21): a citizen's own data — account, dossiers with applicant data and form content,
 * attachments' metadata, history, notifications, who viewed — with every registered personal field, and nothing of
 * another citizen.
 */
@IntegrationTest
class DataExportTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JsonMapper json;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    @Test
    void aCitizenGetsAllTheirDataAndNothingOfAnyoneElse() {
        accounts.save("congdan.xuat", "demo", "Lý Thị Xuất", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.setEmail("congdan.xuat", "xuat@example.vn");
        accounts.save("congdan.khac2", "demo", "Phạm Văn Khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        String mine = IntakeApiTest.phone();
        String theirs = IntakeApiTest.phone();
        var body = DossierFixtures.birthSubmission(mine, "xuat." + mine + "@example.vn", DossierFixtures.SAI_GON);
        var r = http.postJson("congdan.xuat", "demo", "/api/v1/dossiers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(http.postJson("congdan.khac2", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(theirs, "khac." + theirs + "@example.vn", DossierFixtures.SAI_GON))
                .status()).isEqualTo(201);
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", java.util.Map.of()).status())
                .isEqualTo(200);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(200); // logged

        var export = http.getAs("congdan.xuat", "demo", "/api/v1/me/data-export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode doc = export.json();
        assertThat(doc.get("account").get(0).get("display_name").asString()).isEqualTo("Lý Thị Xuất");
        assertThat(doc.get("account").get(0).get("email").asString()).isEqualTo("xuat@example.vn");
        assertThat(doc.get("dossiers")).hasSize(1);
        JsonNode d = doc.get("dossiers").get(0);
        assertThat(d.get("id").asString()).isEqualTo(id);
        assertThat(d.get("applicant_phone").asString()).isEqualTo(mine);
        assertThat(d.get("applicant_personal_id").asString()).isEqualTo("079190012345");
        assertThat(d.get("form_data").get("child").get("fullName").asString()).isEqualTo("Trần Minh Khôi");
        assertThat(doc.get("attachments").get(0).get("file_name").asString()).isEqualTo("giay-chung-sinh.pdf");
        assertThat(doc.get("attachments").get(0).has("content")).as("files as metadata only").isFalse();
        assertThat(doc.get("attachments").get(0).get("sha256").asString()).hasSize(64);
        assertThat(doc.get("events").findValuesAsString("type")).contains("SUBMITTED", "ACCEPTED");
        assertThat(doc.get("accessLog").get(0).get("who_name").asString()).isEqualTo("Trần Thị Bình");
        assertThat(doc.get("accessLog").get(0).has("who")).isFalse();
        assertThat(doc.has("notifications")).isTrue();
        assertThat(export.body()).doesNotContain("password_hash", "{bcrypt}", theirs, "Phạm Văn Khác");

        // Every registered personal column of every table that has rows of this citizen is in the export.
        Register register = Register.load(json);
        for (Register.Table t : register.tables()) {
            if (t.subject() == null) {
                continue;
            }
            JsonNode rows = doc.get(t.exportAs());
            assertThat(rows).as(t.table()).isNotNull();
            if (!rows.isEmpty()) {
                for (String column : t.exported()) {
                    assertThat(rows.get(0).has(column)).as(t.table() + "." + column).isTrue();
                }
            }
        }
        assertThat(doc.get("notifications")).as("the acceptance notice").isNotEmpty();

        // Only citizens, each their own.
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/me/data-export").status()).isEqualTo(403);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/me/data-export").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/me/data-export").status()).isEqualTo(401);
        var other = http.getAs("congdan.khac2", "demo", "/api/v1/me/data-export");
        assertThat(other.body()).contains(theirs).doesNotContain(mine, id, "Lý Thị Xuất");
    }
}
