package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.IntegrationTest;

/**
 * No consent by silence (the default, {@code motcua.privacy.consent.explicit-only=true}): an account that never
 * decided is not offered reuse or prefill; the data-store page asks, with a notice and a button, and the consent is
 * recorded with its source; after a withdrawal the page asks again. Real Chromium, axe-core on every page.
 */
@IntegrationTest
class StoreConsentBrowserTest extends BrowserTest {

    @Autowired
    AccountService accounts;
    @Autowired
    Consents consents;

    @Test
    void theDataStorePageAsksForConsentBeforeTheFirstReuse() {
        String citizen = "congdan.kho" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        accounts.save(citizen, "demo", "Đỗ Thị Đồng Thuận", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        assertThat(consents.allows(citizen, Consents.DATA_STORE_REUSE)).as("never decided: no reuse").isFalse();

        login(citizen);
        browser.get(url("/my/data"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reuse-consent")));
        assertThat(browser.findElement(By.id("reuse-consent")).getText()).contains("Bạn chưa đồng ý")
                .contains("điền sẵn").contains("rút lại");
        assertThat(browser.findElements(By.id("reuse-consent-given"))).isEmpty();
        session.screenshot("my-data-consent");

        browser.findElement(By.id("store-consent-give")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reuse-consent-given")));
        assertThat(browser.getCurrentUrl()).endsWith("/my/data");
        assertThat(browser.findElements(By.id("reuse-consent"))).isEmpty();
        assertThat(consents.allows(citizen, Consents.DATA_STORE_REUSE)).isTrue();
        assertThat(consents.latest(citizen, Consents.DATA_STORE_REUSE).orElseThrow().source())
                .isEqualTo("POST /my/privacy/consent");

        // Withdrawn on the privacy page: the store page asks again, saying so.
        browser.findElement(By.cssSelector("#reuse-consent-given a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("consent-withdraw"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-give")));
        assertThat(consents.allows(citizen, Consents.DATA_STORE_REUSE)).isFalse();
        browser.get(url("/my/data"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reuse-consent")));
        assertThat(browser.findElement(By.id("reuse-consent")).getText()).contains("đã rút lại");
    }
}
