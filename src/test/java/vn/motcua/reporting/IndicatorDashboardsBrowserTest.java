package vn.motcua.reporting;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader's, the province's and the council's dashboards and the public page's series chart in real Chromium at
 * phone and desktop widths, each audited by axe-core (0 critical, 0 serious): the charts are drawn from their tables,
 * the leader's late dossier links to its workbench page, the council and public pages hold no personal data.
 * Screenshots with {@code -Dmotcua.screenshots=docs/screenshots}.
 */
@IntegrationTest
class IndicatorDashboardsBrowserTest {

    static final String TAG = "IND10";
    static final String OFFICER = "Cán Bộ Thử Mười";
    static final String PERIOD = "from=2025-05-01&to=2025-10-31";

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.reporting.internal.IndicatorCatchUp catchUp;
    @Autowired
    DossierBulk bulk;
    BrowserSession session;
    UUID late;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        UUID onTime = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-08-04T08:00", "2025-08-06T17:00");
        f.channel(onTime, "ONLINE");
        f.decided(onTime, "2025-08-05T10:00");
        f.returned(onTime, "2025-08-05T15:00", "ONLINE");
        f.rated(onTime, 5, "2025-08-06T09:00");
        late = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-10-06T08:00", "2025-10-08T17:00");
        jdbc.sql("""
                insert into dossier_step (dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at,
                                          assignee, assignee_name)
                values (?, 1, 2, 'APPRAISAL', 'Thẩm định', 'HANDLING', 'UBND-26740', now(), ?, 'ind10-officer', ?)
                """).params(late, IndicatorFixtures.ts("2025-10-07T17:00"), OFFICER).update();
        catchUp.redo(java.time.LocalDate.of(2025, 8, 1), java.time.LocalDate.of(2100, 1, 1), List.of("UBND-26740"));
        session = new BrowserSession(port);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    private void atBothWidths(String path, String chart, Runnable check) {
        WebDriver browser = session.driver();
        for (int width : new int[] {390, 1366}) {
            session.chromium().manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 390 ? 844 : 900));
            browser.get(session.url(path));
            session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(chart + " svg")));
            check.run();
            session.accessibility().audit();
        }
    }

    /** The series chart's labels are the series table's months (the chart is drawn from the table; ≤ 12 all named). */
    private void seriesChartIsTheTable() {
        WebDriver browser = session.driver();
        String svg = browser.findElement(By.id("series-chart")).getAttribute("innerHTML");
        assertThat(browser.findElements(By.cssSelector("table#series tbody tr th"))).isNotEmpty().allSatisfy(th ->
                assertThat(svg).contains(th.getText()));
    }

    @Test
    void theDashboardsAtPhoneAndDesktopWidths() {
        WebDriver browser = session.driver();
        session.login("lanhdao");
        // The leader finds the dashboard from the workbench.
        browser.get(session.url("/workbench"));
        browser.findElement(By.id("open-indicators")).click();
        session.waiting().until(ExpectedConditions.urlContains("/workbench/indicators"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chỉ số phục vụ của cơ quan");
        atBothWidths("/workbench/indicators?agency=UBND-26740&" + PERIOD, "#series-chart", () -> {
            seriesChartIsTheTable();
            assertThat(browser.findElement(By.id("late")).getText()).contains(TAG.toUpperCase() + "-2");
            assertThat(browser.findElement(By.id("workload")).getText()).contains(OFFICER);
            assertThat(browser.findElement(By.cssSelector("#late a")).getAttribute("href"))
                    .endsWith("/workbench/processing/" + late);
        });
        session.screenshot("indicators-leader");

        session.login("quantri");
        atBothWidths("/workbench/indicators/province?code=79&from=2025-10-01&to=2025-10-31", "#indicator-chart", () -> {
            assertThat(browser.findElements(By.cssSelector("table#wards tbody tr")).size()).isGreaterThan(100);
            assertThat(browser.findElement(By.id("wards-26740")).getText()).contains("26740");
        });
        browser.findElement(By.id("sort-wards-dossiers")).click();
        session.waiting().until(ExpectedConditions.urlContains("sort=dossiers"));
        assertThat(browser.findElement(By.cssSelector("table#wards thead th[aria-sort]")).getText())
                .isEqualTo(browser.findElement(By.id("sort-wards-dossiers")).getText());
        session.accessibility().audit();
        session.screenshot("indicators-province");

        session.login("hdnd");
        browser.get(session.url("/workbench"));
        assertThat(browser.findElement(By.id("open-indicators-council")).getAttribute("href"))
                .endsWith("/workbench/indicators/council");
        assertThat(browser.findElements(By.id("open-indicators"))).isEmpty();
        atBothWidths("/workbench/indicators/council?code=26740&" + PERIOD, "#series-chart", () -> {
            seriesChartIsTheTable();
            assertThat(browser.getPageSource()).doesNotContain(TAG + "-", OFFICER, "0900000000", "Đường Thử");
            // The scope (79) side by side: the city's wards, each linking to its own council view.
            assertThat(browser.findElements(By.cssSelector("table#scope tbody tr")).size()).isGreaterThan(100);
            assertThat(browser.findElement(By.cssSelector("#scope-26740 th a")).getAttribute("href"))
                    .contains("/workbench/indicators/council?code=26740");
        });
        browser.findElement(By.id("sort-scope-onTime")).click();
        session.waiting().until(ExpectedConditions.urlContains("sort=onTime"));
        assertThat(browser.findElement(By.cssSelector("table#scope thead th[aria-sort]")).getText())
                .isEqualTo(browser.findElement(By.id("sort-scope-onTime")).getText());
        session.accessibility().audit();
        session.screenshot("indicators-council");

        session.logout();
        atBothWidths("/indicators?level=unit&code=26740&" + PERIOD + "&lineage=true", "#series-chart", () -> {
            seriesChartIsTheTable();
            assertThat(browser.getPageSource()).doesNotContain(TAG + "-", OFFICER, "0900000000", "Đường Thử");
        });
        session.screenshot("indicators-public-series");
        assertThat(session.accessibility().pages()).isGreaterThanOrEqualTo(10);
    }
}
