package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
    void theProcessingQueueIsPagedByKeysetWithNoGapAndNoRowTwice() {
        Http api = new Http(port);
        for (int i = 0; i < 2; i++) {
            String phone = IntakeApiTest.phone();
            var r = api.postJson("congdan", "demo", "/api/v1/dossiers",
                    DossierFixtures.birthSubmission(phone, "q." + phone + "@example.vn", DossierFixtures.SAI_GON));
            assertThat(api.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + r.json().get("id").asString() + "/accept",
                    java.util.Map.of()).status()).isEqualTo(200);
        }
        var scope = processing.scope("chuyenvien", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        var all = processing.seek("chuyenvien", scope, ProcessingQueries.Filter.ALL, null, null, 1000);
        assertThat(all.items()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(all.next()).isNull();
        assertThat(all.total()).isEqualTo(all.items().size());
        assertThat(all.totalExact()).isTrue();
        // Pages of one, each after the last: the whole list again, in the same order, nothing twice, nothing skipped.
        List<java.util.UUID> walked = new java.util.ArrayList<>();
        String after = null;
        do {
            var p = processing.seek("chuyenvien", scope, ProcessingQueries.Filter.ALL, null, after, 1);
            assertThat(p.items()).hasSize(1);
            walked.add(p.items().get(0).dossierId());
            after = p.next();
        } while (after != null && walked.size() <= all.items().size());
        assertThat(walked).containsExactlyElementsOf(all.items().stream().map(ProcessingQueries.QueueRow::dossierId).toList());

        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        String page = officer.get("/workbench/processing").body();
        assertThat(page).contains("/workbench/processing/");
        // an edited or stale cursor is the first page, not an error
        assertThat(officer.get("/workbench/processing?after=garbage").body()).contains("/workbench/processing/");
        if (all.items().size() > 50) {
            Matcher m = Pattern.compile("id=\"queue-next\" href=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).isTrue();
            String second = officer.get(m.group(1).replace("&amp;", "&")).body();
            assertThat(second).contains("id=\"queue-first\"", "id=\"row-" + all.items().get(50).dossierId() + "\"")
                    .doesNotContain("id=\"row-" + all.items().get(49).dossierId() + "\"");
        }
    }
}
