package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.questions.internal.CouncilSittings;
import vn.motcua.questions.internal.Who;
import vn.motcua.support.ApiTest;
import vn.motcua.support.IntegrationTest;

/**
 * A council sitting's publication is a publication like an agency's: closing the sitting raises, for each answer it
 * publishes, the same {@link QuestionStateChanged} of type {@code PUBLISHED} — so the asker is told (with the sitting's
 * page, as the question's own state is unchanged) and the citizen assistant reads the answer as text of its procedure.
 * The close is called here, not over HTTP, so that the events are recorded on the test's thread.
 */
@IntegrationTest
@RecordApplicationEvents
class CouncilPublicationEventTest extends ApiTest {

    static final ZoneId VN = CouncilFixtures.VN;

    @Autowired
    CouncilSittings sittings;
    @Autowired
    ApplicationEvents events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    List<vn.motcua.assistant.ProcedureTextSource> textSources;

    @Test
    void closingASittingRaisesThePublicationEventTheAskerAndTheAssistantFollow() {
        String word = "hoidongx" + QuestionApiTest.phone().substring(6);
        String email = "hdnd." + UUID.randomUUID() + "@example.vn";
        UUID id = UUID.fromString(CouncilFixtures.ask(http, CouncilFixtures.SAI_GON, "1.001193",
                "Khai sinh cho trẻ sinh ở " + word, "Con tôi sinh ở " + word + ", đăng ký khai sinh ở đâu?",
                Map.of("name", "Mai Văn Hội", "email", email)));
        String state = jdbc.sql("select state from question where id = ?").param(id).query(String.class).single();

        UUID sitting = UUID.fromString(CouncilFixtures.openSitting(http, "Phiên kiểm tra sự kiện " + word,
                LocalDate.now(VN).plusDays(3)));
        String base = "/api/v1/council/sittings/" + sitting;
        assertThat(http.postJson("hdnd", "demo", base + "/selections", Map.of("questionId", id.toString(),
                "leader", "lanhdao", "answerBy", LocalDate.now(VN).toString())).status()).isEqualTo(201);
        assertThat(http.postJson("lanhdao", "demo", base + "/selections/" + id + "/answer", Map.of("answer",
                "Trẻ sinh ở " + word + " được đăng ký khai sinh tại Ủy ban nhân dân nơi cư trú của cha hoặc mẹ."))
                .status()).isEqualTo(200);
        assertThat(texts()).noneMatch(t -> t.contains(word));
        int noticesBefore = notices(id).size();
        events.clear();

        tx.executeWithoutResult(s -> sittings.close(sitting, null, new Who("hdnd", "Lương Văn Hải", false, false)));

        List<QuestionStateChanged> raised = events.stream(QuestionStateChanged.class).toList();
        assertThat(raised).as("one publication event for the one answer published").singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("PUBLISHED");
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.procedureCode()).isEqualTo("1.001193");
            assertThat(e.publicPath()).isEqualTo("/questions/sittings/" + sitting);
        });
        assertThat(jdbc.sql("select state from question where id = ?").param(id).query(String.class).single())
                .as("the question's own state is the agency's").isEqualTo(state);
        // The asker's notice, pointing at the sitting's public page (the question's own page is not published).
        List<String> after = notices(id);
        assertThat(after).hasSize(noticesBefore + 1)
                .anySatisfy(n -> assertThat(n).contains(email).contains("/questions/sittings/" + sitting));
        // The assistant's texts of the procedure: the redacted answer, not the asker's name.
        assertThat(texts()).anySatisfy(t -> assertThat(t).contains(word).contains("nơi cư trú của cha hoặc mẹ")
                .doesNotContain("Mai Văn Hội"));
    }

    /**
     * A sitting's publication changes the sitting (its redacted texts) and the question's history, not the question: an
     * officer answering it with the version they loaded before the sitting closed is not refused as a concurrent
     * change (it was, session 10: the publication bumped the version). A really stale version is still refused.
     */
    @Test
    void anOfficerAnsweringWhileASittingPublishesTheQuestionKeepsTheirEdit() {
        String word = "phienhop" + QuestionApiTest.phone().substring(6);
        String id = CouncilFixtures.ask(http, CouncilFixtures.SAI_GON, null, "Đèn đường hỏng ở " + word,
                "Đèn đường ở " + word + " hỏng đã hai tuần.",
                Map.of("name", "Lâm Văn Sáng", "email", "sang." + UUID.randomUUID() + "@example.vn"));
        String path = "/api/v1/questions/" + id;
        var accepted = http.postJson("tiepnhan", "demo", path + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        int loaded = accepted.json().get("version").asInt();

        String base = "/api/v1/council/sittings/" + CouncilFixtures.openSitting(http, "Phiên về đèn đường " + word,
                LocalDate.now(VN).plusDays(3));
        assertThat(http.postJson("hdnd", "demo", base + "/selections", Map.of("questionId", id,
                "leader", "lanhdao", "answerBy", LocalDate.now(VN).toString())).status()).isEqualTo(201);
        assertThat(http.postJson("lanhdao", "demo", base + "/selections/" + id + "/answer",
                Map.of("answer", "Đèn đường ở " + word + " sẽ được thay trong tuần.")).status()).isEqualTo(200);
        int noticesBefore = notices(UUID.fromString(id)).size();
        var closed = http.postJson("hdnd", "demo", base + "/close", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(notices(UUID.fromString(id))).as("the asker is told of the sitting's publication")
                .hasSize(noticesBefore + 1);
        assertThat(jdbc.sql("select count(*) from question_event where question_id = ?::uuid and type = 'PUBLISHED'")
                .param(id).query(Integer.class).single()).as("in the question's history").isEqualTo(1);

        var answered = http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("version", loaded, "answer", "Đã thay đèn đường ở " + word + "."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        var stale = http.postJson("tiepnhan", "demo", path + "/publish", Map.of("version", loaded));
        assertThat(stale.status()).as("the officer's own answer did change it").isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("error.concurrent-change");
    }

    private List<String> notices(UUID id) {
        return jdbc.sql("select recipient || ' ' || body from notification where question_id = ?")
                .param(id).query(String.class).list();
    }

    private List<String> texts() {
        return CouncilFixtures.texts(textSources, "1.001193");
    }
}
