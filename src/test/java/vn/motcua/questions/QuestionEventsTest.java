package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.questions.internal.QuestionService;
import vn.motcua.questions.internal.Who;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Publishing an answer raises one event, {@link QuestionStateChanged} of type {@code PUBLISHED}, which both its
 * listeners read (the asker's notice in notify, the assistant's index of published answers): no second event for the
 * same change. The events are recorded on the test's thread, so the publication is called here, not over HTTP.
 */
@IntegrationTest
@RecordApplicationEvents
class QuestionEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    QuestionService questions;
    @Autowired
    ApplicationEvents events;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    @Test
    void publishingAnAnswerRaisesOneEvent() {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Khai sinh cho con");
        body.put("text", "Con tôi mới sinh, đăng ký khai sinh ở đâu?");
        body.put("place", Map.of("unitCode", QuestionApiTest.SAI_GON));
        body.put("procedureCode", "1.001193");
        body.put("contact", Map.of("name", "Đỗ Văn Một", "email", "mot." + UUID.randomUUID() + "@example.vn"));
        var asked = http.postJson(null, null, "/api/v1/questions", body, "X-Forwarded-For", QuestionApiTest.randomAddress());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String path = "/api/v1/questions/" + asked.json().get("id").asString();
        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(200);
        var answered = http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("answer", "Đăng ký tại Ủy ban nhân dân nơi cư trú, trong 60 ngày."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        events.clear();

        UUID id = UUID.fromString(asked.json().get("id").asString());
        questions.publish(id, answered.json().get("version").asInt(), null, null, null,
                new Who("tiepnhan", "Trần Thị Bình", false, false));

        List<Object> raised = events.stream(Object.class)
                .filter(e -> e.getClass().getPackageName().startsWith("vn.motcua.questions")).toList();
        assertThat(raised).as("one event for one publication").hasSize(1);
        QuestionStateChanged e = (QuestionStateChanged) raised.get(0);
        assertThat(e.type()).isEqualTo("PUBLISHED");
        assertThat(e.to()).isEqualTo(QuestionState.PUBLISHED);
        assertThat(e.procedureCode()).as("what the assistant's index needs").isEqualTo("1.001193");
    }
}
