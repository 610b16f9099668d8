package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Officers and the applicant read the dossier (issue 17): the e-form with the schema's Vietnamese labels and unit
 * names instead of a map dump, the files against the required documents, and each file opens for those who may see
 * the dossier only.
 */
@IntegrationTest
class ReadableDossierTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    private String submit() {
        String phone = IntakeApiTest.phone();
        var r = new Http(port).postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "doc." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void receptionReadsTheFormInVietnameseWithPlaceNames() {
        String id = submit();
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        String page = officer.get("/workbench/dossiers/" + id).body();
        String form = page.substring(page.indexOf("id=\"form-heading\""), page.indexOf("id=\"documents-heading\""));
        assertThat(form).contains("Người yêu cầu", "Người được khai sinh", "Họ, chữ đệm và tên", "Trần Minh Khôi",
                "Giới tính", "Nam", "Nơi sinh (cơ sở y tế hoặc phường, xã)", "Phường Sài Gòn, Thành phố Hồ Chí Minh",
                "Thông tin người mẹ", "12/05/1990");
        // No raw keys, codes or map dumps.
        assertThat(form).doesNotContain("child", "birthPlace", "fullName", "resultDelivery", "gender", "NAM",
                ">26740<", "{", "=NAM", "COUNTER", "ONLINE");

        // The files against the documents: the birth certificate is there, and it opens.
        String docs = page.substring(page.indexOf("id=\"documents-heading\""));
        assertThat(docs).contains("Giấy chứng sinh").contains("giay-chung-sinh.pdf");
        String href = docs.replaceAll("(?s).*?href=\"(/workbench/dossiers/[^\"]+/attachments/[^\"]+)\".*", "$1");
        var file = officer.get(href);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("inline")
                .contains("giay-chung-sinh.pdf");
        assertThat(file.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        var download = officer.get(href + "?download=true");
        assertThat(download.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        // The processing page and the citizen's own page read the same way.
        String mine = loggedIn("congdan").get("/my/dossiers/" + id).body();
        assertThat(mine).contains("Người được khai sinh", "Trần Minh Khôi", "giay-chung-sinh.pdf").doesNotContain("birthPlace");
        // "Hồ sơ của tôi" says for whom and when.
        String list = loggedIn("congdan").get("/my").body();
        assertThat(list.substring(list.indexOf("id=\"my-dossiers\""))).contains("Trần Minh Khôi", "Ngày nộp");
    }

    private Http loggedIn(String user) {
        Http h = new Http(port);
        h.login(user, "demo");
        return h;
    }

    @Test
    void onlyThoseWhoMaySeeTheDossierOpenItsFiles() {
        String id = submit();
        var api = new Http(port);
        var full = api.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id);
        assertThat(full.status()).isEqualTo(200);
        String attachmentId = attachmentOf(id);
        String path = "/api/v1/dossiers/" + id + "/attachments/" + attachmentId;

        assertThat(api.getAs("congdan", "demo", path).status()).isEqualTo(200);
        assertThat(api.getAs("tiepnhan", "demo", path).status()).isEqualTo(200);
        assertThat(api.get(path).status()).isEqualTo(401);

        accounts.save("congdan2", "demo", "Lê Thị Hạnh", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        var other = api.getAs("congdan2", "demo", path);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("%PDF");
        var otherWeb = loggedIn("congdan2").get("/my/dossiers/" + id + "/attachments/" + attachmentId);
        assertThat(otherWeb.status()).isIn(403, 404);
        assertThat(otherWeb.body()).doesNotContain("%PDF");
        // An officer of another agency (Tân Định's reception) may not.
        accounts.save("tiepnhan2", "demo", "Ngô Văn Khánh", Audience.OFFICER, Set.of(Role.RECEPTION_OFFICER), false);
        assertThat(api.getAs("tiepnhan2", "demo", path).status()).isEqualTo(403);
        // A file of another dossier is not reached through this one.
        String otherId = submit();
        assertThat(api.getAs("congdan", "demo", "/api/v1/dossiers/" + otherId + "/attachments/" + attachmentId).status())
                .isEqualTo(404);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String attachmentOf(String dossierId) {
        return jdbc.sql("select id::text from dossier_attachment where dossier_id = ?::uuid").param(dossierId)
                .query(String.class).single();
    }
}
