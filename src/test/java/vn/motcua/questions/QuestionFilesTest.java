package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.privacy.Vault;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Files on questions: checked like dossier attachments, encrypted at rest, readable by the asker and the holding
 * agency's officers (whose reads are logged), 404 to another citizen, and public only when an officer marks a file
 * publishable and the answer is published.
 */
@IntegrationTest
class QuestionFilesTest extends ApiTest {

    static final String SAI_GON = "26740";
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    AccountService accounts;
    @Autowired
    vn.motcua.support.TestOfficers officers;

    @BeforeEach
    void setUp() {
        if (accounts.find("congdan.hoi2").isEmpty()) {
            accounts.save("congdan.hoi2", "demo", "Phạm Văn Khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        }
        officers.tanDinhReception();
    }

    static Map<String, Object> question(String subject, List<Map<String, String>> files) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("text", "Xin hướng dẫn hồ sơ đăng ký khai sinh, tôi gửi kèm bản chụp giấy chứng sinh.");
        body.put("place", Map.of("unitCode", SAI_GON));
        body.put("attachments", files);
        return body;
    }

    static Map<String, String> file(String name, byte[] bytes) {
        return Map.of("fileName", name, "contentBase64", java.util.Base64.getEncoder().encodeToString(bytes));
    }

    private long questionsWithSubject(String subject) {
        return jdbc.sql("select count(*) from question where subject = ?").param(subject).query(Long.class).single();
    }

    private byte[] bytesAs(String user, String path) {
        return http.sendBytes(http.request(path).GET().header("Authorization", Http.basic(user, "demo")).build());
    }

    @Test
    void filesAreCheckedEncryptedReadByTheRightPeopleAndPublishedOnlyWhenMarked() {
        String subject = "Hồ sơ kèm tệp " + UUID.randomUUID();
        var r = http.postJson("congdan", "demo", "/api/v1/questions",
                question(subject, List.of(file("giay-chung-sinh.pdf", DossierFixtures.PDF), file("anh.png", PNG))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String code = r.json().get("code").asString();
        String path = "/api/v1/questions/" + id;

        // Encrypted at rest under the column's name.
        List<byte[]> stored = jdbc.sql("select content from question_attachment where question_id = ?::uuid")
                .param(id).query(byte[].class).list();
        assertThat(stored).hasSize(2).allSatisfy(b -> {
            assertThat(Vault.sealed(b)).isTrue();
            assertThat(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "IHDR");
        });

        // The asker lists and reads them (not logged); another citizen gets 404, another agency's officer 403.
        var list = http.getAs("congdan", "demo", path + "/attachments");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Map<String, String> ids = new HashMap<>();
        list.json().forEach(f -> ids.put(f.get("fileName").asString(), f.get("id").asString()));
        assertThat(ids).containsOnlyKeys("giay-chung-sinh.pdf", "anh.png");
        list.json().forEach(f -> assertThat(f.get("publishable").asBoolean()).isFalse());
        String pdf = path + "/attachments/" + ids.get("giay-chung-sinh.pdf");
        assertThat(bytesAs("congdan", pdf)).isEqualTo(DossierFixtures.PDF);
        assertThat(http.getAs("congdan", "demo", pdf).contentType()).isEqualTo("application/pdf");
        assertThat(logged(id)).isZero();
        assertThat(http.getAs("congdan.hoi2", "demo", path + "/attachments").status()).isEqualTo(404);
        assertThat(http.getAs("congdan.hoi2", "demo", pdf).status()).isEqualTo(404);
        assertThat(http.getAs("cb.tandinh", "demo", pdf).status()).isEqualTo(403);
        assertThat(http.get(pdf).status()).isEqualTo(401);
        assertThat(logged(id)).isZero();

        // The holding agency's officer reads it: one row in the privacy module's access log.
        assertThat(bytesAs("tiepnhan", pdf)).isEqualTo(DossierFixtures.PDF);
        var rows = jdbc.sql("select who, what, purpose, agency from access_log where dossier_id = ?::uuid")
                .param(id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getString(4)))).list();
        assertThat(rows).containsExactly(List.of("tiepnhan", "QUESTION_ATTACHMENT",
                "GET /api/v1/questions/{id}/attachments/{fileId}", "UBND-26740"));

        // Nothing is public before publication, and only the file marked publishable after it.
        assertThat(http.postJson("congdan", "demo", pdf + "/publishable", Map.of("publishable", true)).status())
                .isEqualTo(403);
        assertThat(http.postJson("cb.tandinh", "demo", pdf + "/publishable", Map.of("publishable", true)).status())
                .isEqualTo(403);
        var marked = http.postJson("tiepnhan", "demo", pdf + "/publishable", Map.of("publishable", true));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("publishable").asBoolean()).isTrue();
        String publicPdf = "/api/v1/questions/public/" + code + "/attachments/" + ids.get("giay-chung-sinh.pdf");
        String publicPng = "/api/v1/questions/public/" + code + "/attachments/" + ids.get("anh.png");
        assertThat(http.get("/api/v1/questions/public/" + code + "/attachments").status()).isEqualTo(404);
        assertThat(http.get(publicPdf).status()).isEqualTo(404);

        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("answer", "Nộp tờ khai và giấy chứng sinh trên Cổng dịch vụ công.")).status()).isEqualTo(200);
        assertThat(http.get(publicPdf).status()).isEqualTo(404);
        var published = http.postJson("tiepnhan", "demo", path + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        var publicList = http.get("/api/v1/questions/public/" + code + "/attachments");
        assertThat(publicList.status()).as(publicList.body()).isEqualTo(200);
        assertThat(publicList.json()).hasSize(1);
        assertThat(publicList.json().get(0).get("fileName").asString()).isEqualTo("giay-chung-sinh.pdf");
        assertThat(http.sendBytes(http.request(publicPdf).GET().build())).isEqualTo(DossierFixtures.PDF);
        assertThat(http.get(publicPng).status()).isEqualTo(404);
        var page = http.get("/questions/" + code);
        assertThat(page.body()).contains("giay-chung-sinh.pdf", publicPdf).doesNotContain("anh.png");
        // Unmarking takes it off again.
        assertThat(http.postJson("tiepnhan", "demo", pdf + "/publishable", Map.of("publishable", false)).status())
                .isEqualTo(200);
        assertThat(http.get(publicPdf).status()).isEqualTo(404);
        // A file id of another question is not found through this one.
        assertThat(http.getAs("congdan", "demo", path + "/attachments/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private long logged(String questionId) {
        return jdbc.sql("select count(*) from access_log where dossier_id = ?::uuid").param(questionId)
                .query(Long.class).single();
    }

    @Test
    void refusedFilesAreNamedAndNothingIsStored() {
        String subject = "Tệp sai " + UUID.randomUUID();
        var fake = http.postJson("congdan", "demo", "/api/v1/questions", question(subject,
                List.of(file("ok.pdf", DossierFixtures.PDF), file("giay.pdf", "không phải PDF".getBytes()))));
        assertThat(fake.status()).as(fake.body()).isEqualTo(422);
        assertThat(fake.body()).contains("attachments[1]");
        var base64 = http.postJson("congdan", "demo", "/api/v1/questions", question(subject,
                List.of(Map.of("fileName", "a.pdf", "contentBase64", "%%%không-phải-base64"))));
        assertThat(base64.status()).as(base64.body()).isEqualTo(422);
        assertThat(base64.body()).contains("attachments[0]");
        var exe = http.postJson("congdan", "demo", "/api/v1/questions", question(subject,
                List.of(file("chay.exe", DossierFixtures.PDF))));
        assertThat(exe.status()).as(exe.body()).isEqualTo(422);
        List<Map<String, String>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(file("f" + i + ".pdf", DossierFixtures.PDF));
        }
        var tooMany = http.postJson("congdan", "demo", "/api/v1/questions", question(subject, six));
        assertThat(tooMany.status()).as(tooMany.body()).isBetween(400, 422);
        assertThat(tooMany.body()).contains("attachments");
        assertThat(questionsWithSubject(subject)).isZero();
        // An anonymous asker may attach files too.
        Map<String, Object> anonymous = question(subject, List.of(file("a.pdf", DossierFixtures.PDF)));
        anonymous.put("contact", Map.of("name", "Trần Văn Tư", "phone", "0912345678"));
        var ok = http.postJson(null, null, "/api/v1/questions", anonymous, "X-Forwarded-For",
                QuestionApiTest.randomAddress());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from question_attachment where question_id = ?::uuid")
                .param(ok.json().get("id").asString()).query(Long.class).single()).isEqualTo(1);
    }
}
