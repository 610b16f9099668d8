package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * One page view, one access-log row: a dossier's workbench page loads its panels (appraisal, questions, training
 * warning) with the page's view id, and those panel requests are not logged again; a panel opened without it, or with
 * a view id of another officer or dossier, is; the API and the dossier's own pages never trust a view id.
 */
@IntegrationTest
class PanelAccessLogTest {

    private static final Pattern PANEL = Pattern.compile("hx-get=\"(/workbench/(?:appraisal|questions/dossier|training/dossier)/[^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    private long rows(String id, String who) {
        return jdbc.sql("select count(*) from access_log where dossier_id = ? and who = ?")
                .params(UUID.fromString(id), who).query(Long.class).single();
    }

    /** The panels' URLs on a page (unescaped), each with the page's view id. */
    private static List<String> panels(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PANEL.matcher(html);
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return List.copyOf(out);
    }

    private static String view(String url) {
        Matcher m = Pattern.compile("view=([0-9a-f-]{36})").matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return m.group(1);
    }

    @Test
    void aPageAndItsPanelsAreOneRow() {
        String id = DossierFixtures.acceptedThroughApi(http);
        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        var page = officer.get("/workbench/processing/" + id);
        assertThat(page.status()).isEqualTo(200);
        List<String> panels = panels(page.body());
        assertThat(panels).as("appraisal, questions (the training warning only for an officer in training)")
                .anyMatch(p -> p.startsWith("/workbench/appraisal/")).anyMatch(p -> p.startsWith("/workbench/questions/"));
        String view = view(panels.get(0));
        assertThat(panels).allSatisfy(p -> assertThat(view(p)).isEqualTo(view));
        panels = new java.util.ArrayList<>(panels);
        if (panels.stream().noneMatch(p -> p.contains("/training/"))) {
            panels.add("/workbench/training/dossier/" + id + "/warning?view=" + view);
        }
        for (String p : panels) {
            assertThat(officer.get(p).status()).as(p).isEqualTo(200);
        }
        assertThat(rows(id, "chuyenvien")).as("the page's row only").isEqualTo(1);
        assertThat(jdbc.sql("select view_id from access_log where dossier_id = ? and who = 'chuyenvien'")
                .param(UUID.fromString(id)).query(UUID.class).single()).isEqualTo(UUID.fromString(view));

        // The reception page: its own view, its panels part of it.
        Http reception = new Http(port);
        reception.login("tiepnhan", "demo");
        var receptionPage = reception.get("/workbench/dossiers/" + id);
        assertThat(receptionPage.status()).isEqualTo(200);
        List<String> receptionPanels = panels(receptionPage.body());
        assertThat(receptionPanels).hasSize(2);
        assertThat(view(receptionPanels.get(0))).isNotEqualTo(view);
        for (String p : receptionPanels) {
            assertThat(reception.get(p).status()).as(p).isEqualTo(200);
        }
        assertThat(rows(id, "tiepnhan")).isEqualTo(1);

        // A panel opened on its own, or with someone else's view id, is a view of its own.
        assertThat(officer.get("/workbench/appraisal/" + id).status()).isEqualTo(200);
        assertThat(rows(id, "chuyenvien")).isEqualTo(2);
        assertThat(reception.get("/workbench/questions/dossier/" + id + "?view=" + view).status()).isEqualTo(200);
        assertThat(rows(id, "tiepnhan")).isEqualTo(2);
        // A view id of another dossier does not cover this one.
        String other = DossierFixtures.acceptedThroughApi(http);
        assertThat(officer.get("/workbench/appraisal/" + other + "?view=" + view).status()).isEqualTo(200);
        assertThat(rows(other, "chuyenvien")).isEqualTo(1);
        // A slip is a row of its own, whatever view id it names.
        assertThat(reception.get("/workbench/dossiers/" + id + "/slips/01?view=" + view(receptionPanels.get(0))).status())
                .isEqualTo(200);
        assertThat(rows(id, "tiepnhan")).isEqualTo(3);
        // Opening the page again is a new view.
        assertThat(officer.get("/workbench/processing/" + id).status()).isEqualTo(200);
        assertThat(rows(id, "chuyenvien")).isEqualTo(3);
    }

    @Test
    void theApiAndTheDossiersOwnPagesDoNotTrustAViewIdNotEvenOneTheServerIssuedToThisOfficer() {
        String id = DossierFixtures.acceptedThroughApi(http);
        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        var page = officer.get("/workbench/processing/" + id);
        assertThat(page.status()).isEqualTo(200);
        String view = view(panels(page.body()).get(0));
        assertThat(rows(id, "chuyenvien")).isEqualTo(1);
        // The officer's own view id of this very dossier, replayed on the API: each read is a row.
        for (int i = 1; i <= 2; i++) {
            var api = http.getAs("chuyenvien", "demo", "/api/v1/dossiers/" + id + "?view=" + view);
            assertThat(api.status()).as(api.body()).isEqualTo(200);
            assertThat(rows(id, "chuyenvien")).isEqualTo(1 + i);
        }
        // A forged view id, and one of another officer, on the API: rows too.
        assertThat(http.getAs("chuyenvien", "demo", "/api/v1/dossiers/" + id + "?view=" + UUID.randomUUID()).status())
                .isEqualTo(200);
        assertThat(rows(id, "chuyenvien")).isEqualTo(4);
        // The dossier's page reloaded with its own earlier view id is a new view.
        assertThat(officer.get("/workbench/processing/" + id + "?view=" + view).status()).isEqualTo(200);
        assertThat(rows(id, "chuyenvien")).isEqualTo(5);
        // A panel with the page's view id is still part of the view.
        assertThat(officer.get("/workbench/appraisal/" + id + "?view=" + view).status()).isEqualTo(200);
        assertThat(rows(id, "chuyenvien")).isEqualTo(5);
    }
}
