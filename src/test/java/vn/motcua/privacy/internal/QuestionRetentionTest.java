package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.privacy.RetainedQuestions;
import vn.motcua.support.ApiTest;
import vn.motcua.support.IntegrationTest;

/**
 * Retention of citizens' questions: a question closed more than five years before the run loses its asker's name,
 * contact, account and original texts (the redacted public texts stay), the asker's entries in its history, and the
 * notices sent to the asker; a question closed recently is untouched; a dry run changes nothing.
 */
@IntegrationTest
class QuestionRetentionTest extends ApiTest {

    private static final Clock FIXED = RetentionFixture.FIXED;
    private static final String SAI_GON = "26740";

    @Autowired
    JsonMapper json;
    @Autowired
    Retention retention;
    @Autowired
    RetainedQuestions owner;

    /** Asked by a signed-in citizen with a contact, accepted, answered and published; its id. */
    UUID publishedQuestion(String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Khai sinh cho con của " + name);
        body.put("text", "Tôi là " + name + ", con tôi mới sinh, đăng ký khai sinh ở đâu?");
        body.put("place", Map.of("unitCode", SAI_GON));
        body.put("contact", Map.of("name", name, "email", email, "phone", "0912345678"));
        var asked = http.postJson("congdan", "demo", "/api/v1/questions", body,
                "X-Forwarded-For", "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String path = "/api/v1/questions/" + asked.json().get("id").asString();
        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(200);
        var answered = http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("answer", "Thưa " + name + ", đăng ký tại Ủy ban nhân dân nơi cư trú."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        var published = http.postJson("tiepnhan", "demo", path + "/publish",
                Map.of("version", answered.json().get("version").asInt()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return UUID.fromString(asked.json().get("id").asString());
    }

    record Row(String subject, String body, String answer, String name, String phone, String email, String asker,
               String publicQuestion, Instant anonymisedAt) {
    }

    Row row(UUID id) {
        return jdbc.sql("""
                        select subject, body, answer, contact_name, contact_phone, contact_email, asker, public_question,
                               anonymised_at from question where id = ?""").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .single();
    }

    List<String> notices(UUID id) {
        return jdbc.sql("select recipient || ' ' || subject || ' ' || body from notification where question_id = ?")
                .param(id).query(String.class).list();
    }

    List<String> raters(UUID id) {
        return jdbc.sql("select username from question_rating where question_id = ?").param(id).query(String.class)
                .list();
    }

    List<String> askerEvents(UUID id) {
        return jdbc.sql("select actor || ' ' || coalesce(actor_name, '') from question_event where question_id = ? and type = 'RECEIVED'")
                .param(id).query(String.class).list();
    }

    @Test
    void aQuestionClosedPastItsPeriodLosesItsAskersDataAndTheNoticesSentToThem() {
        UUID old = publishedQuestion("Lê Thị Hết Hạn", "het.han." + UUID.randomUUID() + "@example.vn");
        UUID recent = publishedQuestion("Vũ Văn Còn Hạn", "con.han." + UUID.randomUUID() + "@example.vn");
        jdbc.sql("update question set closed_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse("2019-06-01T03:00:00Z")), old).update();
        String oldCode = jdbc.sql("select code from question where id = ?").param(old).query(String.class).single();
        assertThat(http.postJson("congdan", "demo", "/api/v1/questions/public/" + oldCode + "/rating",
                Map.of("useful", true)).status()).isEqualTo(200);
        assertThat(raters(old)).containsExactly("congdan");
        Row before = row(old);
        assertThat(before.name()).isEqualTo("Lê Thị Hết Hạn");
        assertThat(before.asker()).isEqualTo("congdan");
        assertThat(before.body()).contains("Lê Thị Hết Hạn");
        assertThat(before.publicQuestion()).as("redacted when published").doesNotContain("Lê Thị Hết Hạn");
        assertThat(notices(old)).as("accepted, answered, published").hasSizeGreaterThanOrEqualTo(3)
                .allMatch(n -> n.contains("het.han."));
        assertThat(askerEvents(old)).singleElement().asString().contains("congdan");
        Row recentBefore = row(recent);
        List<String> recentNotices = notices(recent);

        Retention.Run dry = retention.dryRun(FIXED.instant(), "quantri");
        assertThat(dry.questions()).extracting(Retention.QuestionItem::questionId).contains(old).doesNotContain(recent);
        assertThat(dry.questions()).filteredOn(q -> q.questionId().equals(old)).singleElement()
                .extracting(Retention.QuestionItem::retainedUntil).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(row(old)).as("a dry run changes nothing").isEqualTo(before);

        Retention.Run run = retention.execute(dry.id(), FIXED.instant(), "quantri");
        assertThat(run.questions()).extracting(Retention.QuestionItem::questionId).contains(old);
        Row after = row(old);
        assertThat(after.name()).isNull();
        assertThat(after.phone()).isNull();
        assertThat(after.email()).isNull();
        assertThat(after.asker()).isNull();
        assertThat(after.body()).isEqualTo(before.publicQuestion()).doesNotContain("Lê Thị Hết Hạn");
        assertThat(after.answer()).doesNotContain("Lê Thị Hết Hạn");
        assertThat(after.subject()).doesNotContain("Lê Thị Hết Hạn");
        assertThat(after.anonymisedAt()).isEqualTo(FIXED.instant());
        assertThat(notices(old)).isNotEmpty().noneMatch(n -> n.contains("het.han.") || n.contains("Hết Hạn"));
        assertThat(askerEvents(old)).singleElement().asString().doesNotContain("congdan");
        assertThat(raters(old)).as("the vote stays, not who voted").singleElement().asString()
                .startsWith("anonymous:").doesNotContain("congdan");
        assertThat(jdbc.sql("select count(*) from question_rating where question_id = ? and useful").param(old)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(http.getAs("congdan", "demo", "/api/v1/me/data-export").body()).doesNotContain(old.toString())
                .contains(recent.toString());
        assertThat(row(recent)).isEqualTo(recentBefore);
        assertThat(notices(recent)).isEqualTo(recentNotices);
        // Published answers stay public, from their redacted texts.
        String code = jdbc.sql("select code from question where id = ?").param(old).query(String.class).single();
        assertThat(http.get("/api/v1/questions/public/" + code).status()).isEqualTo(200);
        // Anonymised once: the next dry run no longer lists it.
        assertThat(retention.dryRun(FIXED.instant(), "quantri").questions())
                .extracting(Retention.QuestionItem::questionId).doesNotContain(old);
    }

    @Test
    void everyPersonalColumnOfAQuestionIsEitherClearedOrKeptForAStatedReason() {
        RetentionFixture.everyColumnClearedOrKept(Register.load(json), t -> t.table().equals("question")
                        || t.table().startsWith("question_") && t.context() != null && t.context().contains("question_id")
                        || t.subject() != null && t.subject().contains("from question"),
                owner.columns());
    }
}
