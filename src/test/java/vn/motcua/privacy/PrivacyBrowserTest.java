package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue #21 in real Chromium, axe-core on every page: the e-form's purpose notice, and the citizen's page "Dữ liệu cá
 * nhân của tôi" — a correction filed (what is missing named first, then sent with its due date), consent given and
 * withdrawn.
 */
@IntegrationTest
class PrivacyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    BrowserSession session;
    WebDriver browser;
    WebDriverWait wait;
    String citizen;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        citizen = "congdan.rieng" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        accounts.save(citizen, "demo", "Mai Thị Riêng Tư", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        session = new BrowserSession(port);
        browser = session.driver();
        wait = session.waiting();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theNoticeOnTheFormAndARequestAndAWithdrawalOnTheCitizensPage() {
        session.login(citizen);
        browser.get(session.url("/my/dossiers/new?procedure=" + DossierFixtures.BIRTH));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purpose-notice")));
        String notice = browser.findElement(By.id("purpose-notice")).getText();
        assertThat(notice).contains("Mục đích xử lý dữ liệu cá nhân").contains("đăng ký khai sinh")
                .contains("lưu trữ vĩnh viễn");
        browser.findElement(By.cssSelector("#purpose-notice a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-request")));
        assertThat(browser.findElement(By.id("requests-empty")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("consent-state")).getText()).contains("chưa");

        // A correction without what and why: named, nothing filed.
        browser.findElement(By.id("kind-CORRECTION")).click();
        browser.findElement(By.id("send-request")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-error")));
        assertThat(browser.findElement(By.id("request-error")).getText()).contains("nội dung và lý do");
        assertThat(browser.findElements(By.id("requests-empty"))).hasSize(1);

        browser.findElement(By.id("kind-CORRECTION")).click();
        browser.findElement(By.id("request-detail")).sendKeys("Số điện thoại trong hồ sơ đã cũ");
        browser.findElement(By.id("request-reason")).sendKeys("Tôi đã đổi số điện thoại");
        browser.findElement(By.id("send-request")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("hạn trả lời");
        assertThat(browser.findElement(By.id("requests")).getText()).contains("Chỉnh sửa dữ liệu").contains("Đang xử lý");

        browser.findElement(By.id("consent-give")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-withdraw")));
        assertThat(browser.findElement(By.id("consent-state")).getText()).contains("đã đồng ý");
        session.screenshot("my-privacy");
        browser.findElement(By.id("consent-withdraw")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-give")));
        assertThat(browser.findElement(By.id("consent-state")).getText()).contains("đã rút lại");
    }
}
