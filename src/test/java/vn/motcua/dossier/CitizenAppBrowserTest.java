package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.TcpProxy;

/**
 * Issue 17, the installable citizen app in real Chromium: the service worker installs and takes the page; with the
 * network cut, "Hồ sơ của tôi" and a dossier opened before read as last seen, with a notice, and a page never opened
 * shows the offline page. Signing out forgets the kept pages. The browser reaches the site through a {@link TcpProxy}
 * that the test cuts (the service worker's own requests fail as without a network; DevTools network emulation of the
 * page does not reach them) and also emulates "offline" in the page (so that {@code navigator.onLine} is false).
 */
@IntegrationTest
class CitizenAppBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    BrowserSession session;
    TcpProxy proxy;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        referenceData.ensureAll();
        proxy = new TcpProxy(port);
        session = new BrowserSession(proxy.port());
        browser = session.driver();
        wait = session.waiting();
    }

    @AfterEach
    void close() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private void offline(boolean off) throws Exception {
        if (off) {
            proxy.cut();
            ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
            conditions.setOffline(true);
            conditions.setLatency(Duration.ZERO);
            session.chromium().setNetworkConditions(conditions);
        } else {
            session.chromium().deleteNetworkConditions();
            proxy.restore();
        }
    }

    @Test
    void myDossiersReadOfflineAsLastSeenAndAnUnseenPageShowsTheOfflinePage() throws Exception {
        String phone = IntakeApiTest.phone();
        var submitted = new Http(port).postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "o." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        String receipt = submitted.json().get("receiptNumber").asString();

        session.login("congdan");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // The worker installs, activates and claims this page.
        assertThat(js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(function (r) { done(r.active.scriptURL); });")).asString().endsWith("/sw.js");
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return !!navigator.serviceWorker.controller")));
        browser.get(session.url("/my/dossiers/" + id));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        browser.get(session.url("/my"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-dossiers")));
        assertThat(browser.findElement(By.id("offline-notice")).isDisplayed()).isFalse();

        offline(true);
        try {
            browser.get(session.url("/my"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-dossiers")));
            assertThat(browser.findElement(By.id("my-dossiers")).getText()).contains(receipt);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-notice")));
            assertThat(browser.findElement(By.id("offline-notice")).getText()).contains("Không có kết nối mạng");
            session.screenshot("my-offline");
            browser.get(session.url("/my/dossiers/" + id));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number"))).getText())
                    .isEqualTo(receipt);
            browser.get(session.url("/procedures?q=chua-mo-trang-nay"));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("offline-heading"))).getText())
                    .isEqualTo("Không có kết nối mạng");
            session.screenshot("offline");
        } finally {
            offline(false);
        }

        // Signing out forgets the kept pages.
        browser.get(session.url("/my"));
        session.logout();
        wait.until(d -> Boolean.FALSE.equals(js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "caches.keys().then(function (k) { done(k.some(function (n) { return n.indexOf('-pages') > 0; })); });")));
    }
}
