package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.IntegrationTest;

/** A person on a phone-sized screen: home page, language switch, officer login, workbench. */
@IntegrationTest
class BrowserJourneyTest {

    @LocalServerPort
    int port;
    BrowserSession session;
    WebDriver browser;

    @BeforeEach
    void open() {
        session = new BrowserSession(port);
        browser = session.driver();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void homeLanguageSwitchLoginAndWorkbench() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dịch vụ hành chính công");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        // Fits a phone: nothing wider than the 390-px window.
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        Long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
        Long viewport = (Long) js.executeScript("return window.innerWidth");
        assertThat(scrollWidth).as("page width on a phone").isLessThanOrEqualTo(viewport);

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Public administrative services"));
        browser.findElement(By.id("lang-vi")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dịch vụ hành chính công"));

        browser.findElement(By.id("nav-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("kiemtra");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-heading")));
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        assertThat(browser.findElement(By.id("inbox-empty")).getText()).isEqualTo("Không có hồ sơ nào cần xử lý.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Võ Thị Giang");
    }
}
