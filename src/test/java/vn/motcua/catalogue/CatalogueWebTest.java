package vn.motcua.catalogue;

import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.catalogue.internal.CatalogueService;
import vn.motcua.platform.api.ApiException;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CatalogueWebTest {

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImporter importer;
    @Autowired
    CatalogueService catalogue;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        importer.importAll();
        http = new Http(port);
    }

    private void login(String user) {
        String csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(http.get("/login").body())
                .results().findFirst().orElseThrow().group(1);
        var r = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + enc(csrf))).build());
        assertThat(r.status()).isEqualTo(302);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchApiIsPublicAndBestFirst() {
        for (String q : new String[] {"dang ky khai sinh", "đăng ký khai sinh"}) {
            var r = http.get("/api/v1/procedures?q=" + enc(q) + "&limit=5");
            assertThat(r.status()).isEqualTo(200);
            var first = r.json().get("items").get(0);
            assertThat(first.get("code").asString()).isEqualTo("1.001193");
            assertThat(first.get("name").asString()).isEqualTo("Thủ tục đăng ký khai sinh");
            assertThat(first.get("field").asString()).isEqualTo("Hộ tịch");
            assertThat(first.get("level").asString()).isEqualTo("Cấp xã");
            assertThat(r.json().get("items").size()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void procedureApiGivesTheVersionInForce() {
        var r = http.get("/api/v1/procedures/1.004222");
        assertThat(r.status()).isEqualTo(200);
        var j = r.json();
        assertThat(j.get("processingTime").get("value").asInt()).isEqualTo(7);
        assertThat(j.get("processingTime").get("unit").asString()).isEqualTo("WORKING_DAYS");
        assertThat(j.get("requiredDocuments").size()).isGreaterThan(0);
        assertThat(j.get("fees").size()).isGreaterThan(0);
        assertThat(j.get("agencies").isArray()).isTrue();

        var missing = http.get("/api/v1/procedures/9.999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/procedures/1.001193?date=2025-06-30").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/procedures/1.001193?date=not-a-date").status()).isEqualTo(400);
    }

    @Test
    void eformValidationGivesFieldLevelMessagesAndStoresNothing() {
        int tablesRowsBefore = jdbc.sql("select count(*) from catalogue_version").query(Integer.class).single();
        String body = """
                {"applicant": {"fullName": "Nguyễn Văn An", "birthDate": "1990-02-30", "personalId": "079090001234",
                               "phone": "0901234567", "residence": "26737"},
                 "relationship": "Cha",
                 "child": {"fullName": "Nguyễn Văn Bé", "gender": "NAM", "birthDate": "2025-09-01",
                           "birthPlace": "26737", "ethnicity": "Kinh"},
                 "mother": {"fullName": "Trần Thị C", "birthDate": "1992-05-05", "personalId": "999192001234",
                            "residence": "26737"},
                 "resultDelivery": "COUNTER"}""";
        var r = http.send(http.request("/api/v1/procedures/1.001193/form/validate")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.status()).isEqualTo(200);
        var j = r.json();
        assertThat(j.get("valid").asBoolean()).isFalse();
        Map<String, String> errors = new java.util.HashMap<>();
        j.get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors.get("applicant.birthDate")).contains("ngày không hợp lệ");
        assertThat(errors.get("child.nationality")).contains("bắt buộc");
        assertThat(errors.get("mother.personalId")).contains("mã tỉnh");
        assertThat(jdbc.sql("select count(*) from catalogue_version").query(Integer.class).single()).isEqualTo(tablesRowsBefore);

        var english = http.send(http.request("/api/v1/procedures/1.001193/form/validate").header("Accept-Language", "en")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(english.body()).contains("not a valid date");
    }

    @Test
    void portalSearchAndProcedurePagesShowEveryComponent() {
        var search = http.get("/procedures?q=" + enc("dang ky khai sinh"));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("<mark>khai</mark>", "href=\"/procedures/1.001193\"");


        var page = http.get("/procedures/1.004222");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Đăng ký thường trú", "Thành phần hồ sơ", "7 ngày làm việc", "Phí, lệ phí",
                "Căn cứ pháp lý", "Trình tự thực hiện", "Đối tượng thực hiện", "Kết quả thực hiện", "Nộp hồ sơ ở đâu?",
                "Công an cấp Xã", "Quy trình nội bộ");
        assertThat(http.get("/procedures?field=" + enc("Hộ tịch")).body()).contains("1.001193");
        assertThat(http.get("/procedures/9.999999", "Accept", "text/html").status()).isEqualTo(404);
    }

    @Test
    void eformPageRendersAccessibleFieldsAndShowsErrors() {
        var form = http.get("/procedures/1.001193/form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Tờ khai đăng ký khai sinh", "for=\"f-child-birthDate\"", "id=\"f-child-birthDate\"");
        String csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body())
                .results().findFirst().orElseThrow().group(1);
        var posted = http.send(http.request("/procedures/1.001193/form").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&applicant.fullName=A&applicant.personalId=123"
                        + "&child.birthDate=2025-13-01")).build());
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("error-summary", "phải gồm đúng 12 chữ số", "không có ngày này", "bắt buộc nhập",
                "Người được khai sinh — Họ, chữ đệm và tên: bắt buộc nhập");
        assertThat(posted.body()).doesNotContain("cần ít nhất");
    }

    @Test
    void adminPagesNeedAdmin() {
        assertThat(http.get("/admin/catalogue").status()).isEqualTo(302);
        login("quantri");
        var page = http.get("/admin/catalogue");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("593 có chi tiết", "17 bản chi tiết bị từ chối", "Thủ tục cần kiểm tra lại", ">Tệp<")
                .doesNotContain("Catalogue import", "detailed", ">File<");
        var versions = http.get("/admin/catalogue/procedures/1.001193");
        assertThat(versions.body()).contains("Đã công bố", "Tạo phiên bản nháp");
        http = new Http(port);
        login("tiepnhan");
        assertThat(http.get("/admin/catalogue").status()).isEqualTo(403);
    }

    @Test
    void draftPublishWorkflowRefusesOverlapAndEditsOfPublishedVersions() {
        String code = "1.000656";
        LocalDate from = LocalDate.of(2027, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 3000));
        UUID draft = catalogue.createDraft(code, from);
        catalogue.updateDraft(draft, ProcessingTime.workingHours(12), PausePolicy.RESET, from);
        catalogue.publish(draft);
        ProcedureVersion v = catalogue.versionInForce(code, from).orElseThrow();
        assertThat(v.versionId()).isEqualTo(draft);
        assertThat(v.processingTime()).isEqualTo(ProcessingTime.workingHours(12));
        assertThat(v.pausePolicy()).isEqualTo(PausePolicy.RESET);
        assertThat(v.process().stream().mapToInt(s -> s.quota().inWorkingHours()).sum()).isEqualTo(12);
        // the imported version still governs the day before
        assertThat(catalogue.versionInForce(code, from.minusDays(1)).orElseThrow().versionId()).isNotEqualTo(draft);

        // a published version cannot be edited
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalogue.updateDraft(draft, ProcessingTime.workingDays(1), PausePolicy.PAUSE, from))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).messageKey())
                .isEqualTo("catalogue.error.publishedIsFrozen");
        // a draft starting before the latest published one would overlap it
        UUID early = catalogue.createDraft(code, from.minusDays(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalogue.publish(early))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).messageKey())
                .isEqualTo("catalogue.error.overlap");
        assertThat(jdbc.sql("select status from catalogue_version where id = :id").param("id", early).query(String.class).single())
                .isEqualTo("DRAFT");
    }
}
