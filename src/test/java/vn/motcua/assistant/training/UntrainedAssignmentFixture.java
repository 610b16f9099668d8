package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.Http;

/**
 * An accepted birth registration (demo data: the leader {@code lanhdao} may assign its open step to {@code chuyenvien})
 * and an open training of {@code chuyenvien} for that procedure; shared by the tests of both settings.
 */
final class UntrainedAssignmentFixture {

    static final String OFFICER = "chuyenvien";
    static final String PROCEDURE = "1.001193";

    final Http http;
    final JdbcClient jdbc;
    final int port;
    final String dossierId;

    UntrainedAssignmentFixture(int port, JdbcClient jdbc, TrainingService training) {
        this.port = port;
        this.http = new Http(port);
        this.jdbc = jdbc;
        this.dossierId = DossierFixtures.acceptedThroughApi(http);
        UUID officerId = jdbc.sql("select id from territory_officer where username = ?").param(OFFICER)
                .query(UUID.class).single();
        jdbc.sql("delete from training_assignment where username = ? and procedure_code = ?").params(OFFICER, PROCEDURE).update();
        training.assign(officerId, OFFICER, "Lê Văn Cường", PROCEDURE, "UBND-26740", "Ủy ban nhân dân phường");
    }

    void cleanUp() {
        jdbc.sql("delete from training_assignment where username = ? and procedure_code = ?").params(OFFICER, PROCEDURE).update();
    }

    void complete() {
        jdbc.sql("update training_assignment set completed_at = now(), score = 5, questions = 5 where username = ? and procedure_code = ?")
                .params(OFFICER, PROCEDURE).update();
    }

    String assignee() {
        return jdbc.sql("select assignee from dossier_step where dossier_id = ?::uuid and finished_at is null")
                .param(dossierId).query(String.class).optional().orElse(null);
    }

    /** Assignment entries in the dossier's history. */
    long assignments() {
        return jdbc.sql("select count(*) from dossier_event where dossier_id = ?::uuid and type in ('ASSIGNED', 'REASSIGNED')")
                .param(dossierId).query(Long.class).single();
    }

    Http.Response assignThroughApi() {
        return http.postJson("lanhdao", "demo", "/api/v1/dossiers/" + dossierId + "/assign", Map.of("assignee", OFFICER));
    }

    /** The processing page's "Phân công" form, as the leader's browser posts it; returns the page shown after. */
    Http.Response assignThroughPage() {
        Http h = new Http(port);
        assertThat(h.login("lanhdao", "demo").status()).isEqualTo(302);
        String page = "/workbench/processing/" + dossierId;
        Http.Response posted = h.postForm(page + "/assign", page, "assignee", OFFICER);
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        return h.get(page);
    }
}
