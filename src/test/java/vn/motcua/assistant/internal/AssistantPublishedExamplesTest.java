package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Round 11: the questions module's published questions that name a procedure become answered examples when the index is
 * rebuilt (read through {@code PublishedAnswers}, the published, redacted texts only), once a procedure has at least
 * {@link ExampleIndex#MIN_FROM_USE} of them: a citizen asking a paraphrase then gets that procedure first.
 */
@IntegrationTest
class AssistantPublishedExamplesTest {

    /** Thủ tục đăng ký chấm dứt giám hộ: no line of the seed examples names it. */
    private static final String END_OF_GUARDIANSHIP = "1.004845";
    private static final String WARD = "26740";
    private static final String PARAPHRASE = "em toi lon roi, khong can giam ho nua thi bao phuong sao";

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImporter importer;
    @Autowired
    AssistantService assistant;
    Http http;

    @Autowired
    vn.motcua.support.ReferenceData referenceData;

    @BeforeEach
    void setUp() {
        // the question's place (ward 26740) needs the territory: run alone, nothing else had loaded it
        referenceData.ensureAll();
        importer.importAll();
        http = new Http(port);
    }

    @Test
    void aPublishedQuestionNamingAProcedureAnswersItsParaphrase() {
        assistant.rebuildNow();
        // round 14: the written corpus names it (and answers the paraphrase by itself); the published questions are
        // measured against our sets' lines alone, which never name it
        assertThat(first(assistant.ask(PARAPHRASE, WARD, 5, Locale.forLanguageTag("vi")))).as("with the written corpus")
                .isEqualTo(END_OF_GUARDIANSHIP);
        assertThat(ExampleFiles.load()).filteredOn(l -> !ExampleIndex.written(l[2])).noneMatch(l -> l[1].contains(END_OF_GUARDIANSHIP));
        Answers before = withoutWritten(PARAPHRASE);
        // before any publication the ranking puts the registration of a guardianship first (its name is the shorter)
        assertThat(first(before)).as("before any publication").isNotEqualTo(END_OF_GUARDIANSHIP);

        publish("Cháu tôi đã đủ 18 tuổi, tôi thôi làm người giám hộ cho cháu thì báo phường thế nào?");
        assistant.rebuildNow();
        // one published question is not enough to steer (a minimum count per procedure)
        assertThat(fromUse()).noneMatch(e -> e.codes().contains(END_OF_GUARDIANSHIP));

        publish("Em tôi đã trưởng thành, không cần người giám hộ nữa thì làm giấy gì ở phường?");
        assistant.rebuildNow();
        List<ExampleIndex.Example> published = fromUse().stream().filter(e -> e.codes().contains(END_OF_GUARDIANSHIP)).toList();
        assertThat(published).hasSize(2).allSatisfy(e -> assertThat(e.source()).isEqualTo("questions:published"));
        Answers after = withoutWritten(PARAPHRASE);
        assertThat(after.noMatch()).isFalse();
        assertThat(first(after)).isEqualTo(END_OF_GUARDIANSHIP);
    }

    /** The question answered as in production, with every example but the written corpus's. */
    private Answers withoutWritten(String question) {
        return assistant.answer(question, WARD, 5, Locale.forLanguageTag("vi"), RankingWeights.DEFAULT, ExampleEvidence.DEFAULT,
                assistant.examples().only("no written", s -> !ExampleIndex.written(s)));
    }

    private List<ExampleIndex.Example> fromUse() {
        return assistant.examples().examples().stream().filter(e -> e.source().equals("questions:published")).toList();
    }

    private static String first(Answers a) {
        return a.answers().isEmpty() ? null : a.answers().get(0).code();
    }

    /** A question asked, accepted, answered and published as the automatic redaction, over the API. */
    private void publish(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Giám hộ");
        body.put("text", text);
        body.put("place", Map.of("unitCode", WARD));
        body.put("procedureCode", END_OF_GUARDIANSHIP);
        body.put("contact", Map.of("name", "Lê Văn Hai", "email", "hai." + UUID.randomUUID() + "@example.vn"));
        var r = ThreadLocalRandom.current();
        var asked = http.postJson(null, null, "/api/v1/questions", body, "X-Forwarded-For",
                "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String path = "/api/v1/questions/" + asked.json().get("id").asString();
        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(200);
        var answered = http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("answer", "Người giám hộ và người được giám hộ đăng ký chấm dứt giám hộ tại Ủy ban nhân dân cấp xã."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        var published = http.postJson("tiepnhan", "demo", path + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
}
