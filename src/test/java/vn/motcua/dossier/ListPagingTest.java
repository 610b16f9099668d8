package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue 17, lists: "Hồ sơ của tôi" pages (20 a page; it listed up to 200 at once) and the processing queue pages
 * (50 a page; it cut at a fixed 200 rows); neither shows a page past the last.
 */
@IntegrationTest
class ListPagingTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessingQueries processing;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    static int rows(String page, String href) {
        Matcher m = Pattern.compile("<a href=\"" + Pattern.quote(href) + "[0-9a-f-]{36}\"").matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void myDossiersArePagedAndAPagePastTheLastShowsTheLast() {
        Http api = new Http(port);
        long have = jdbc.sql("select count(*) from dossier where submitted_by = 'congdan'").query(Long.class).single();
        for (long i = have; i < 21; i++) {
            String phone = IntakeApiTest.phone();
            var r = api.postJson("congdan", "demo", "/api/v1/dossiers",
                    DossierFixtures.birthSubmission(phone, "p." + phone + "@example.vn", DossierFixtures.SAI_GON));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        long total = jdbc.sql("select count(*) from dossier where submitted_by = 'congdan'").query(Long.class).single();
        long pages = (total + 19) / 20;
        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        String first = citizen.get("/my").body();
        assertThat(rows(first, "/my/dossiers/")).isEqualTo(20);
        assertThat(first).contains("Trang 1/" + pages, "id=\"my-next\"", "href=\"/my?page=1\"").doesNotContain("id=\"my-prev\"");
        String past = citizen.get("/my?page=999").body();
        assertThat(past).contains("Trang " + pages + "/" + pages, "id=\"my-prev\"").doesNotContain("id=\"my-next\"")
                .doesNotContain("Trang 1000");
        assertThat(rows(past, "/my/dossiers/")).isEqualTo((int) (total - (pages - 1) * 20));
        assertThat(citizen.get("/my?page=-3").body()).contains("Trang 1/" + pages);
    }

    @Test
    void theProcessingQueueIsPagedInTheDatabaseAndAPagePastTheLastShowsTheLast() {
        Http api = new Http(port);
        for (int i = 0; i < 2; i++) {
            String phone = IntakeApiTest.phone();
            var r = api.postJson("congdan", "demo", "/api/v1/dossiers",
                    DossierFixtures.birthSubmission(phone, "q." + phone + "@example.vn", DossierFixtures.SAI_GON));
            assertThat(api.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + r.json().get("id").asString() + "/accept",
                    java.util.Map.of()).status()).isEqualTo(200);
        }
        var scope = processing.scope("chuyenvien", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        var all = processing.queuePage("chuyenvien", scope, ProcessingQueries.Filter.ALL, null, 0, 1000);
        assertThat(all.total()).isGreaterThanOrEqualTo(2).isEqualTo(all.items().size());
        var last = processing.queuePage("chuyenvien", scope, ProcessingQueries.Filter.ALL, null, 999, 1);
        assertThat(last.page()).isEqualTo((int) all.total() - 1);
        assertThat(last.items()).hasSize(1);
        assertThat(last.items().get(0).dossierId()).isEqualTo(all.items().get(all.items().size() - 1).dossierId());
        var second = processing.queuePage("chuyenvien", scope, ProcessingQueries.Filter.ALL, null, 1, 1);
        assertThat(second.items().get(0).dossierId()).isEqualTo(all.items().get(1).dossierId());

        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        String page = officer.get("/workbench/processing?page=999").body();
        assertThat(page).doesNotContain("Trang 1000").contains("/workbench/processing/");
        Matcher m = Pattern.compile("Trang (\\d+)/(\\d+)").matcher(page);
        if (all.total() > 50) {
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).isEqualTo(m.group(2));
        }
    }
}
