package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The default setting ({@code motcua.training.block-untrained-assignment=false}): assigning a dossier to an officer who
 * has not completed the procedure's training is only warned about; the assignment goes through, by API and by page.
 */
@IntegrationTest
class UntrainedAssignmentWarnsTest {

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
    void the_warning_names_the_officer_and_the_assignment_goes_through() {
        Http h = new Http(port);
        assertThat(h.login("lanhdao", "demo").status()).isEqualTo(302);
        String warning = h.get("/workbench/training/dossier/" + f.dossierId + "/warning").body();
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
