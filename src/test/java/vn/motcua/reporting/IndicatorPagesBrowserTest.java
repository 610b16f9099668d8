package vn.motcua.reporting;

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
 * The public indicators page in real Chromium at phone and desktop widths, audited by axe-core on every page shown
 * (0 critical, 0 serious): the ECharts chart is drawn from the table, the table keeps the same numbers, and no personal
 * data of the fixture's dossier appears. Screenshots with {@code -Dmotcua.screenshots=docs/screenshots}.
 */
@IntegrationTest
class IndicatorPagesBrowserTest {

    static final String TAG = "IND9";

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

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        session = new BrowserSession(port);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    @Test
    void thePublicPageDrawsTheTableAsAChartAtPhoneAndDesktopWidths() {
        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        UUID id = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-08-04T08:00", "2025-08-06T17:00");
        f.channel(id, "ONLINE");
        f.decided(id, "2025-08-05T10:00");
        f.returned(id, "2025-08-05T15:00", "ONLINE");
        f.rated(id, 5, "2025-08-06T09:00");
        WebDriver browser = session.driver();
        for (int width : new int[] {390, 1366}) {
            session.chromium().manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 390 ? 844 : 900));
            browser.get(session.url("/indicators?level=unit&code=26740&from=2025-05-01&to=2025-08-31&lineage=true"));
            session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#indicator-chart svg")));
            String chart = browser.findElement(By.id("indicator-chart")).getAttribute("innerHTML");
            // The chart's bars are labelled with the table's percentages.
            String onTime = browser.findElement(By.cssSelector("#row-onTime")).getAttribute("data-percent");
            assertThat(onTime).isNotBlank();
            assertThat(chart).contains(onTime.replaceAll("\\.0$", "") + " %");
            assertThat(browser.findElements(By.cssSelector("table#indicators caption"))).hasSize(1);
            assertThat(browser.getPageSource()).doesNotContain(TAG + "-", "0900000000", "Đường Thử");
            session.accessibility().audit();
        }
        session.screenshot("indicators-public");
        assertThat(session.accessibility().pages()).isGreaterThanOrEqualTo(2);
    }
}
