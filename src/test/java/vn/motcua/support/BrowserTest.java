package vn.motcua.support;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test starts from (annotate the subclass {@link IntegrationTest}): the reference data loaded, a
 * fresh {@link BrowserSession} (real Chromium, axe-core on every page) per test, closed after it — which fails the
 * test on any critical or serious accessibility violation — and the e-form helpers.
 */
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ReferenceData referenceData;
    protected BrowserSession session;
    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        referenceData.ensureAll();
        session = new BrowserSession(port);
        browser = session.driver();
        wait = session.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
        }
    }

    protected String url(String path) {
        return session.url(path);
    }

    protected void login(String user) {
        session.login(user);
    }

    protected void logout() {
        session.logout();
    }

    /** Sets the e-form field at that path ({@code child.birthDate}); see {@link BrowserSession#set}. */
    protected void set(String path, String value) {
        session.set(path, value);
    }

    /** Sets every field of a (nested) form map, as {@link BrowserSession#fill}. */
    protected void fill(String prefix, Map<String, Object> values) {
        session.fill(prefix, values);
    }
}
