package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;

/**
 * What the tests of both settings of {@code motcua.training.block-untrained-assignment} start from: {@link ApiTest}'s,
 * and an {@link UntrainedAssignmentFixture} made before and cleaned after each test.
 */
abstract class UntrainedAssignmentTest extends ApiTest {

    @Autowired
    TrainingService training;
    UntrainedAssignmentFixture f;

    @BeforeEach
    void openTheFixture() {
        f = new UntrainedAssignmentFixture(port, jdbc, training);
    }

    @AfterEach
    void cleanUp() {
        f.cleanUp();
    }

    /** The assignment warning of the fixture's dossier, as the leader {@code lanhdao} reads it. */
    String warningAsLeader() {
        Http h = new Http(port);
        assertThat(h.login("lanhdao", "demo").status()).isEqualTo(302);
        return h.get("/workbench/training/dossier/" + f.dossierId + "/warning").body();
    }
}
