package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * {@code motcua.training.block-untrained-assignment=true}: the dossier module's assignment asks the training (the
 * {@code AssignmentCheck} port) and an officer with an open training for the procedure is refused — a 409 problem in
 * Vietnamese naming the training on the API, the same message on the processing page — until the training is done.
 */
@IntegrationTest
@TestPropertySource(properties = "motcua.training.block-untrained-assignment=true")
class UntrainedAssignmentBlockedTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    TrainingService training;
    UntrainedAssignmentFixture f;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        f = new UntrainedAssignmentFixture(port, jdbc, training);
    }

    @AfterEach
    void tearDown() {
        f.cleanUp();
    }

    @Test
    void an_untrained_officer_is_refused_until_the_training_is_completed() {
        Http h = new Http(port);
        assertThat(h.login("lanhdao", "demo").status()).isEqualTo(302);
        assertThat(h.get("/workbench/training/dossier/" + f.dossierId + "/warning").body())
                .contains("Lê Văn Cường").contains("Không thể phân công cho các cán bộ sau");

        var refused = f.assignThroughApi();
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .contains("Không thể phân công cho Lê Văn Cường")
                .containsPattern("chưa hoàn thành bồi dưỡng thủ tục “[^”]*khai sinh[^”]*” \\(1\\.001193\\)");
        assertThat(refused.json().get("training").asString()).isEqualTo(UntrainedAssignmentFixture.PROCEDURE);
        assertThat(f.assignee()).as("nothing written").isNull();
        assertThat(f.assignments()).isZero();

        Http.Response page = f.assignThroughPage();
        assertThat(page.body()).contains("Không thể phân công cho Lê Văn Cường").contains("(1.001193)");
        assertThat(f.assignee()).isNull();

        f.complete();
        var accepted = f.assignThroughApi();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(f.assignee()).isEqualTo(UntrainedAssignmentFixture.OFFICER);
        assertThat(f.assignments()).isEqualTo(1);
    }
}
