package vn.motcua.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.reporting.PageText.count;
import static vn.motcua.reporting.PageText.ids;

/**
 * The officers' dashboards and the exports over HTTP: the leader's (their agency only; the late dossiers and the
 * workloads), the province's (sortable, the same figures as the API per ward), the council's (its scope, the lineage
 * series, no personal data), each table as XLSX read back with Apache POI and as CSV, with the numbers of the JSON.
 *
 * <pre>
 * Phường Sài Gòn (UBND-26740), October 2025:
 *    received    due          end                 outcome
 * A  06/10 8h    08/10 17h    decided 10/10 10h   late (procedure name "=1+1 …": the formula guard)
 * B  06/10 8h    08/10 17h    decided 07/10 10h   on time, online, rated 5
 * C  13/10 8h    15/10 17h    —                   in progress, promised passed at the period's end: late
 * Open steps of officer "ind8-officer": C's (due 14/10, overdue now) and B's dossier's (due in 2100): 2 open, 1 late.
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorDashboardTest {

    static final String TAG = "IND8";
    static final String PERIOD = "from=2025-10-01&to=2025-10-31";
    static final String OFFICER = "Cán Bộ Thử Tám";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.reporting.internal.IndicatorCatchUp catchUp;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReferenceData referenceData;
    Http leader;
    Http admin;
    Http council;
    Http handling;
    UUID a;
    UUID b;
    UUID c;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        a = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-10-06T08:00", "2025-10-08T17:00");
        f.decided(a, "2025-10-10T10:00");
        jdbc.sql("update dossier set procedure_name = '=1+1 Thủ tục thử' where id = ?").param(a).update();
        b = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-10-06T08:00", "2025-10-08T17:00");
        f.channel(b, "ONLINE");
        f.decided(b, "2025-10-07T10:00");
        f.returned(b, "2025-10-07T15:00", "ONLINE");
        f.rated(b, 5, "2025-10-08T09:00");
        c = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-10-13T08:00", "2025-10-15T17:00");
        step(c, "2025-10-14T17:00");
        step(b, "2100-01-01T17:00");
        catchUp.redo(java.time.LocalDate.of(2025, 10, 1), java.time.LocalDate.of(2100, 1, 1), List.of("UBND-26740"));
        leader = signedIn("lanhdao");
        admin = signedIn("quantri");
        council = signedIn("hdnd");
        handling = signedIn("chuyenvien");
    }

    @AfterAll
    void clean() {
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    private void step(UUID dossier, String due) {
        jdbc.sql("""
                insert into dossier_step (dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at,
                                          assignee, assignee_name)
                values (?, 1, 2, 'APPRAISAL', 'Thẩm định', 'HANDLING', 'UBND-26740', now(), ?, 'ind8-officer', ?)
                """).params(dossier, IndicatorFixtures.ts(due), OFFICER).update();
    }

    private Http signedIn(String user) {
        Http h = new Http(port);
        assertThat(h.login(user, "demo").status()).isEqualTo(302);
        return h;
    }

    private JsonNode api(String query) {
        Http.Response r = new Http(port).get("/api/v1/indicators?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private XSSFWorkbook workbook(Http h, String path) throws IOException {
        var r = h.send(h.request(path).GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(h.sendBytes(h.request(path).GET().build())));
    }

    /** The indicators sheet holds the JSON's percent, points, numerator and denominator for every row shown. */
    private static void sameIndicators(Sheet sheet, JsonNode json) {
        // The caption names the period as the page does (Vietnamese first: 01/10/2025).
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(java.time.LocalDate
                .parse(json.get("from").asString()).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        int r = 2;
        for (String key : List.of("onTime", "onlineSubmission", "fullyOnline", "satisfaction", "apologyLetters")) {
            Row row = sheet.getRow(r++);
            JsonNode m = json.get(key);
            assertThat(row.getCell(3).getNumericCellValue()).as(key).isEqualTo(m.get("numerator").asDouble());
            assertThat(row.getCell(4).getNumericCellValue()).as(key).isEqualTo(m.get("denominator").asDouble());
            if (m.get("percent").isNull()) {
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            } else {
                assertThat(row.getCell(1).getNumericCellValue()).as(key).isEqualTo(m.get("percent").asDouble());
            }
            if (!m.get("points").isNull()) {
                assertThat(row.getCell(2).getNumericCellValue()).as(key).isEqualTo(m.get("points").asDouble());
            }
        }
    }

    @Test
    void theLeaderSeesTheirAgencyTheLateDossiersAndTheWorkloads() {
        JsonNode json = api("level=agency&code=UBND-26740&" + PERIOD);
        Http.Response page = leader.get("/workbench/indicators?agency=UBND-26740&" + PERIOD);
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        // A and C are late, linked to their workbench pages; B (on time) is not listed.
        assertThat(html).contains("/workbench/processing/" + a, "/workbench/processing/" + c)
                .doesNotContain("/workbench/processing/" + b);
        long late = json.get("onTime").get("late").asLong();
        assertThat(late).isGreaterThanOrEqualTo(2);
        assertThat(count(html, "href=\"/workbench/processing/")).isEqualTo(late);
        // The table shows the API's on-time numerator and denominator.
        assertThat(row(html, "row-onTime")).contains(">" + json.get("onTime").get("numerator").asString() + "<",
                ">" + json.get("onTime").get("denominator").asString() + "<");
        // The officer's workload: 2 open steps, 1 overdue now.
        Matcher w = Pattern.compile(Pattern.quote(OFFICER) + "\\s*</th>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>")
                .matcher(html);
        assertThat(w.find()).as("workload row").isTrue();
        assertThat(w.group(1)).isEqualTo("2");
        assertThat(w.group(2)).isEqualTo("1");
        // The monthly series of the period: October only.
        assertThat(html).contains("id=\"period-2025-10\"").doesNotContain("id=\"period-2025-09\"");
    }

    @Test
    void theLeadersExportsHoldTheNumbersOfTheJson() throws IOException {
        JsonNode json = api("level=agency&code=UBND-26740&" + PERIOD);
        try (XSSFWorkbook wb = workbook(leader, "/workbench/indicators.xlsx?agency=UBND-26740&" + PERIOD)) {
            sameIndicators(wb.getSheet("indicators"), json);
            Sheet late = wb.getSheet("late");
            assertThat(late.getLastRowNum() - 1).isEqualTo(json.get("onTime").get("late").asInt());
            // The procedure name starting with "=" is text, never a formula.
            boolean found = false;
            for (Row r : late) {
                if (r.getRowNum() >= 2 && r.getCell(1).getStringCellValue().startsWith("=1+1")) {
                    assertThat(r.getCell(1).getCellType()).isEqualTo(CellType.STRING);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(wb.getSheet("series").getRow(2).getCell(0).getStringCellValue()).isEqualTo("2025-10");
            assertThat(wb.getSheet("workload")).isNotNull();
            assertThat(wb.getSheet("resolution")).isNotNull();
        }
        Http.Response csv = leader.get("/workbench/indicators.csv?agency=UBND-26740&" + PERIOD);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF").contains("'=1+1 Thủ tục thử").doesNotContain(",=1+1");
        JsonNode on = json.get("onTime");
        assertThat(csv.body()).contains("," + on.get("percent").asString() + "," + on.get("points").asString() + ","
                + on.get("numerator").asString() + "," + on.get("denominator").asString() + "\r\n");
        assertThat(leader.get("/workbench/indicators.pdf?agency=UBND-26740&" + PERIOD).status()).isEqualTo(400);
    }

    @Test
    void onlyTheAgencysLeaderSeesItsDashboard() {
        assertThat(leader.get("/workbench/indicators?agency=UBND-26737&" + PERIOD).status()).isEqualTo(403);
        assertThat(leader.get("/workbench/indicators.xlsx?agency=UBND-26737&" + PERIOD).status()).isEqualTo(403);
        assertThat(council.get("/workbench/indicators?agency=UBND-26740&" + PERIOD).status()).isEqualTo(403);
        assertThat(handling.get("/workbench/indicators?agency=UBND-26740&" + PERIOD).status()).isEqualTo(403);
        assertThat(new Http(port).get("/workbench/indicators.csv?agency=UBND-26740&" + PERIOD).status())
                .isIn(302, 401);
        // Without a parameter, the leader's own agency.
        assertThat(leader.get("/workbench/indicators?" + PERIOD).body()).contains("/workbench/processing/" + a);
    }

    @Test
    void theProvinceDashboardSetsWardsSideBySideSortable() throws IOException {
        Http.Response page = admin.get("/workbench/indicators/province?code=79&" + PERIOD + "&sort=code&dir=asc");
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        JsonNode ward = api("level=unit&code=26740&" + PERIOD);
        String row = row(html, "wards-26740");
        assertThat(row).contains("data-value=\"" + ward.get("dossiers").asString() + "\"",
                "data-value=\"" + ward.get("onTime").get("points").asString() + "\"");
        List<String> asc = ids(html, "wards-");
        assertThat(asc.size()).isGreaterThan(100);
        assertThat(asc).isSorted();
        List<String> desc = ids(admin.get("/workbench/indicators/province?code=79&" + PERIOD + "&sort=code&dir=desc")
                .body(), "wards-");
        assertThat(desc).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(html).contains("aria-sort=\"ascending\"");
        try (XSSFWorkbook wb = workbook(admin, "/workbench/indicators/province.xlsx?code=79&" + PERIOD)) {
            sameIndicators(wb.getSheet("indicators"), api("level=province&code=79&" + PERIOD));
            assertThat(wb.getSheet("wards").getLastRowNum() - 1).isEqualTo(asc.size());
            assertThat(wb.getSheet("agencies")).isNotNull();
        }
        assertThat(leader.get("/workbench/indicators/province?code=79&" + PERIOD).status()).isEqualTo(403);
        assertThat(council.get("/workbench/indicators/province?code=79&" + PERIOD).status()).isEqualTo(403);
    }

    @Test
    void theCouncilSeesItsScopeBeforeAndAfterTheReorganisationWithoutPersonalData() throws IOException {
        String q = "code=26740&from=2025-05-01&to=2025-10-31";
        Http.Response page = council.get("/workbench/indicators/council?" + q);
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        JsonNode json = api("level=unit&" + q + "&lineage=true&series=month");
        JsonNode series = json.get("series");
        assertThat(series).hasSize(6);
        for (JsonNode s : series) {
            String r = row(html, "period-" + s.get("period").asString());
            JsonNode on = s.get("onTime");
            assertThat(r).contains("data-value=\"" + s.get("dossiers").asString() + "\"");
            if (!on.get("percent").isNull()) {
                assertThat(r).contains("data-value=\"" + on.get("percent").asString() + "\"");
            }
        }
        // The predecessors (old Bến Nghé and the others merged into Sài Gòn) are counted and named: the lineage.
        List<String> predecessors = new ArrayList<>();
        json.get("units").forEach(u -> {
            if (u.has("predecessor")) {
                predecessors.add(u.get("name").asString() + " (" + u.get("code").asString() + ")");
            }
        });
        assertThat(predecessors).isNotEmpty();
        assertThat(html).contains(predecessors);
        assertThat(html).doesNotContain(TAG + "-", OFFICER, "0900000000", "Đường Thử", "/workbench/processing/");
        try (XSSFWorkbook wb = workbook(council, "/workbench/indicators/council.xlsx?" + q)) {
            sameIndicators(wb.getSheet("indicators"), json);
            assertThat(wb.getSheet("series").getLastRowNum() - 1).isEqualTo(6);
        }
        // A province outside the scope (Hà Nội exists: the open data answers for it).
        api("level=province&code=01&" + PERIOD);
        assertThat(council.get("/workbench/indicators/council?code=01&" + PERIOD).status()).isEqualTo(403);
        assertThat(council.get("/workbench/indicators/council.csv?code=01&" + PERIOD).status()).isEqualTo(403);
        // A date that does not exist: a 400 (the web error page, as for Form 07's export), the reason in an alert on the page.
        Http.Response bad = council.get("/workbench/indicators/council.csv?code=26740&from=2025-05-01&to=2025-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("Exception");
        assertThat(council.get("/workbench/indicators/council?code=26740&from=2025-05-01&to=2025-13-01").body())
                .contains("role=\"alert\"", "2025-13-01");
        assertThat(leader.get("/workbench/indicators/council?" + q).status()).isEqualTo(403);
        assertThat(admin.get("/workbench/indicators/council?" + q).status()).isEqualTo(403);
    }

    @Test
    void thePublicPageShowsTheSeriesAndExportsWithoutPersonalData() throws IOException {
        String q = "level=unit&code=26740&" + PERIOD + "&lineage=true";
        Http.Response page = new Http(port).get("/indicators?" + q);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"series\"", "id=\"period-2025-10\"")
                .doesNotContain(TAG + "-", OFFICER, "0900000000", "Đường Thử", "Lê Văn Cường", "/workbench/");
        Http anonymous = new Http(port);
        try (XSSFWorkbook wb = workbook(anonymous, "/indicators.xlsx?" + q)) {
            sameIndicators(wb.getSheet("indicators"), api(q));
        }
        Http.Response csv = anonymous.get("/indicators.csv?" + q);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain(TAG + "-", OFFICER);
        assertThat(anonymous.get("/indicators.xlsx?level=agency&code=UBND-26740&" + PERIOD).status()).isEqualTo(400);
    }

    private static String row(String html, String id) {
        int i = html.indexOf("id=\"" + id + "\"");
        assertThat(i).as("row " + id).isGreaterThanOrEqualTo(0);
        return html.substring(i, html.indexOf("</tr>", i));
    }
}
