package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Issue 22's remaining parts, over HTTP on the real modules: a question about a dossier (linked only when the asker may
 * see it, held by the dossier's agency, listed on the dossier's page), the anonymous asker's follow-up by code and the
 * phone's last 4 digits (throttled like tracking), and a council member reading the questions of their scope, redacted
 * and logged.
 */
@IntegrationTest
class QuestionLinksTest extends ApiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    vn.motcua.support.TestOfficers officers;

    @BeforeEach
    void setUp() {
        officers.tanDinhReception();
        if (accounts.find("congdan.khac").isEmpty()) {
            accounts.save("congdan.khac", "demo", "Lê Thị Khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        }
    }

    /** A phone number whose last 4 digits are not the fixture applicant's personal ID's (…2345). */
    static String phone() {
        String p;
        do {
            p = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        } while (p.endsWith("2345"));
        return p;
    }

    static String address() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** A birth registration by congdan with this applicant phone, accepted (it has a code); {id, code, agency}. */
    private String[] dossier(String applicantPhone) {
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(applicantPhone, "a." + applicantPhone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        var a = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return jdbc.sql("select id::text, code, agency_code from dossier where id = ?::uuid").param(id)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).single();
    }

    private static Map<String, Object> question(String subject, String unitCode, String text, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("text", text);
        body.put("place", Map.of("unitCode", unitCode));
        if (phone != null) {
            body.put("contact", Map.of("name", "Phan Thị Quyên", "phone", phone));
        }
        return body;
    }

    private Http.Response anonymous(Map<String, Object> body) {
        return http.postJson(null, null, "/api/v1/questions", body, "X-Forwarded-For", address());
    }

    private long stored(String subject) {
        return jdbc.sql("select count(*) from question where subject = ?").param(subject).query(Long.class).single();
    }

    // ---- a question about a dossier -------------------------------------------------------------------------------

    @Test
    void aQuestionAboutADossierIsLinkedOnlyWhenTheAskerMaySeeItAndGoesToTheDossiersAgency() {
        String applicantPhone = phone();
        String[] d = dossier(applicantPhone);
        assertThat(d[2]).isEqualTo("UBND-26740");

        // Anonymous, the contact phone ending like the applicant's: linked, and held by the dossier's agency although
        // the place given (Tân Định, 26737) would route elsewhere.
        String subject = "Hồ sơ khai sinh của tôi " + System.nanoTime();
        var body = question(subject, "26737", "Hồ sơ đã quá hẹn chưa thấy trả kết quả.", "038877" + applicantPhone.substring(6));
        body.put("dossierCode", d[1].toLowerCase());
        var r = anonymous(body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("dossierCode").asString()).isEqualTo(d[1]);
        assertThat(r.json().get("agency").get("code").asString()).isEqualTo("UBND-26740");
        assertThat(r.json().has("id") && r.json().has("code") && r.json().has("state") && r.json().has("dueAt")).isTrue();
        String qid = r.json().get("id").asString();
        assertThat(jdbc.sql("select dossier_id::text from question where id = ?::uuid").param(qid).query(String.class)
                .single()).isEqualTo(d[0]);

        // Without a dossier, the same place goes to its own ward: the dossier decided the routing above.
        var plain = anonymous(question("Không về hồ sơ " + System.nanoTime(), "26737", "Giờ làm việc?", phone()));
        assertThat(plain.json().get("agency").get("code").asString()).isEqualTo("UBND-26737");
        assertThat(plain.json().get("dossierCode").isNull()).isTrue();

        // The applicant, signed in, links their own dossier without giving a phone.
        var own = http.postJson("congdan", "demo", "/api/v1/questions",
                withDossier(question("Của tôi " + System.nanoTime(), DossierFixtures.SAI_GON, "Khi nào có kết quả?", null), d[1]));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("dossierCode").asString()).isEqualTo(d[1]);

        // A wrong phone, another citizen's account, an unknown code: the same 422 naming dossierCode, nothing stored.
        String wrongSubject = "Không được gắn " + System.nanoTime();
        String unknown = "H99.99-991231-9999";
        var wrong = anonymous(withDossier(question(wrongSubject, "26740", "Hỏi về hồ sơ.", phone()), d[1]));
        var stranger = http.postJson("congdan.khac", "demo", "/api/v1/questions",
                withDossier(question(wrongSubject, "26740", "Hỏi về hồ sơ.", null), d[1]));
        var none = anonymous(withDossier(question(wrongSubject, "26740", "Hỏi về hồ sơ.", phone()), unknown));
        for (var refused : new Http.Response[]{wrong, stranger, none}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("dossierCode");
            assertThat(refused.json().get("detail").asString()).startsWith("Không tìm thấy hồ sơ");
        }
        assertThat(wrong.json().get("detail").asString().replace(d[1], "X"))
                .isEqualTo(none.json().get("detail").asString().replace(unknown, "X"));
        assertThat(stored(wrongSubject)).isZero();

        // The officer's question page links the dossier; the dossier's panel lists its questions.
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        var page = officer.get("/workbench/questions/" + qid);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/workbench/dossiers/" + d[0], d[1], "Hồ sơ liên quan");
        assertThat(officer.get("/workbench/dossiers/" + d[0]).body()).contains("/workbench/questions/dossier/" + d[0]);
        var panel = officer.get("/workbench/questions/dossier/" + d[0]);
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains(r.json().get("code").asString(), own.json().get("code").asString())
                .doesNotContain(plain.json().get("code").asString());
        Http otherAgency = new Http(port);
        otherAgency.login("cb.tandinh", "demo");
        assertThat(otherAgency.get("/workbench/questions/dossier/" + d[0]).status()).isEqualTo(403);
    }

    @Test
    void wrongDossierCodesCountAgainstTheTrackingThrottle() {
        String[] d = dossier(phone());
        String client = address();
        int last = 0;
        // 5 wrong checks against one code lock it (tracking's wrong-per-code), the right pair included.
        for (int i = 0; i < 6; i++) {
            last = http.postJson(null, null, "/api/v1/questions",
                    withDossier(question("Đoán " + i, "26740", "Đoán mã.", phone()), d[1]), "X-Forwarded-For", client).status();
        }
        assertThat(last).isEqualTo(429);
    }

    private static Map<String, Object> withDossier(Map<String, Object> body, String code) {
        body.put("dossierCode", code);
        return body;
    }

    // ---- the asker's follow-up ------------------------------------------------------------------------------------

    @Test
    void theAnonymousAskerFollowsTheirQuestionAndSuppliesTheInformationAskedFor() {
        String phone = phone();
        String last4 = phone.substring(phone.length() - 4);
        String text = "Tôi ở số 12 Lê Lợi, CCCD 079190099999, hỏi về chứng thực bản sao.";
        var r = anonymous(question("Chứng thực bản sao " + System.nanoTime(), "26740", text, phone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().get("code").asString();
        String id = r.json().get("id").asString();

        var seen = http.get("/api/v1/questions/" + code + "?phoneLast4=" + last4, "X-Forwarded-For", address());
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().get("state").asString()).isEqualTo("RECEIVED");
        assertThat(seen.json().get("dueAt").isNull()).isFalse();
        assertThat(seen.json().get("answer").isNull()).isTrue();
        // Neither the question's text nor the contact is shown.
        assertThat(seen.body()).doesNotContain(phone, "079190099999", "Lê Lợi", "Quyên");

        String other = last4.equals("0000") ? "1111" : "0000";
        assertThat(http.get("/api/v1/questions/" + code + "?phoneLast4=" + other, "X-Forwarded-For", address()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/questions/PAKN-000101-9999?phoneLast4=" + last4, "X-Forwarded-For", address()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/questions/" + code + "?phoneLast4=12", "X-Forwarded-For", address()).status()).isEqualTo(400);
        // By id the question is still the asker's and the agency's only.
        assertThat(http.get("/api/v1/questions/" + id).status()).isEqualTo(401);

        // The agency asks for more; the asker sees the request and answers it with the right pair only.
        var asked = http.postJson("tiepnhan", "demo", "/api/v1/questions/" + id + "/request-information",
                Map.of("message", "Xin cho biết bản chính do cơ quan nào cấp."));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        var awaiting = http.get("/api/v1/questions/" + code + "?phoneLast4=" + last4, "X-Forwarded-For", address());
        assertThat(awaiting.json().get("informationRequested").asString()).contains("bản chính");
        var wrongPair = http.postJson(null, null, "/api/v1/questions/follow-up/information",
                Map.of("code", code, "phoneLast4", other, "text", "Sở Tư pháp cấp."), "X-Forwarded-For", address());
        assertThat(wrongPair.status()).isEqualTo(404);
        var supplied = http.postJson(null, null, "/api/v1/questions/follow-up/information",
                Map.of("code", code, "phoneLast4", last4, "text", "Bản chính do Sở Tư pháp cấp."), "X-Forwarded-For", address());
        assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
        assertThat(supplied.json().get("state").asString()).isEqualTo("SUPPLEMENTED");
        assertThat(jdbc.sql("select body from question where id = ?::uuid").param(id).query(String.class).single())
                .endsWith("Bản chính do Sở Tư pháp cấp.");
        var again = http.postJson(null, null, "/api/v1/questions/follow-up/information",
                Map.of("code", code, "phoneLast4", last4, "text", "Lần nữa."), "X-Forwarded-For", address());
        assertThat(again.status()).isEqualTo(409);

        // Once answered, the answer is shown to the asker as written.
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/questions/" + id + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/questions/" + id + "/answer",
                Map.of("answer", "Mời bà Quyên mang bản chính đến bộ phận một cửa.")).status()).isEqualTo(200);
        var answered = http.get("/api/v1/questions/" + code + "?phoneLast4=" + last4, "X-Forwarded-For", address());
        assertThat(answered.json().get("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("answer").asString()).isEqualTo("Mời bà Quyên mang bản chính đến bộ phận một cửa.");

        // The page shows the same.
        var page = http.get("/questions/follow?code=" + code + "&phoneLast4=" + last4, "X-Forwarded-For", address());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Mời bà Quyên", code).doesNotContain(phone);
    }

    @Test
    void theFollowUpPageShowsTheRequestAndTakesTheInformation() {
        String phone = phone();
        String last4 = phone.substring(phone.length() - 4);
        var r = anonymous(question("Xin trích lục " + System.nanoTime(), "26740", "Xin trích lục khai sinh.", phone));
        String id = r.json().get("id").asString();
        String code = r.json().get("code").asString();
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/questions/" + id + "/request-information",
                Map.of("message", "Xin cho biết năm đăng ký khai sinh.")).status()).isEqualTo(200);
        Http asker = new Http(port);
        String page = "/questions/follow?code=" + code + "&phoneLast4=" + last4;
        assertThat(asker.get(page).body()).contains("Xin cho biết năm đăng ký khai sinh.", "follow-supply");
        var sent = asker.postForm("/questions/follow", page, "code", code, "phoneLast4", last4, "text", "Năm 1990.");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Đã gửi thông tin bổ sung", "Đã bổ sung");
        assertThat(jdbc.sql("select state from question where id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("SUPPLEMENTED");
        // A wrong pair on the page: the same "not found" message, nothing changes.
        var wrong = asker.get("/questions/follow?code=" + code + "&phoneLast4=" + (last4.equals("0000") ? "1111" : "0000"));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.body()).contains("Không tìm thấy câu hỏi với mã và 4 số cuối điện thoại này.");
    }

    @Test
    void wrongFollowUpChecksAreThrottledLikeTracking() {
        String phone = phone();
        var r = anonymous(question("Theo dõi " + System.nanoTime(), "26740", "Hỏi.", phone));
        String code = r.json().get("code").asString();
        String right = phone.substring(phone.length() - 4);
        String wrong = right.equals("0000") ? "1111" : "0000";
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/v1/questions/" + code + "?phoneLast4=" + wrong, "X-Forwarded-For", address())
                    .status()).isEqualTo(404);
        }
        // The code is locked now, even for the right pair from another address.
        var locked = http.get("/api/v1/questions/" + code + "?phoneLast4=" + right, "X-Forwarded-For", address());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.raw().headers().firstValue("Retry-After")).isPresent();
    }

    // ---- council members read questions ---------------------------------------------------------------------------

    @Test
    void aCouncilMemberReadsTheQuestionsOfTheirScopeRedactedAndEveryReadIsLogged() {
        String phone = phone();
        String subject = "Ông Trần Văn Bảy hỏi về cấp phép xây dựng " + System.nanoTime();
        var r = anonymous(question(subject, "26740",
                "Tôi là Trần Văn Bảy, CCCD 079190077777, điện thoại " + phone + ", hỏi giấy phép xây dựng.", phone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String code = r.json().get("code").asString();
        var late = anonymous(question("Câu hỏi quá hạn " + System.nanoTime(), "26740", "Hỏi.", phone()));
        String lateId = late.json().get("id").asString();
        jdbc.sql("update question set action_due_at = now() - interval '1 day' where id = ?::uuid").param(lateId).update();
        // A question of Hà Nội: outside hdnd's scope (Ho Chi Minh City).
        var hanoi = anonymous(question("Câu hỏi ở Hà Nội " + System.nanoTime(), "01", "Hỏi.", phone()));
        assertThat(hanoi.status()).as(hanoi.body()).isEqualTo(201);
        String hanoiAgency = hanoi.json().get("agency").get("code").asString();

        var list = http.getAs("hdnd", "demo", "/api/v1/questions/council/questions?agency=UBND-26740");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(code).doesNotContain("Trần Văn Bảy", hanoi.json().get("code").asString());
        var lateOnly = http.getAs("hdnd", "demo", "/api/v1/questions/council/questions?late=true");
        assertThat(lateOnly.body()).contains(late.json().get("code").asString()).doesNotContain(code);
        assertThat(http.getAs("hdnd", "demo", "/api/v1/questions/council/questions?state=PUBLISHED").body())
                .doesNotContain(code);
        assertThat(http.getAs("hdnd", "demo", "/api/v1/questions/council/questions?state=RECEIVED").body())
                .contains(code);
        assertThat(http.getAs("hdnd", "demo", "/api/v1/questions/council/questions?state=NOPE").status()).isEqualTo(400);
        assertThat(http.getAs("hdnd", "demo", "/api/v1/questions/council/questions?agency=" + hanoiAgency).status())
                .isEqualTo(403);
        assertThat(http.getAs("hdnd", "demo", "/api/v1/questions/council/questions/" + hanoi.json().get("id").asString())
                .status()).isEqualTo(403);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/questions/council/questions").status()).isEqualTo(403);

        long logged = logged(id);
        var read = http.getAs("hdnd", "demo", "/api/v1/questions/council/questions/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("Bảy", "079190077777", phone, "contact")
                .contains("[số điện thoại]", "[số định danh]", "giấy phép xây dựng");
        assertThat(read.json().get("redacted").asBoolean()).isTrue();
        assertThat(read.json().get("events").get(0).get("actor").asString()).isEqualTo("Người hỏi");
        assertThat(logged(id)).isEqualTo(logged + 1);
        assertThat(jdbc.sql("select who from access_log where dossier_id = ?::uuid and what = 'QUESTION_COUNCIL' order by id desc limit 1")
                .param(id).query(String.class).single()).isEqualTo("hdnd");
        // Acting is still refused.
        assertThat(http.postJson("hdnd", "demo", "/api/v1/questions/" + id + "/accept", Map.of()).status()).isEqualTo(403);

        // The pages: the list (filters) and the question, logged too.
        Http member = new Http(port);
        member.login("hdnd", "demo");
        var page = member.get("/workbench/council/questions?agency=UBND-26740&state=RECEIVED");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(code, "Câu hỏi thuộc địa bàn giám sát").doesNotContain("Trần Văn Bảy");
        var detail = member.get("/workbench/council/questions/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("[số định danh]").doesNotContain("079190077777", phone);
        assertThat(logged(id)).isEqualTo(logged + 2);
    }

    private long logged(String id) {
        return jdbc.sql("select count(*) from access_log where dossier_id = ?::uuid and what = 'QUESTION_COUNCIL'")
                .param(id).query(Long.class).single();
    }
}
