package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * In Chromium (axe-core on every page): the council member filters the questions of their scope and opens one,
 * redacted; the anonymous asker follows their question by code and phone digits. With
 * {@code -Dmotcua.screenshots=docs/screenshots}: council-questions, council-question, question-follow-up.
 */
@IntegrationTest
class CouncilQuestionsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCouncilMemberFiltersAndReadsRedactedQuestionsAndTheAskerFollowsTheirs() {
        String phone = QuestionLinksTest.phone();
        var r = new Http(port).postJson(null, null, "/api/v1/questions", Map.of(
                "subject", "Bà Đỗ Thị Mai hỏi về giấy phép kinh doanh hộ gia đình",
                "text", "Tôi là Đỗ Thị Mai, số điện thoại " + phone + ", ở số 8 Nguyễn Huệ. Hộ kinh doanh cần giấy tờ gì?",
                "place", Map.of("unitCode", "26740"),
                "contact", Map.of("name", "Đỗ Thị Mai", "phone", phone)), "X-Forwarded-For", QuestionLinksTest.address());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().get("code").asString();

        login("hdnd");
        browser.get(url("/workbench/council"));
        session.accessibility().audit();
        browser.findElement(By.id("council-read-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("council-filter")));
        new Select(browser.findElement(By.id("agency"))).selectByValue("UBND-26740");
        new Select(browser.findElement(By.id("state"))).selectByValue("RECEIVED");
        browser.findElement(By.id("filter")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("council-questions"), code));
        assertThat(browser.getCurrentUrl()).contains("agency=UBND-26740", "state=RECEIVED");
        String list = browser.findElement(By.tagName("main")).getText();
        assertThat(list).contains("[họ tên]").doesNotContain("Đỗ Thị Mai");
        session.accessibility().audit();
        session.screenshot("council-questions");

        browser.findElement(By.xpath("//tr[td[text()='" + code + "']]//a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("redacted-notice")));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("[số điện thoại]", "[địa chỉ]", "Người hỏi").doesNotContain(phone, "Đỗ Thị Mai", "8 Nguyễn Huệ");
        session.accessibility().audit();
        session.screenshot("council-question");

        logout();
        browser.get(url("/questions/follow"));
        session.accessibility().audit();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("phoneLast4")).sendKeys(phone.substring(phone.length() - 4));
        browser.findElement(By.id("follow-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("follow-result")));
        assertThat(browser.findElement(By.id("follow-state")).getText()).isEqualTo("Đã tiếp nhận");
        session.accessibility().audit();
        session.screenshot("question-follow-up");
    }
}
