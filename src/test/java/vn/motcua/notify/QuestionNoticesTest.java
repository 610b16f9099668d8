package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.questions.QuestionState;
import vn.motcua.questions.QuestionStateChanged;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The asker of a question is told of each step (issue 22): one outbox row per transition, in Vietnamese, to the
 * asker's own contact (e-mail, or an SMS kept in the outbox), with nothing of anyone else; a refused retry or a
 * redelivered event writes nothing more.
 */
@IntegrationTest
class QuestionNoticesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    vn.motcua.support.TestOfficers officers;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        officers.tanDinhReception();
    }

    record Row(String recipient, String channel, String status, String subject, String body, String dedupKey) {
    }

    private List<Row> notices(String questionId) {
        return jdbc.sql("""
                select recipient, channel, status, subject, body, dedup_key from notification
                where question_id = cast(? as uuid) order by created_at, dedup_key""").param(questionId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    private static String phone() {
        return "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private Http.Response ask(String user, Map<String, Object> contact, String subject, String text) {
        Map<String, Object> body = new HashMap<>(Map.of("subject", subject, "text", text,
                "place", Map.of("unitCode", "26740"), "contact", contact));
        var r = ThreadLocalRandom.current();
        Http.Response resp = user == null
                ? http.postJson(null, null, "/api/v1/questions", body, "X-Forwarded-For",
                        "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)))
                : http.postJson(user, "demo", "/api/v1/questions", body);
        assertThat(resp.status()).as(resp.body()).isEqualTo(201);
        return resp;
    }

    private Http.Response act(String officer, String path, Map<String, Object> body) {
        Http.Response r = http.postJson(officer, "demo", path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void eachStepOfASignedInCitizensQuestionWritesOneMessageToTheirAddressOnly() {
        String email = "hoi." + UUID.randomUUID() + "@example.vn";
        // Another asker at the same time: nothing of theirs may reach the first one's messages.
        String otherEmail = "khac." + UUID.randomUUID() + "@example.vn";
        String otherPhone = phone();
        var other = ask(null, Map.of("name", "Đỗ Thị Quyên", "email", otherEmail, "phone", otherPhone),
                "Đèn đường hỏng", "Đèn đường trước nhà tôi hỏng đã hai tuần.");
        // A third person's phone number in the subject is hidden in the messages, as on the public page.
        var created = ask("congdan", Map.of("email", email), "Khai sinh cho con của anh Phạm Văn Tâm 0988 777 666",
                "Con tôi sinh tháng trước, đăng ký khai sinh trực tuyến cần giấy tờ gì?");
        String id = created.json().get("id").asString();
        String code = created.json().get("code").asString();
        String path = "/api/v1/questions/" + id;
        assertThat(notices(id)).as("receipt is not announced").isEmpty();

        var accepted = act("tiepnhan", path + "/accept", Map.of());
        // A retry of the same action is refused (409) and tells nothing more.
        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(409);
        List<Row> rows = notices(id);
        assertThat(rows).hasSize(1);
        Row first = rows.get(0);
        assertThat(first.recipient()).isEqualTo(email);
        assertThat(first.channel()).isEqualTo("EMAIL");
        assertThat(first.status()).isEqualTo("OUTBOX_ONLY");
        assertThat(first.subject()).isEqualTo("[Một cửa] Câu hỏi " + code + ": Đã tiếp nhận, đang xử lý");
        assertThat(first.body()).startsWith("Kính gửi Nguyễn Văn An,\n\nCâu hỏi \"Khai sinh cho con của anh [họ tên]")
                .contains("(" + code + ") của ông/bà: Đã tiếp nhận, đang xử lý lúc ","Cơ quan xử lý: Ủy ban nhân dân Phường Sài Gòn.", "Hạn trả lời: ", "Mã câu hỏi: " + code);
        assertThat(first.dedupKey()).isEqualTo("question/" + id + "/ACCEPTED/" + accepted.json().get("version").asInt());

        act("tiepnhan", path + "/request-information", Map.of("message", "Cho biết ngày sinh của cháu"));
        act("congdan", path + "/information", Map.of("text", "Cháu sinh ngày 02/3."));
        act("tiepnhan", path + "/answer", Map.of("answer", "Đăng ký trên Cổng dịch vụ công, trả kết quả trong ngày."));
        act("tiepnhan", path + "/publish", Map.of());

        rows = notices(id);
        // The supplement (the asker's own act) is not announced: four messages, one per step.
        assertThat(rows).extracting(Row::subject).containsExactly(
                "[Một cửa] Câu hỏi " + code + ": Đã tiếp nhận, đang xử lý",
                "[Một cửa] Câu hỏi " + code + ": Cần bổ sung thông tin",
                "[Một cửa] Câu hỏi " + code + ": Đã có câu trả lời",
                "[Một cửa] Câu hỏi " + code + ": Câu trả lời đã được công khai");
        assertThat(rows).extracting(Row::recipient).containsOnly(email);
        assertThat(rows.get(1).body()).contains("Thông tin cần bổ sung: Cho biết ngày sinh của cháu",
                "Ông/bà bổ sung trên trang câu hỏi trong tài khoản của mình.");
        assertThat(rows.get(2).body()).contains("Câu trả lời:\nĐăng ký trên Cổng dịch vụ công, trả kết quả trong ngày.",
                "chậm nhất ");
        // a full address (motcua.public-base-url, by default the demo's own), not a bare path
        assertThat(rows.get(3).body()).contains(" http://localhost:8080/questions/" + code);
        for (Row r : rows) {
            // Nobody else's data: not the other asker's, not the officer's name or account, not the third person's.
            assertThat(r.subject() + r.body()).doesNotContain("Đỗ Thị Quyên", otherEmail, otherPhone,
                    other.json().get("code").asString(), "Trần Thị Bình", "tiepnhan", "Phạm Văn Tâm", "0988 777 666");
        }
        assertThat(notices(other.json().get("id").asString())).isEmpty();
    }

    @Test
    void aForwardAndARefusalReachAnAnonymousAskerByEmailAndAPhoneOnlyAskerBySms() {
        String email = "andanh." + UUID.randomUUID() + "@example.vn";
        var q = ask(null, Map.of("name", "Trần Văn Tư", "email", email), "Tiếng ồn karaoke",
                "Quán karaoke hát đến nửa đêm.");
        String id = q.json().get("id").asString();
        String code = q.json().get("code").asString();
        act("tiepnhan", "/api/v1/questions/" + id + "/forward",
                Map.of("agencyCode", "UBND-26737", "reason", "Quán ở phường Tân Định"));
        act("cb.tandinh", "/api/v1/questions/" + id + "/refuse", Map.of("reason", "Nội dung đã được trả lời tại PAKN khác"));
        List<Row> rows = notices(id);
        assertThat(rows).extracting(Row::subject).containsExactly(
                "[Một cửa] Câu hỏi " + code + ": Đã chuyển đến cơ quan có thẩm quyền",
                "[Một cửa] Câu hỏi " + code + ": Từ chối tiếp nhận");
        assertThat(rows).extracting(Row::recipient).containsOnly(email);
        assertThat(rows.get(0).body()).startsWith("Kính gửi Trần Văn Tư,")
                .contains("Câu hỏi được Ủy ban nhân dân Phường Sài Gòn chuyển đến Ủy ban nhân dân Phường Tân Định để giải "
                        + "quyết theo thẩm quyền. Lý do: Quán ở phường Tân Định", "Hạn trả lời mới: ");
        assertThat(rows.get(1).body()).contains("Lý do từ chối: Nội dung đã được trả lời tại PAKN khác")
                .doesNotContain("Nguyễn Thị Hạnh", "cb.tandinh");

        // Only a phone number: an SMS, kept in the outbox (no SMS gateway), never handed to the mail sender.
        String phone = phone();
        var bySms = ask(null, Map.of("name", "Mai Văn Lộc", "phone", phone), "Rác thải", "Rác tồn đọng trong hẻm.");
        String smsId = bySms.json().get("id").asString();
        act("tiepnhan", "/api/v1/questions/" + smsId + "/request-information", Map.of("message", "Số nhà cụ thể?"));
        List<Row> sms = notices(smsId);
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).channel()).isEqualTo("SMS");
        assertThat(sms.get(0).recipient()).isEqualTo(phone);
        assertThat(sms.get(0).status()).isEqualTo("OUTBOX_ONLY");
        assertThat(sms.get(0).body()).matches(java.util.regex.Pattern.quote("[Một cửa] Câu hỏi "
                + bySms.json().get("code").asString() + ": Cần bổ sung thông tin (Ủy ban nhân dân Phường Sài Gòn, lúc ")
                + "\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}\\)\\.");
    }

    @Test
    void aRedeliveredEventWritesNothingMore() {
        String email = "lai." + UUID.randomUUID() + "@example.vn";
        var q = ask(null, Map.of("name", "Vũ Thị Lan", "email", email), "Đèn đường", "Đèn đường hỏng.");
        String id = q.json().get("id").asString();
        var accepted = act("tiepnhan", "/api/v1/questions/" + id + "/accept", Map.of());
        int version = accepted.json().get("version").asInt();
        assertThat(notices(id)).hasSize(1);
        QuestionStateChanged again = new QuestionStateChanged(UUID.fromString(id), q.json().get("code").asString(),
                "ACCEPTED", QuestionState.RECEIVED, QuestionState.PROCESSING, Instant.now(), version, "Đèn đường",
                "Ủy ban nhân dân Phường Sài Gòn", null, null, null, null, false, "Vũ Thị Lan", email, null, null, null);
        tx.executeWithoutResult(s -> events.publishEvent(again));
        assertThat(notices(id)).hasSize(1);
        // The same step at a later version (another change) is a new message: the key is not merely the type.
        tx.executeWithoutResult(s -> events.publishEvent(new QuestionStateChanged(again.id(), again.code(), "ACCEPTED",
                again.from(), again.to(), again.at(), version + 1, again.subject(), again.agencyName(), null, null, null,
                null, false, again.askerName(), email, null, null, null)));
        assertThat(notices(id)).hasSize(2);
        jdbc.sql("delete from notification where dedup_key = ?").param("question/" + id + "/ACCEPTED/" + (version + 1))
                .update();
    }
}
