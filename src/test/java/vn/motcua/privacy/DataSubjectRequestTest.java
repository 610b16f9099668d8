package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.privacy.internal.Register;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Data subject requests (issue 21): filed by a citizen, due in working days on the calendar, queued for auditors and
 * administrators, answered and recorded; a deletion refused while dossiers are archived, with the reason and until
 * when; the export (JSON and PDF) holds every registered personal field of the citizen and nothing of another.
 */
@IntegrationTest
class DataSubjectRequestTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * Registered personal columns of the citizen's tables that are deliberately not in the export, and why. Anything
     * else registered and left out fails the export test below.
     */
    private static final Map<String, String> NOT_EXPORTED = Map.of(
            "account.password_hash", "a password hash is no information about the citizen and would help an attacker",
            "access_log.who", "the viewing officer's account: the citizen gets the officer's name, post and agency",
            "dossier.applicant_personal_id_bidx", "a keyed hash of the ID number for look-ups: the export gives the number itself",
            "wallet_profile.personal_id_bidx", "a keyed hash of the ID number for look-ups: the export gives the number itself",
            "dossier_subject_key.key", "a keyed hash of the form's subject for the duplicate check: the export gives the form itself");

    /**
     * Registered tables with personal columns and a link to a dossier or a question (so to a citizen) that have no
     * subject condition, because their personal columns are the officers', not the citizen's.
     */
    private static final Set<String> OFFICERS_ONLY = Set.of("dossier_step", "dossier_extension", "council_selection",
            "privacy_retention_run");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        accounts.save("congdan.dsar", "demo", "Võ Thị Yêu Cầu", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.save("congdan.dsar2", "demo", "Đặng Văn Người Khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    Http.Response file(String user, Map<String, Object> body) {
        return http.postJson(user, "demo", "/api/v1/me/data-requests", body);
    }

    @Test
    void aCorrectionIsACaseDueInTwoWorkingDaysQueuedForAuditorsAndAnsweredOnce() {
        var r = file("congdan.dsar", Map.of("kind", "CORRECTION", "detail", "Ngày sinh trong hồ sơ ghi sai: 1990-05-12",
                "reason", "Giấy khai sinh ghi 1990-05-21"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode req = r.json();
        String id = req.get("id").asString();
        assertThat(req.get("state").asString()).isEqualTo("OPEN");
        LocalDate filed = LocalDate.ofInstant(java.time.Instant.parse(req.get("filedAt").asString()), VN);
        LocalDate due = LocalDate.parse(req.get("dueOn").asString());
        assertThat(due).isEqualTo(calendar.addWorkingDays(filed, 2));
        assertThat(calendar.workingDaysBetween(filed.plusDays(1), due.plusDays(1))).isEqualTo(2);
        assertThat(req.get("timeLimitDays").asInt()).isEqualTo(2);

        // What and why are required for a correction; an unknown kind is refused.
        assertThat(file("congdan.dsar", Map.of("kind", "CORRECTION", "detail", "Ngày sinh")).status()).isEqualTo(422);
        assertThat(file("congdan.dsar", Map.of("kind", "FORGET")).status()).isEqualTo(422);
        assertThat(file("tiepnhan", Map.of("kind", "ACCESS")).status()).isEqualTo(403);
        assertThat(http.postJson(null, null, "/api/v1/me/data-requests", Map.of("kind", "ACCESS")).status()).isEqualTo(401);

        // The queue: auditors and administrators; not reception officers, not citizens.
        var queue = http.getAs("kiemtra", "demo", "/api/v1/privacy/data-requests");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.json().findValuesAsString("id")).contains(id);
        assertThat(http.getAs("quantri", "demo", "/api/v1/privacy/data-requests").status()).isEqualTo(200);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/privacy/data-requests").status()).isEqualTo(403);
        assertThat(http.getAs("congdan.dsar", "demo", "/api/v1/privacy/data-requests").status()).isEqualTo(403);

        // Each citizen sees their own requests only.
        assertThat(http.getAs("congdan.dsar", "demo", "/api/v1/me/data-requests").json().findValuesAsString("id")).contains(id);
        assertThat(http.getAs("congdan.dsar2", "demo", "/api/v1/me/data-requests").body()).doesNotContain(id);

        // A correction carried out says what was corrected (422 without).
        assertThat(http.postJson("kiemtra", "demo", "/api/v1/privacy/data-requests/" + id + "/answer",
                Map.of("outcome", "DONE", "answer", "Đã sửa ngày sinh thành 21/05/1990.")).status()).isEqualTo(422);
        // The answer is recorded with the officer's name; a second answer is a conflict.
        var answered = http.postJson("kiemtra", "demo", "/api/v1/privacy/data-requests/" + id + "/answer",
                Map.of("outcome", "DONE", "answer", "Đã sửa ngày sinh thành 21/05/1990.",
                        "corrected", "Ngày sinh trong tài khoản: 21/05/1990"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("answeredBy").asString()).isEqualTo("kiemtra");
        assertThat(answered.json().get("answeredByName").asString()).isNotBlank().isNotEqualTo("kiemtra");
        assertThat(answered.json().get("corrected").asString()).isEqualTo("Ngày sinh trong tài khoản: 21/05/1990");
        assertThat(http.postJson("kiemtra", "demo", "/api/v1/privacy/data-requests/" + id + "/answer",
                Map.of("outcome", "REFUSED", "answer", "x")).status()).isEqualTo(409);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/privacy/data-requests").json().findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/privacy/data-requests?state=ANSWERED").json()
                .findValuesAsString("id")).contains(id);
    }

    @Test
    void aDeletionIsRefusedWhileADossierIsArchivedSayingWhyAndUntilWhen() {
        String phone = "09" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        var body = DossierFixtures.birthSubmission(phone, "dsar." + phone + "@example.vn", DossierFixtures.SAI_GON);
        var d = http.postJson("congdan.dsar2", "demo", "/api/v1/dossiers", body);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String dossier = d.json().get("id").asString();

        // Open: kept while it is processed.
        var open = file("congdan.dsar2", Map.of("kind", "DELETION", "detail", "Toàn bộ dữ liệu"));
        assertThat(open.status()).as(open.body()).isEqualTo(201);
        assertThat(open.json().get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(open.json().get("answeredBy").asString()).isEqualTo("system");
        assertThat(open.json().get("answer").asString()).contains("đang giải quyết");

        // Refused at reception (closed): a birth registration is archived permanently (civil status).
        var refused = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + dossier + "/refusal",
                Map.of("items", List.of(Map.of("document", "Giấy chứng sinh", "reason", "Không đúng thủ tục"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        var permanent = file("congdan.dsar2", Map.of("kind", "DELETION"));
        assertThat(permanent.json().get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(permanent.json().get("retainedPermanently").asBoolean()).isTrue();
        assertThat(permanent.json().get("answer").asString()).contains("vĩnh viễn").contains("Luật Hộ tịch");

        // With a 5-year rule instead: refused until closing day + 5 years, the date in the answer.
        var rule = http.send(http.request("/api/v1/privacy/retention/rules/" + DossierFixtures.BIRTH)
                .header("Authorization", Http.basic("quantri", "demo")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("years", 5, "legalBasis", "Quy định thử")))).build());
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        try {
            java.time.Instant closedAt = jdbc.sql("select closed_at from dossier where id = ?")
                    .param(UUID.fromString(dossier)).query(java.sql.Timestamp.class).single().toInstant();
            LocalDate until = LocalDate.ofInstant(closedAt, VN).plusYears(5);
            var dated = file("congdan.dsar2", Map.of("kind", "DELETION"));
            assertThat(dated.json().get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(dated.json().get("retainedPermanently").asBoolean()).isFalse();
            assertThat(dated.json().get("retainedUntil").asString()).isEqualTo(until.toString());
            assertThat(dated.json().get("answer").asString())
                    .contains(until.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .contains("Quy định thử");
            // Without dossiers a deletion waits for an officer; once a dossier exists, it cannot be answered DONE.
            accounts.save("congdan.dsar4", "demo", "Hồ Thị Bốn", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
            var pending = file("congdan.dsar4", Map.of("kind", "DELETION"));
            assertThat(pending.json().get("state").asString()).isEqualTo("OPEN");
            String pendingId = pending.json().get("id").asString();
            assertThat(http.postJson("congdan.dsar4", "demo", "/api/v1/dossiers", DossierFixtures.birthSubmission(
                    phone.substring(0, 9) + "7", "d4." + phone + "@example.vn", DossierFixtures.SAI_GON)).status())
                    .isEqualTo(201);
            var done = http.postJson("kiemtra", "demo", "/api/v1/privacy/data-requests/" + pendingId + "/answer",
                    Map.of("outcome", "DONE", "answer", "Đã xóa."));
            assertThat(done.status()).as(done.body()).isEqualTo(409);
            assertThat(done.body()).contains("đang giải quyết");
            var no = http.postJson("kiemtra", "demo", "/api/v1/privacy/data-requests/" + pendingId + "/answer",
                    Map.of("outcome", "REFUSED", "answer", "Hồ sơ đang giải quyết, chưa thể xóa."));
            assertThat(no.status()).as(no.body()).isEqualTo(200);
            assertThat(no.json().get("outcome").asString()).isEqualTo("REFUSED");
        } finally {
            jdbc.sql("update privacy_retention_rule set years = null, legal_basis = ? where procedure_code = ?")
                    .params("Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP: sổ và hồ sơ đăng ký hộ tịch được lưu trữ vĩnh viễn",
                            DossierFixtures.BIRTH).update();
        }
    }

    @Test
    void theExportHoldsEveryRegisteredFieldOfTheCitizenAndNothingOfAnother() throws Exception {
        String mine = "09" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String theirs = "09" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        accounts.save("congdan.xuat3", "demo", "Lê Thị Xuất Ba", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.save("congdan.khac3", "demo", "Trịnh Văn Khác Ba", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        assertThat(http.postJson("congdan.xuat3", "demo", "/api/v1/dossiers", DossierFixtures.birthSubmission(mine,
                "x3." + mine + "@example.vn", DossierFixtures.SAI_GON)).status()).isEqualTo(201);
        assertThat(http.postJson("congdan.khac3", "demo", "/api/v1/dossiers", DossierFixtures.birthSubmission(theirs,
                "k3." + theirs + "@example.vn", DossierFixtures.SAI_GON)).status()).isEqualTo(201);
        assertThat(file("congdan.xuat3", Map.of("kind", "RESTRICTION", "detail", "Số điện thoại " + mine,
                "reason", "Không muốn nhận tin nhắn")).status()).isEqualTo(201);
        assertThat(file("congdan.khac3", Map.of("kind", "RESTRICTION", "detail", "Số điện thoại " + theirs,
                "reason", "Lý do của người khác")).status()).isEqualTo(201);
        assertThat(http.send(http.request("/api/v1/me/consents/DATA_STORE_REUSE")
                .header("Authorization", Http.basic("congdan.xuat3", "demo"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(200);

        var export = http.getAs("congdan.xuat3", "demo", "/api/v1/me/data-export");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode doc = export.json();
        assertThat(doc.get("dataRequests")).hasSize(1);
        assertThat(doc.get("dataRequests").get(0).get("detail").asString()).contains(mine);
        assertThat(doc.get("consents").get(0).get("action").asString()).isEqualTo("GIVEN");
        assertThat(export.body()).contains(mine).doesNotContain(theirs, "Trịnh Văn Khác Ba", "Lý do của người khác");

        Register register = Register.load(json);
        Set<String> withRows = new HashSet<>();
        for (Register.Table t : register.tables()) {
            if (t.subject() == null) {
                continue;
            }
            JsonNode rows = doc.get(t.exportAs() != null ? t.exportAs() : t.table());
            assertThat(rows).as(t.table() + " is in the export").isNotNull();
            // Every registered personal column is exported, as a value or (files) as metadata, unless listed above.
            for (Register.Column c : t.columns()) {
                String name = t.table() + "." + c.column();
                if (!c.exported() && !c.isFile()) {
                    assertThat(NOT_EXPORTED).as(name + " is registered but left out of the export").containsKey(name);
                }
            }
            if (!rows.isEmpty()) {
                withRows.add(t.table());
                for (String column : t.exported()) {
                    assertThat(rows.get(0).has(column)).as(t.table() + "." + column).isTrue();
                }
            }
        }
        // The fixture reaches these tables, so the column check above is not vacuous for them.
        assertThat(withRows).contains("account", "dossier", "dossier_event", "dossier_attachment", "privacy_request",
                "privacy_consent");

        // A registered table with personal columns that hangs off a citizen's dossier or question either says how its
        // rows are the citizen's (and is exported) or is declared the officers' own.
        List<String> linked = jdbc.sql("""
                        select distinct table_name from information_schema.columns
                        where table_schema = current_schema() and column_name in ('dossier_id', 'question_id')""")
                .query(String.class).list();
        for (Register.Table t : register.tables()) {
            if (linked.contains(t.table()) && !t.columns().isEmpty() && t.subject() == null) {
                assertThat(OFFICERS_ONLY).as(t.table() + " holds personal data linked to a citizen but is not exported")
                        .contains(t.table());
            }
        }

        // The PDF: the same data, readable.
        var pdf = java.net.http.HttpClient.newHttpClient().send(http.request("/api/v1/me/data-export/pdf")
                .header("Authorization", Http.basic("congdan.xuat3", "demo")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (var pd = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(pd);
            assertThat(text).contains("Lê Thị Xuất Ba").contains(mine).contains("Trần Minh Khôi")
                    .contains("Yêu cầu về dữ liệu cá nhân").doesNotContain(theirs);
        }
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/me/data-export/pdf").status()).isEqualTo(403);
    }
}
