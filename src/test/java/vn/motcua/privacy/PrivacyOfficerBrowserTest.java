package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.privacy.internal.DataRequests;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

/**
 * The privacy officers' queue in real Chromium, axe-core on every page: a late request flagged and listed before a
 * newer one, the citizen's request and export on its page, a correction answered (what was corrected required
 * first), the citizen e-mailed through the outbox; other officers get 403.
 */
@IntegrationTest
class PrivacyOfficerBrowserTest extends BrowserTest {

    @Autowired
    AccountService accounts;
    @Autowired
    DataRequests requests;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAuditorAnswersALateCorrectionAndTheCitizenIsEmailed() {
        String citizen = "congdan.yc" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String email = citizen + "@example.vn";
        accounts.save(citizen, "demo", "Lưu Thị Yêu Cầu", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        accounts.setEmail(citizen, email);
        // Filed ten days ago: past its two working days.
        clock.advance(Duration.ofDays(-10));
        var late = requests.file(citizen, "CORRECTION", "Địa chỉ thường trú ghi sai số nhà " + citizen,
                "Tôi đã chuyển nhà tháng trước");
        clock.reset();
        var fresh = requests.file(citizen, "RESTRICTION", "Không dùng số điện thoại để gửi tin nhắn",
                "Tôi chỉ muốn nhận thư điện tử");

        login("kiemtra");
        browser.get(url("/workbench"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-privacy-requests"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-requests")));
        List<String> rows = browser.findElements(By.cssSelector("#open-requests tbody tr")).stream()
                .map(r -> r.getAttribute("id")).toList();
        assertThat(rows).contains("request-" + late.id(), "request-" + fresh.id());
        assertThat(rows.indexOf("request-" + late.id())).isLessThan(rows.indexOf("request-" + fresh.id()));
        WebElement lateTag = browser.findElement(By.cssSelector("#request-" + late.id() + " .tag"));
        assertThat(lateTag.getAttribute("class")).contains("late");
        assertThat(lateTag.getText()).contains("Quá hạn");
        WebElement freshTag = browser.findElement(By.cssSelector("#request-" + fresh.id() + " .tag"));
        assertThat(freshTag.getAttribute("class")).doesNotContain("late");
        assertThat(browser.findElement(By.id("late-count")).getText()).contains("quá hạn");
        session.screenshot("privacy-requests");

        browser.findElement(By.cssSelector("#request-" + late.id() + " a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-form")));
        assertThat(browser.findElement(By.id("request-user")).getText()).isEqualTo(citizen);
        assertThat(browser.findElement(By.id("request-detail")).getText()).contains("số nhà " + citizen);
        assertThat(browser.findElement(By.id("request-due")).getText()).contains("Quá hạn");
        // The export link gives the citizen's data (fetched in the officer's session).
        String exported = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export-json').href).then(r => r.text()).then(done);");
        assertThat(exported).contains(citizen).contains("Lưu Thị Yêu Cầu").contains("số nhà " + citizen);

        // Done without saying what was corrected: named, nothing recorded.
        browser.findElement(By.id("outcome-DONE")).click();
        browser.findElement(By.id("answer-input")).sendKeys("Đã sửa địa chỉ theo yêu cầu.");
        browser.findElement(By.id("send-answer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-error")));
        assertThat(browser.findElement(By.id("answer-error")).getText()).contains("dữ liệu nào đã được chỉnh sửa");
        assertThat(requests.find(late.id()).state()).isEqualTo("OPEN");
        assertThat(browser.findElement(By.id("answer-input")).getAttribute("value")).contains("Đã sửa địa chỉ");

        browser.findElement(By.id("outcome-DONE")).click();
        browser.findElement(By.id("corrected")).sendKeys("Địa chỉ thường trú: số 12 đường Lê Lợi (hồ sơ và kho dữ liệu)");
        browser.findElement(By.id("send-answer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("thư điện tử");
        assertThat(browser.findElement(By.id("answer-corrected")).getText()).contains("số 12 đường Lê Lợi");
        assertThat(browser.findElements(By.id("answer-form"))).isEmpty();
        session.screenshot("privacy-request");
        var stored = requests.find(late.id());
        assertThat(stored.outcome()).isEqualTo("DONE");
        assertThat(stored.answeredBy()).isEqualTo("kiemtra");
        assertThat(stored.corrected()).contains("số 12 đường Lê Lợi");

        // The citizen is e-mailed, once, with the outcome and what was corrected.
        var mails = jdbc.sql("select subject, body from notification where recipient = ?").param(email)
                .query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).list();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("Chỉnh sửa dữ liệu").contains("đã thực hiện")
                .contains("số 12 đường Lê Lợi").contains("Lưu Thị Yêu Cầu");

        // The queue no longer lists it; the answered list does.
        browser.get(url("/workbench/privacy/requests"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answered-requests")));
        assertThat(browser.findElements(By.id("request-" + late.id()))).isEmpty();
        assertThat(browser.findElement(By.id("answered-requests")).getText()).contains(citizen);

        // Other officers and citizens: 403, for the pages and the export.
        for (String other : List.of("tiepnhan", citizen)) {
            Http http = new Http(port);
            assertThat(http.login(other, "demo").status()).isEqualTo(302);
            assertThat(http.get("/workbench/privacy/requests").status()).as(other).isEqualTo(403);
            assertThat(http.get("/workbench/privacy/requests/" + fresh.id() + "/export.json").status()).as(other)
                    .isEqualTo(403);
        }
        Http admin = new Http(port);
        admin.login("quantri", "demo");
        assertThat(admin.get("/workbench/privacy/requests/" + fresh.id()).body()).contains("Không dùng số điện thoại");
    }
}
