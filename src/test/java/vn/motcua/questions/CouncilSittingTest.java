package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * "Dân hỏi – Chính quyền trả lời": a council member's sitting, the leader's answer, publication all-or-nothing and
 * redacted; published answers in the citizen assistant; routing by an old place name.
 */
@IntegrationTest
class CouncilSittingTest extends ApiTest {

    static final String SAI_GON = CouncilFixtures.SAI_GON;
    static final ZoneId VN = CouncilFixtures.VN;

    @Autowired
    AccountService accounts;
    @Autowired
    List<vn.motcua.assistant.ProcedureTextSource> textSources;

    private String ask(String unitCode, String procedure, String subject, String text, String name, String phone) {
        return CouncilFixtures.ask(http, unitCode, procedure, subject, text, Map.of("name", name, "phone", phone));
    }

    @Test
    void theCouncilSelectsAQuestionALeaderAnswersAndClosingPublishesEveryAnswerRedacted() {
        String phone = QuestionApiTest.phone();
        String id = ask(SAI_GON, null, "Vỉa hè bị lấn chiếm trước chợ",
                "Tôi là Đỗ Văn Khang, CCCD 079190012345, vỉa hè trước chợ bị lấn chiếm. Gọi tôi: " + phone, "Đỗ Văn Khang", phone);
        String today = LocalDate.now(VN).toString();
        String later = LocalDate.now(VN).plusDays(10).toString();

        // Only a member of the unit's council creates a sitting; bad input names its fields.
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/council/sittings",
                Map.of("unitCode", "79", "title", "Phiên thử", "date", later)).status()).isEqualTo(403);
        assertThat(http.postJson("hdnd", "demo", "/api/v1/council/sittings",
                Map.of("unitCode", "01", "title", "Phiên thử", "date", later)).status()).isEqualTo(403);
        var bad = http.postJson("hdnd", "demo", "/api/v1/council/sittings", Map.of("unitCode", "79", "title", " "));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").toString()).contains("title").contains("date");
        // The title is public: personal data in it is refused like in any published text.
        var personal = http.postJson("hdnd", "demo", "/api/v1/council/sittings",
                Map.of("unitCode", "79", "title", "Phiên của người gọi " + phone, "date", later));
        assertThat(personal.status()).isEqualTo(422);
        assertThat(personal.json().get("errors").toString()).contains("title");
        String sitting = CouncilFixtures.openSitting(http, "Dân hỏi – Chính quyền trả lời kỳ thử " + id.substring(0, 8),
                LocalDate.now(VN).plusDays(10));
        String base = "/api/v1/council/sittings/" + sitting;

        // The leader must hold a LEADER post of the agency holding the question; the date must not be past.
        var notLeader = http.postJson("hdnd", "demo", base + "/selections",
                Map.of("questionId", id, "leader", "tiepnhan", "answerBy", later));
        assertThat(notLeader.status()).isEqualTo(422);
        assertThat(notLeader.json().get("errors").toString()).contains("leader");
        var past = http.postJson("hdnd", "demo", base + "/selections",
                Map.of("questionId", id, "leader", "lanhdao", "answerBy", LocalDate.now(VN).minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").toString()).contains("answerBy");
        var selected = http.postJson("hdnd", "demo", base + "/selections",
                Map.of("questionId", id, "leader", "lanhdao", "answerBy", today));
        assertThat(selected.status()).as(selected.body()).isEqualTo(201);
        JsonNode sel = selected.json().get("selections").get(0);
        assertThat(sel.get("leader").get("username").asString()).isEqualTo("lanhdao");
        assertThat(sel.get("agency").get("code").asString()).isEqualTo("UBND-26740");
        assertThat(sel.get("subject").asString()).isEqualTo("Vỉa hè bị lấn chiếm trước chợ");
        assertThat(http.postJson("hdnd", "demo", base + "/selections",
                Map.of("questionId", id, "leader", "lanhdao", "answerBy", today)).status()).isEqualTo(409);
        // A member of another council neither sees nor selects.
        if (accounts.find("hdnd.hanoi2").isEmpty()) {
            accounts.save("hdnd.hanoi2", "demo", "Đại biểu Hà Nội", Audience.OFFICER, Set.of(Role.COUNCIL_MEMBER), false);
        }
        assertThat(http.postJson("quantri", "demo", "/api/v1/questions/council-scopes",
                Map.of("username", "hdnd.hanoi2", "unitCode", "01")).status()).isEqualTo(200);
        assertThat(http.getAs("hdnd.hanoi2", "demo", base).status()).isEqualTo(404);
        assertThat(http.postJson("hdnd.hanoi2", "demo", base + "/selections",
                Map.of("questionId", id, "leader", "lanhdao", "answerBy", today)).status()).isEqualTo(403);

        // Nothing is published before every selection is answered.
        var early = http.postJson("hdnd", "demo", base + "/close", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("PAKN-");
        // Only the assigned leader answers; the answer repeats the citizen's phone number.
        assertThat(http.postJson("tiepnhan", "demo", base + "/selections/" + id + "/answer",
                Map.of("answer", "Trả lời")).status()).isEqualTo(403);
        assertThat(http.getAs("lanhdao", "demo", "/api/v1/council/assignments").body()).contains(id);
        var answered = http.postJson("lanhdao", "demo", base + "/selections/" + id + "/answer", Map.of("answer",
                "Phường đã lập đoàn kiểm tra, xử lý lấn chiếm trong tuần; đã gọi ông Đỗ Văn Khang qua số " + phone + "."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        // The member may not confirm a text that still holds personal data: 422 naming it, nothing published.
        var raw = http.postJson("hdnd", "demo", base + "/close", Map.of("selections", Map.of(id, Map.of("answer",
                "Đã gọi lại số " + phone + "."))));
        assertThat(raw.status()).isEqualTo(422);
        assertThat(raw.json().get("errors").toString()).contains("selections[" + id + "].answer");
        assertThat(http.get("/api/v1/council/sittings/public/" + sitting).status()).isEqualTo(404);
        var draft = http.getAs("hdnd", "demo", base + "/publication-draft");
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.json().get(0).get("answer").get("text").asString()).doesNotContain(phone).contains("[số điện thoại]");
        // The member is not an officer of the agency: the draft names the kinds found, never the data itself.
        assertThat(draft.body()).doesNotContain(phone, "Khang", "079190012345");
        assertThat(draft.json().get(0).get("answer").get("found").toString()).contains("PHONE", "NAME");
        assertThat(draft.json().get(0).get("questionId").asString()).isEqualTo(id);

        // Closing with the automatic redaction confirmed publishes all the answers together.
        var closed = http.postJson("hdnd", "demo", base + "/close", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(http.postJson("lanhdao", "demo", base + "/selections/" + id + "/answer",
                Map.of("answer", "Sửa sau khi công khai")).status()).isEqualTo(409);
        var pub = http.get("/api/v1/council/sittings/public/" + sitting);
        assertThat(pub.status()).as(pub.body()).isEqualTo(200);
        assertThat(pub.body()).doesNotContain(phone).doesNotContain("079190012345").doesNotContain("Khang")
                .contains("[số điện thoại]").contains("[số định danh]").contains("đoàn kiểm tra").contains("Phạm Thị Dung");
        assertThat(http.get("/api/v1/council/sittings/public").body()).contains(sitting);
        // The public pages, anonymous.
        var page = http.get("/questions/sittings/" + sitting);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("kỳ thử " + id.substring(0, 8)).contains("đoàn kiểm tra")
                .doesNotContain("079190012345").doesNotContain("Khang");
        assertThat(http.get("/questions/sittings").body()).contains("/questions/sittings/" + sitting);
        assertThat(http.get("/questions").body()).contains("/questions/sittings");

        // The member's and the leader's workbench pages.
        Http member = new Http(port);
        assertThat(member.login("hdnd", "demo").status()).isEqualTo(302);
        assertThat(member.get("/workbench/council/sittings").body()).contains("/workbench/council/sittings/" + sitting);
        assertThat(member.get("/workbench/council/sittings/" + sitting).body()).contains("Đã công khai")
                .contains("/questions/sittings/" + sitting);
    }

    @Test
    void theWorkbenchPagesCreateASittingSelectAnswerAndClose() {
        String phone = QuestionApiTest.phone();
        String id = ask(SAI_GON, null, "Đèn đường hỏng", "Đèn đường trước nhà văn hóa hỏng đã hai tuần.", "Lý Thị Lan", phone);
        Http member = new Http(port);
        assertThat(member.login("hdnd", "demo").status()).isEqualTo(302);
        // The sitting's date in three boxes: 31/02 is named as a day that does not exist, nothing is created.
        var impossible = member.postForm("/workbench/council/sittings", "/workbench/council/sittings",
                "unitCode", "79", "title", "Phiên ngày sai " + id.substring(0, 8), "_dates", "date",
                "date__day", "31", "date__month", "2", "date__year", String.valueOf(LocalDate.now(VN).getYear() + 1));
        assertThat(impossible.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/workbench/council/sittings"));
        assertThat(member.get("/workbench/council/sittings").body())
                .contains("Ngày họp: không có ngày này").doesNotContain("Phiên ngày sai " + id.substring(0, 8));
        var created = member.postForm("/workbench/council/sittings", "/workbench/council/sittings",
                "unitCode", "79", "title", "Phiên trên trang " + id.substring(0, 8), "_dates", "date",
                "date__day", String.valueOf(LocalDate.now(VN).plusDays(7).getDayOfMonth()),
                "date__month", String.valueOf(LocalDate.now(VN).plusDays(7).getMonthValue()),
                "date__year", String.valueOf(LocalDate.now(VN).plusDays(7).getYear()));
        assertThat(created.status()).isEqualTo(302);
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/workbench/council/sittings/"));
        String page = member.get(path).body();
        assertThat(page).contains("Phiên trên trang " + id.substring(0, 8)).contains(id);  // the question is a candidate
        assertThat(member.postForm(path + "/selections", path, "questionId", id, "leader", "lanhdao",
                "answerBy", LocalDate.now(VN).plusDays(3).toString()).status()).isEqualTo(302);
        assertThat(member.postForm(path + "/close", path).status()).isEqualTo(302);
        assertThat(member.get(path).body()).contains("Còn câu hỏi chưa được trả lời");
        Http leader = new Http(port);
        assertThat(leader.login("lanhdao", "demo").status()).isEqualTo(302);
        assertThat(leader.get("/workbench/council/sittings").body()).contains(path);
        assertThat(leader.postForm(path + "/answer", path, "questionId", id, "answer", "Đã thay đèn ngày hôm qua.")
                .status()).isEqualTo(302);
        assertThat(member.postForm(path + "/close", path).status()).isEqualTo(302);
        String sitting = path.substring(path.lastIndexOf('/') + 1);
        assertThat(http.get("/questions/sittings/" + sitting).body()).contains("Đã thay đèn ngày hôm qua.");
    }

    @Test
    void aPublishedAnswerBecomesTextOfItsProcedureInTheCitizenAssistant() {
        String word = "quyxonga" + QuestionApiTest.phone().substring(6);
        String phone = QuestionApiTest.phone();
        String id = ask(SAI_GON, "1.001193", "Khai sinh cho trẻ sinh ở " + word,
                "Tôi là Vũ Văn Sơn, con tôi sinh ở " + word + ", đăng ký khai sinh thế nào? Số tôi " + phone, "Vũ Văn Sơn", phone);
        assertThat(texts("1.001193")).noneMatch(t -> t.contains(word));  // not before it is published
        String path = "/api/v1/questions/" + id;
        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("answer", "Trẻ sinh ở " + word + " đăng ký khai sinh tại Ủy ban nhân dân nơi cư trú.")).status()).isEqualTo(200);
        assertThat(texts("1.001193")).noneMatch(t -> t.contains(word));  // answered is not published
        assertThat(http.postJson("tiepnhan", "demo", path + "/publish", Map.of()).status()).isEqualTo(200);
        // The assistant reads the redacted public texts, never the original ones.
        assertThat(texts("1.001193")).anySatisfy(t -> assertThat(t).contains(word).contains("Ủy ban nhân dân nơi cư trú")
                .doesNotContain(phone).doesNotContain("Sơn"));
    }

    private List<String> texts(String procedure) {
        return CouncilFixtures.texts(textSources, procedure);
    }

    @Test
    void aPlacePickedByItsOldNameIsRoutedToTheUnitThatTookItOver() {
        // The place widget's lookup: "Bến Nghé" was abolished on 2025-07-01; its territory went to Phường Sài Gòn.
        JsonNode places = http.get("/api/v1/places?level=COMMUNE&q=" + URLEncoder.encode("ben nghe", StandardCharsets.UTF_8)).json();
        JsonNode old = null;
        for (JsonNode p : places) {
            if (!p.get("current").asBoolean()) {
                old = p;
                break;
            }
        }
        assertThat(old).as(places.toString()).isNotNull();
        assertThat(old.get("successors")).hasSize(1);
        String successor = old.get("successors").get(0).get("code").asString();
        Map<String, Object> body = new HashMap<>(QuestionApiTest.question(old.get("code").asString(), null,
                "Tôi ở phường Bến Nghé cũ, muốn phản ánh về tiếng ồn."));
        body.put("contact", Map.of("name", "Hà Văn Tâm", "phone", QuestionApiTest.phone()));
        var r = http.postJson(null, null, "/api/v1/questions", body, "X-Forwarded-For", QuestionApiTest.randomAddress());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("agency").get("code").asString()).isEqualTo("UBND-" + successor);
        assertThat(r.json().get("triage").asBoolean()).isFalse();
        assertThat(List.of(successor)).containsExactly("26740");
    }
}
