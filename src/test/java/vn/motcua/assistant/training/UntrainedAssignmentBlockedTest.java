package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * {@code motcua.training.block-untrained-assignment=true}: the dossier module's assignment asks the training (the
 * {@code AssignmentCheck} port) and an officer with an open training for the procedure is refused — a 409 problem in
 * Vietnamese naming the training on the API, the same message on the processing page — until the training is done.
 */
@IntegrationTest
@TestPropertySource(properties = "motcua.training.block-untrained-assignment=true")
class UntrainedAssignmentBlockedTest extends UntrainedAssignmentTest {

    @Test
    void an_untrained_officer_is_refused_until_the_training_is_completed() {
        assertThat(warningAsLeader())
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
