package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * The default setting ({@code motcua.training.block-untrained-assignment=false}): assigning a dossier to an officer who
 * has not completed the procedure's training is only warned about; the assignment goes through, by API and by page.
 */
@IntegrationTest
class UntrainedAssignmentWarnsTest extends UntrainedAssignmentTest {

    @Test
    void the_warning_names_the_officer_and_the_assignment_goes_through() {
        String warning = warningAsLeader();
        assertThat(warning).contains("Lê Văn Cường").contains("Lưu ý khi phân công").doesNotContain("không thể phân công");

        var api = f.assignThroughApi();
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(f.assignee()).isEqualTo(UntrainedAssignmentFixture.OFFICER);

        // Assigned again through the page (a leader may reassign): no refusal either, one more assignment recorded.
        Http.Response page = f.assignThroughPage();
        assertThat(page.body()).doesNotContain("Không thể phân công");
        assertThat(f.assignments()).isEqualTo(2);
        assertThat(f.assignee()).isEqualTo(UntrainedAssignmentFixture.OFFICER);
    }
}
