package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * The access log (issue 21): an officer opening a dossier's page, its API answer or a slip leaves a row; the applicant
 * opening their own dossier does not. The applicant sees "Ai đã xem dữ liệu của tôi" on their dossier page and through
 * the API; an auditor searches the log; nobody else sees it.
 */
@IntegrationTest
class AccessLogTest extends ApiTest {

    @Autowired
    AccountService accounts;

    private long rows(String id) {
        return jdbc.sql("select count(*) from access_log where dossier_id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
    }

    @Test
    void officersViewsAreLoggedAndTheApplicantSeesThem() {
        String id = DossierFixtures.acceptedThroughApi(http);
        assertThat(rows(id)).as("submitting and accepting (POST) show nothing new").isZero();

        // The applicant's own views are not logged.
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(200);
        assertThat(rows(id)).isZero();

        // An officer: the API answer, the reception page and a slip.
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(200);
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        assertThat(officer.get("/workbench/dossiers/" + id).status()).isEqualTo(200);
        assertThat(officer.get("/workbench/dossiers/" + id + "/slips/01").status()).isEqualTo(200);
        assertThat(jdbc.sql("select purpose from access_log where dossier_id = ? and who = 'tiepnhan' order by id")
                .param(UUID.fromString(id)).query(String.class).list())
                .containsExactly("GET /api/v1/dossiers/{id}", "GET /workbench/dossiers/{id}",
                        "GET /workbench/dossiers/{id}/slips/{form:[0-9][0-9]}");

        var log = http.getAs("congdan", "demo", "/api/v1/dossiers/" + id + "/access-log");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        JsonNode first = log.json().get(log.json().size() - 1);
        assertThat(first.get("who").asString()).isEqualTo("Trần Thị Bình");
        assertThat(first.get("what").asString()).isEqualTo("DOSSIER");
        assertThat(first.get("at").asString()).isNotBlank();
        assertThat(first.has("post")).isTrue();
        assertThat(first.get("username").isNull()).as("officers' accounts are for auditors").isTrue();
        assertThat(log.json().get(0).get("what").asString()).isEqualTo("SLIP");

        // On the applicant's dossier page.
        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        String page = citizen.get("/my/dossiers/" + id).body();
        assertThat(page).contains("Ai đã xem dữ liệu của tôi", "Trần Thị Bình", "id=\"access-log\"");

        // Auditors see it, with the accounts, and search the whole log.
        var audited = http.getAs("kiemtra", "demo", "/api/v1/dossiers/" + id + "/access-log");
        assertThat(audited.status()).isEqualTo(200);
        assertThat(audited.json().get(0).get("username").asString()).isEqualTo("tiepnhan");
        var search = http.getAs("kiemtra", "demo", "/api/v1/access-log?officer=tiepnhan&dossier=" + id);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().size()).isEqualTo(3);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/access-log?officer=tiepnhan&dossier=" + id
                + "&from=2020-01-01&to=2020-01-02").json().size()).isZero();
        // The auditor's own look at the dossier is logged too.
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(200);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/access-log?officer=kiemtra&dossier=" + id).json().size()).isEqualTo(1);

        // Nobody else.
        accounts.save("congdan.khac", "demo", "Phạm Văn Khác", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        assertThat(http.getAs("congdan.khac", "demo", "/api/v1/dossiers/" + id + "/access-log").status()).isEqualTo(403);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/access-log").status()).isEqualTo(403);
        assertThat(http.getAs("quantri", "demo", "/api/v1/dossiers/" + id + "/access-log").status()).isEqualTo(403);
        assertThat(http.getAs("tiepnhan", "demo", "/api/v1/access-log").status()).isEqualTo(403);
        assertThat(http.getAs("congdan", "demo", "/api/v1/access-log").status()).isEqualTo(403);
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + UUID.randomUUID() + "/access-log").status())
                .isEqualTo(403);
    }

    @Test
    void anOfficersProcessingPageIsLoggedWithItsPost() {
        String id = DossierFixtures.acceptedThroughApi(http);
        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        assertThat(officer.get("/workbench/processing/" + id).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from access_log where dossier_id = ? and who = 'chuyenvien' "
                        + "and purpose = 'GET /workbench/processing/{id}' and what = 'DOSSIER' and post is not null")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
        var api = http.getAs("chuyenvien", "demo", "/api/v1/dossiers/" + id + "/processing");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(jdbc.sql("select agency from access_log where dossier_id = ? and purpose = 'GET /api/v1/dossiers/{id}/processing'")
                .param(UUID.fromString(id)).query(String.class).single()).isEqualTo("UBND-26740");
        // A refused officer is not logged: there was nothing shown.
        long before = rows(id);
        Http other = new Http(port);
        assertThat(other.getAs("congdan", "demo", "/api/v1/dossiers/" + id + "/processing").status()).isEqualTo(200);
        assertThat(rows(id)).isEqualTo(before);
    }
}
