package vn.motcua.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.reporting.internal.IndicatorComparison;
import vn.motcua.reporting.internal.IndicatorService;
import vn.motcua.reporting.internal.SideBySide;
import vn.motcua.questions.FeedbackFigures;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.StatementCounter;
import vn.motcua.support.TestOfficers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.reporting.PageText.count;
import static vn.motcua.reporting.PageText.ids;

/**
 * Units side by side in one computation per page (issue 23): every line of the province dashboard is the figure the
 * one-selection computation (and so the open-data API) gives for that ward or agency — over aggregated days only,
 * across the last aggregated day (aggregates + the live delta), on today alone and without aggregates; the statements
 * a page sends before (one selection per line) and after; the council's side-by-side view of its scope; the
 * province-level leader's link on the workbench.
 *
 * <pre>
 * October 2025 (aggregated), HCMC after the 1 July 2025 merge (Phường Sài Gòn 26740 = old Bến Nghé and others):
 *    agency        received  due     end                 other
 * A  UBND-26740    06/10     08/10   decided 07/10       online, rated 5              on time
 * B  UBND-26740    13/10     15/10   decided 20/10                                    late
 * C  CA-26740      09/10     20/10   —                                                in flight, promised passed: late
 * D  UBND-26737    02/10     04/10   decided 03/10       rated 2                      on time
 * E  STP-79        10/10     17/10   decided 16/10       online                       on time (a province agency)
 * Today (after the last aggregated day, the live delta): T1 UBND-26740, T2 UBND-26743, received a minute ago.
 * </pre>
 */
@IntegrationTest
@Import(StatementCounter.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorSideBySideTest {

    static final String TAG = "IND12";
    static final String OCTOBER = "from=2025-10-01&to=2025-10-31";
    static final String TWO_UNITS = "hdnd.haiphuong";
    static final String ONE_UNIT = "hdnd.motphuong";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorCatchUp catchUp;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    SideBySide sideBySide;
    @Autowired
    IndicatorComparison comparison;
    @Autowired
    IndicatorService service;
    @Autowired
    AccountService accounts;
    @Autowired
    TestOfficers officers;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FeedbackFigures feedback;
    LocalDate today;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        today = LocalDate.now(clock.withZone(IndicatorFixtures.VN));
        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        UUID a = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-10-06T08:00", "2025-10-08T17:00");
        f.channel(a, "ONLINE");
        f.decided(a, "2025-10-07T10:00");
        f.returned(a, "2025-10-07T15:00", "ONLINE");
        f.rated(a, 5, "2025-10-08T09:00");
        UUID b = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-10-13T08:00", "2025-10-15T17:00");
        f.decided(b, "2025-10-20T10:00");
        f.dossier("CA-26740", "1.001193", DossierState.ACCEPTED, "2025-10-09T08:00", "2025-10-20T17:00");
        UUID d = f.dossier("UBND-26737", "1.001193", DossierState.ACCEPTED, "2025-10-02T08:00", "2025-10-04T17:00");
        f.decided(d, "2025-10-03T10:00");
        f.returned(d, "2025-10-03T15:00", "COUNTER");
        f.rated(d, 2, "2025-10-04T09:00");
        UUID e = f.dossier("STP-79", "1.001193", DossierState.ACCEPTED, "2025-10-10T08:00", "2025-10-17T17:00");
        f.channel(e, "ONLINE");
        f.decided(e, "2025-10-16T10:00");
        // The aggregates through yesterday, then two dossiers of today: the live delta.
        catchUp.run(true);
        assertThat(catchUp.throughDay()).contains(today.minusDays(1));
        for (String agency : List.of("UBND-26740", "UBND-26743")) {
            Instant received = clock.instant().minusSeconds(60);
            bulk.insert(List.of(new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.001193", "Thủ tục 1.001193",
                    DossierState.ACCEPTED, TAG + "-today-" + agency, "0900000000", null, null, "1 Đường Thử", agency,
                    agency, received, received.plusSeconds(5 * 86_400))));
        }
        council(TWO_UNITS, "26740", "26737");
        council(ONE_UNIT, "26740");
        officers.provinceLeader();
    }

    private void council(String user, String... units) {
        if (accounts.find(user).isEmpty()) {
            accounts.save(user, "demo", "Đại Biểu Thử", Audience.OFFICER, Set.of(Role.COUNCIL_MEMBER), false);
        }
        for (String u : units) {
            jdbc.sql("insert into question_council_scope (username, unit_code) values (?, ?) on conflict do nothing")
                    .params(user, u).update();
        }
    }

    @AfterAll
    void clean() {
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        jdbc.sql("delete from question_council_scope where username in (?, ?)").params(TWO_UNITS, ONE_UNIT).update();
    }

    /** Every line of the province's wards and agencies against the one-selection headline of the same unit or agency. */
    private void everyLineAsAlone(LocalDate from, LocalDate to) {
        SideBySide.Lines lines = sideBySide.under("79", from, to, true);
        assertThat(lines.units()).hasSizeGreaterThan(100);
        assertThat(lines.agencies()).extracting(SideBySide.Line::code).contains("STP-79");
        for (SideBySide.Line l : lines.units()) {
            assertThat(l.headline()).as("ward " + l.code() + " " + from + ".." + to).isEqualTo(
                    comparison.headline(new IndicatorService.Query(Level.UNIT, l.code(), from, to, false)));
        }
        for (SideBySide.Line l : lines.agencies()) {
            assertThat(l.headline()).as("agency " + l.code() + " " + from + ".." + to).isEqualTo(
                    comparison.headline(new IndicatorService.Query(Level.AGENCY, l.code(), from, to, false)));
        }
    }

    private static long dossiers(SideBySide.Lines lines, String code) {
        return lines.units().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(l -> ((Number) l.headline().get("dossiers")).longValue()).orElseThrow();
    }

    @Test
    void everyLineHasTheFiguresOfItsUnitAskedAlone() {
        LocalDate oct1 = LocalDate.of(2025, 10, 1);
        LocalDate oct31 = LocalDate.of(2025, 10, 31);
        // Aggregated days only; then across the last aggregated day (today live); then today alone.
        everyLineAsAlone(oct1, oct31);
        everyLineAsAlone(oct1, today);
        everyLineAsAlone(today, today);
        // Not vacuous: the fixture's dossiers are in the lines (A, B and C for Sài Gòn; today's T1 and T2).
        assertThat(dossiers(sideBySide.under("79", oct1, oct31, false), "26740")).isGreaterThanOrEqualTo(3);
        assertThat(dossiers(sideBySide.under("79", today, today, false), "26743")).isGreaterThanOrEqualTo(1);
        // Without aggregates (the job never ran): every line from the live tables, still the same figures.
        LocalDate through = catchUp.throughDay().orElseThrow();
        jdbc.sql("update reporting_catch_up set through_day = null where id = 1").update();
        try {
            everyLineAsAlone(oct1, oct31);
        } finally {
            jdbc.sql("update reporting_catch_up set through_day = ? where id = 1").param(through).update();
        }
    }

    @Test
    void theProvincePageSendsAFewStatementsInsteadOfSomeForEachLine() {
        LocalDate from = LocalDate.of(2025, 10, 1);
        var province = StatementCounter.record(() -> service.indicators(
                new IndicatorService.Query(Level.PROVINCE, "79", from, today, false)));
        SideBySide.Lines all = sideBySide.under("79", from, today, true);
        // As the page computed its lines before: one selection per line (the territory's look-ups and figures).
        var perLine = StatementCounter.record(() -> {
            int n = 0;
            for (SideBySide.Line l : all.units()) {
                comparison.headline(new IndicatorService.Query(Level.UNIT, l.code(), from, today, false));
                n++;
            }
            for (SideBySide.Line l : all.agencies()) {
                comparison.headline(new IndicatorService.Query(Level.AGENCY, l.code(), from, today, false));
                n++;
            }
            return n;
        });
        var grouped = StatementCounter.record(() -> sideBySide.under("79", from, today, true));
        int lines = grouped.value().units().size() + grouped.value().agencies().size();
        System.out.printf("IndicatorSideBySideTest: province 79, %s..%s, %d lines: the province's own answer %d "
                        + "statements; the lines one selection each %d statements, grouped %d statements%n",
                from, today, lines, province.trips().count(), perLine.trips().count(), grouped.trips().count());
        assertThat(perLine.trips().count()).isGreaterThan(perLine.value() * 2);
        // The agencies' look-up, the last aggregated day, the aggregates and the live delta: a handful, not per line.
        assertThat(grouped.trips().count()).as(grouped.trips().toString()).isLessThanOrEqualTo(6);
    }

    /** A statement reading one of the dossier tables (the live rows), not the daily aggregates. */
    private static final Pattern LIVE = Pattern.compile("(?is)\\b(from|join)\\s+dossier(_[a-z]+)?\\b");

    private static long live(StatementCounter.Trips trips) {
        return trips.statements().stream().filter(st -> LIVE.matcher(st).find()).count();
    }

    private static long aggregated(StatementCounter.Trips trips) {
        return trips.statements().stream().filter(st -> st.contains("reporting_day")).count();
    }

    /**
     * The province's answer and page over aggregated days read {@code reporting_day} only — with and without lineage:
     * the session-9 bench's slow province answer (41 s at 1,000,000) was not a fall-back to the live tables (the
     * bench's own application jobs were working through its rows; docs/indicators.md, "Bench"). Without aggregates the
     * same answer does read the dossier table, so the check sees a live read when there is one.
     */
    @Test
    void aProvinceAnswerOverAggregatedDaysReadsTheAggregatesOnly() {
        LocalDate from = LocalDate.of(2025, 10, 1);
        LocalDate to = LocalDate.of(2025, 10, 31);
        for (boolean lineage : List.of(false, true)) {
            var q = new IndicatorService.Query(Level.PROVINCE, "79", from, to, lineage);
            var answer = StatementCounter.record(() -> service.indicators(q));
            assertThat(live(answer.trips())).as("lineage " + lineage + ": " + answer.trips()).isZero();
            assertThat(aggregated(answer.trips())).as(answer.trips().toString()).isPositive();
            assertThat(service.figures(service.select(q).holders(), from, to, clock.instant()).source())
                    .isEqualTo("aggregates");
            assertThat(((Number) answer.value().get("dossiers")).longValue()).isGreaterThanOrEqualTo(5);
        }
        var page = StatementCounter.record(() -> sideBySide.under("79", from, to, true));
        assertThat(live(page.trips())).as(page.trips().toString()).isZero();
        assertThat(aggregated(page.trips())).as(page.trips().toString()).isPositive();

        LocalDate through = catchUp.throughDay().orElseThrow();
        jdbc.sql("update reporting_catch_up set through_day = null where id = 1").update();
        try {
            var q = new IndicatorService.Query(Level.PROVINCE, "79", from, to, false);
            assertThat(live(StatementCounter.record(() -> service.indicators(q)).trips())).isPositive();
        } finally {
            jdbc.sql("update reporting_catch_up set through_day = ? where id = 1").param(through).update();
        }
    }

    /**
     * The aggregate sums are planned with their values on every call, never kept as a server-side prepared statement:
     * after five runs on one connection PostgreSQL may switch such a statement to a generic plan, which took the
     * province's ~500 holder windows and the year for a handful of rows and joined them by nested loop — 40 s instead
     * of under a second at 1,000,000 dossiers (docs/indicators.md, "Bench"). Ten answers on one connection (one
     * transaction) leave no prepared statement of the holder sums on it; the province page's lines too.
     */
    @Test
    void theAggregateSumsAreNeverKeptAsAGenericPlan() {
        var q = new IndicatorService.Query(Level.PROVINCE, "79", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31),
                false);
        Long kept = tx.execute(s -> {
            for (int i = 0; i < 10; i++) {
                service.indicators(q);
                sideBySide.under("79", q.from(), q.to(), true);
            }
            return kept("%join h on h.code = r.agency_code%");
        });
        assertThat(kept).isZero();
        // Not vacuous: the same statement run ten times on one connection without the setting is kept prepared.
        Long control = tx.execute(s -> {
            for (int i = 0; i < 10; i++) {
                jdbc.sql("select count(*) from reporting_day where day between ? and ?")
                        .params(q.from(), q.to()).query(Long.class).single();
            }
            return kept("select count(*) from reporting_day where day between%");
        });
        assertThat(control).isPositive();
    }

    /**
     * The questions' figures for the same indicators take the holder windows and the period as the sums do (session
     * 11): ten answers on one connection leave no prepared statement of them either.
     */
    @Test
    void theFeedbackFiguresAreNeverKeptAsAGenericPlan() {
        List<FeedbackFigures.Window> windows = List.of(new FeedbackFigures.Window("UBND-26740", null, null),
                new FeedbackFigures.Window("UBND-26737", LocalDate.of(2025, 7, 1), null));
        Instant start = Instant.parse("2025-09-30T17:00:00Z");
        Instant end = Instant.parse("2025-10-31T17:00:00Z");
        Long kept = tx.execute(s -> {
            for (int i = 0; i < 10; i++) {
                feedback.of(windows, start, end, end);
            }
            return kept("%from question q join h on h.code = q.agency_code%");
        });
        assertThat(kept).isZero();
    }

    /** Server-side prepared statements of this connection like the pattern (other than this look-up itself). */
    private long kept(String like) {
        return jdbc.sql("select count(*) from pg_prepared_statements where statement like ? "
                + "and statement not like '%pg_prepared_statements%'").param(like).query(Long.class).single();
    }

    /**
     * The cells of a row after its name and code, in order: the value exported ({@code data-value}), or null where a
     * cell shows "—".
     */
    private static List<Double> cells(String html, String id) {
        int i = html.indexOf("id=\"" + id + "\"");
        assertThat(i).as("row " + id).isGreaterThanOrEqualTo(0);
        String row = html.substring(i, html.indexOf("</tr>", i));
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td( data-value=\"([^\"]*)\")?[^>]*>").matcher(row);
        while (m.find()) {
            out.add(m.group(2) == null ? null : Double.valueOf(m.group(2)));
        }
        return out.subList(1, out.size()); // the code is text
    }

    /** The API's answer as the side-by-side row shows it: dossiers, percent and points of three, total points. */
    private List<Double> expected(String query) {
        Http.Response r = new Http(port).get("/api/v1/indicators?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        List<Double> out = new ArrayList<>();
        out.add(json.get("dossiers").asDouble());
        BigDecimal total = null;
        for (String k : List.of("onTime", "onlineSubmission", "satisfaction")) {
            JsonNode m = json.get(k);
            out.add(m.get("percent").isNull() ? null : m.get("percent").asDouble());
            out.add(m.get("points").isNull() ? null : m.get("points").asDouble());
            if (!m.get("points").isNull()) {
                total = (total == null ? BigDecimal.ZERO : total).add(BigDecimal.valueOf(m.get("points").asDouble()));
            }
        }
        out.add(total == null ? null : total.setScale(2, RoundingMode.HALF_UP).doubleValue());
        return out;
    }

    private Http signedIn(String user) {
        Http h = new Http(port);
        assertThat(h.login(user, "demo").status()).isEqualTo(302);
        return h;
    }

    @Test
    void theProvincePageShowsTheApisFiguresForEachUnitIncludingAMergedOne() {
        Http admin = signedIn("quantri");
        for (String period : List.of(OCTOBER, "from=2025-10-01&to=" + today)) {
            String html = admin.get("/workbench/indicators/province?code=79&" + period).body();
            // Sài Gòn (the merger of old Bến Nghé and others: its own agencies since 1 July 2025), Tân Định, Bến Thành.
            for (String unit : List.of("26740", "26737", "26743")) {
                assertThat(cells(html, "wards-" + unit)).as(unit + " " + period)
                        .isEqualTo(expected("level=unit&code=" + unit + "&" + period));
            }
            assertThat(cells(html, "agencies-STP-79")).isEqualTo(expected("level=agency&code=STP-79&" + period));
        }
        List<Double> saiGon = cells(admin.get("/workbench/indicators/province?code=79&" + OCTOBER).body(), "wards-26740");
        assertThat(saiGon.get(0)).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void theCouncilSeesTheUnitsOfItsScopeSideBySide() throws IOException {
        Http hdnd = signedIn("hdnd");
        // Scope 79: the city's wards side by side, whichever unit is looked at; sortable; each line as the API's.
        String html = hdnd.get("/workbench/indicators/council?code=26740&" + OCTOBER + "&sort=code&dir=asc").body();
        List<String> ids = ids(html, "scope-");
        assertThat(ids).hasSizeGreaterThan(100).isSorted();
        assertThat(html).contains("aria-sort=\"ascending\"", "href=\"/workbench/indicators/council?code=26737&amp;");
        assertThat(cells(html, "scope-26740")).isEqualTo(expected("level=unit&code=26740&" + OCTOBER));
        assertThat(cells(html, "scope-26737")).isEqualTo(expected("level=unit&code=26737&" + OCTOBER));
        // Aggregates only: no dossier, applicant or officer.
        assertThat(html).doesNotContain(TAG + "-", "0900000000", "Đường Thử", "/workbench/processing/");
        List<String> byPoints = ids(hdnd.get("/workbench/indicators/council?code=79&" + OCTOBER).body(), "scope-");
        assertThat(byPoints).containsExactlyInAnyOrderElementsOf(ids);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(hdnd.sendBytes(
                hdnd.request("/workbench/indicators/council.xlsx?code=26740&" + OCTOBER).GET().build())))) {
            assertThat(wb.getSheet("scope").getLastRowNum() - 1).isEqualTo(ids.size());
        }

        // Two wards in the scope: those two, nothing else; a ward outside it is a 403, page and export.
        Http two = signedIn(TWO_UNITS);
        String twoHtml = two.get("/workbench/indicators/council?code=26737&" + OCTOBER).body();
        assertThat(ids(twoHtml, "scope-")).containsExactlyInAnyOrder("26740", "26737");
        assertThat(cells(twoHtml, "scope-26740")).isEqualTo(expected("level=unit&code=26740&" + OCTOBER));
        assertThat(two.get("/workbench/indicators/council?code=26743&" + OCTOBER).status()).isEqualTo(403);
        assertThat(two.get("/workbench/indicators/council.csv?code=26743&" + OCTOBER).status()).isEqualTo(403);
        assertThat(two.get("/workbench/indicators/council?code=79&" + OCTOBER).status()).isEqualTo(403);
        // One ward: nothing to set side by side.
        Http one = signedIn(ONE_UNIT);
        Http.Response single = one.get("/workbench/indicators/council?code=26740&" + OCTOBER);
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.body()).contains("id=\"series\"").doesNotContain("id=\"scope\"");
    }

    @Test
    void aProvinceLevelLeaderFindsTheProvinceDashboardOnTheWorkbench() {
        Http director = signedIn(TestOfficers.PROVINCE_LEADER);
        String home = director.get("/workbench").body();
        assertThat(home).contains("href=\"/workbench/indicators/province\"");
        assertThat(count(home, "id=\"open-indicators-province\"")).isEqualTo(1);
        Http.Response page = director.get("/workbench/indicators/province?" + OCTOBER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"wards-26740\"", "id=\"agencies-STP-79\"");
        // A ward leader, a council member: not theirs; an administrator: once, not twice.
        assertThat(signedIn("lanhdao").get("/workbench").body()).doesNotContain("open-indicators-province");
        assertThat(signedIn("hdnd").get("/workbench").body()).doesNotContain("open-indicators-province");
        assertThat(count(signedIn("quantri").get("/workbench").body(), "id=\"open-indicators-province\"")).isEqualTo(1);
    }
}
