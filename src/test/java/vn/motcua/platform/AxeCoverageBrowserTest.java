package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * axe-core on the pages no other browser test visited (issue 17): the administrators' catalogue, territory and
 * calendar pages, the counter's intake form, the questions pages, the data store ({@code /my/data}), {@code /verify}
 * and the indicators page — each audited at phone (390×844) and desktop (1366×900) widths by {@link BrowserSession}
 * (0 critical, 0 serious, or the test fails when the session closes).
 */
@IntegrationTest
class AxeCoverageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    BrowserSession session;
    WebDriver browser;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        session = new BrowserSession(port);
        browser = session.driver();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** Opens a page and checks it is the page (a heading, no error page) before axe-core audits it. */
    private void visit(String path) {
        int before = session.accessibility().pages();
        browser.get(session.url(path));
        String h1 = browser.findElement(By.tagName("h1")).getText();
        assertThat(h1).as(path).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("main.error, #error-status"))).as(path + ": " + h1).isEmpty();
        session.accessibility().audit();
        assertThat(session.accessibility().pages()).as(path + " audited").isGreaterThan(before);
    }

    @Test
    void publicPages() {
        visit("/territory");
        visit("/territory/units/26743");
        visit("/territory/lookup");
        visit("/questions");
        visit("/verify");
        visit("/indicators");
    }

    @Test
    void citizenPages() {
        session.login("congdan");
        visit("/my/data");
        visit("/questions/new");
    }

    @Test
    void officerPages() {
        session.login("tiepnhan");
        visit("/workbench/counter?procedure=1.001193");
        visit("/workbench/questions");
        session.login("hdnd");
        visit("/workbench/council");
    }

    @Test
    void administratorPages() {
        session.login("quantri");
        visit("/admin/catalogue");
        visit("/admin/catalogue/procedures/1.001193");
        visit("/admin/calendar/2026");
    }
}
