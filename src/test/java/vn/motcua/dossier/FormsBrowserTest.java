package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.IntegrationTest;

/**
 * Issue 17, forms, in real Chromium (and axe-core on each page, see BrowserSession): an empty submit names each
 * missing field (never "cần ít nhất 1 mục" for a section) and moves the focus to the error summary; the father's
 * section says its fields are required only if it is filled in; a date is three boxes, and an impossible date is named.
 */
@IntegrationTest
class FormsBrowserTest extends BrowserTest {


    private String focused() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"));
    }

    @Test
    void anEmptySubmitNamesEachFieldAndFocusesTheSummaryAndAnImpossibleDateIsNamed() {
        session.login("congdan");
        browser.get(session.url("/my/dossiers/new?procedure=1.001193"));
        // a new form is prefilled from the citizen's last dossier (issue #18): the phone emptied to see its message
        browser.findElement(By.id("f-applicant-phone")).clear();
        // Father: the section is optional, its fields required only once begun.
        assertThat(browser.findElement(By.cssSelector("#f-father legend")).getText()).contains("Thông tin người cha", "(nếu có)");
        assertThat(browser.findElement(By.cssSelector("label[for=f-father-fullName]")).getText())
                .contains("bắt buộc nếu khai mục này");
        assertThat(browser.findElement(By.cssSelector("label[for=f-child-fullName]")).getText()).contains("(bắt buộc)")
                .doesNotContain("nếu");
        // A date: three boxes, labelled ngày / tháng / năm, in a group named by the field.
        WebElement date = browser.findElement(By.id("f-child-birthDate")).findElement(By.xpath("ancestor::fieldset[1]"));
        assertThat(date.findElement(By.tagName("legend")).getText()).contains("Ngày, tháng, năm sinh");
        assertThat(date.findElements(By.tagName("label")).stream().map(WebElement::getText).toList())
                .containsExactly("Ngày", "Tháng", "Năm");

        browser.findElement(By.id("submit-dossier")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        wait.until(d -> focused().equals("error-summary"));
        session.screenshot("eform-errors");
        List<String> errors = summary.findElements(By.cssSelector("li a")).stream().map(WebElement::getText).toList();
        assertThat(errors).contains("Người được khai sinh — Họ, chữ đệm và tên: bắt buộc nhập.",
                "Người được khai sinh — Ngày, tháng, năm sinh: bắt buộc nhập.", "Người yêu cầu — Số điện thoại: bắt buộc nhập.",
                "Hình thức nhận kết quả: bắt buộc nhập.");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("cần ít nhất").doesNotContain("Thông tin người cha —");
        // A link in the summary takes the keyboard to the field.
        summary.findElement(By.cssSelector("a[href='#f-child-birthDate']")).click();
        assertThat(focused()).isEqualTo("f-child-birthDate");

        // 31 February: named as a day that does not exist, the boxes keep what was typed.
        browser.findElement(By.id("f-child-fullName")).sendKeys("Trần Minh Khôi");
        browser.findElement(By.id("f-child-birthDate")).sendKeys("31");
        browser.findElement(By.id("f-child-birthDate-month")).sendKeys("2");
        browser.findElement(By.id("f-child-birthDate-year")).sendKeys("2024");
        // The applicant's date may be prefilled (profile, last dossier): start it again without a month.
        for (String box : List.of("f-applicant-birthDate", "f-applicant-birthDate-month", "f-applicant-birthDate-year")) {
            browser.findElement(By.id(box)).clear();
        }
        browser.findElement(By.id("f-applicant-birthDate")).sendKeys("5");
        browser.findElement(By.id("f-applicant-birthDate-year")).sendKeys("1990");
        browser.findElement(By.id("submit-dossier")).click();
        wait.until(ExpectedConditions.stalenessOf(summary));
        summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        wait.until(d -> focused().equals("error-summary"));
        assertThat(browser.findElement(By.id("f-child-birthDate-error")).getText())
                .isEqualTo("Người được khai sinh — Ngày, tháng, năm sinh: ngày không hợp lệ, không có ngày này (ví dụ 30/02 không tồn tại).");
        assertThat(browser.findElement(By.id("f-applicant-birthDate-error")).getText())
                .isEqualTo("Người yêu cầu — Ngày, tháng, năm sinh: phải có đủ ngày, tháng và năm.");
        assertThat(browser.findElement(By.id("f-child-birthDate")).getAttribute("value")).isEqualTo("31");
        assertThat(browser.findElement(By.id("f-child-birthDate-month")).getAttribute("value")).isEqualTo("2");
        assertThat(browser.findElement(By.id("f-child-birthDate-year")).getAttribute("value")).isEqualTo("2024");
        assertThat(browser.findElement(By.id("f-child-fullName")).getAttribute("value")).isEqualTo("Trần Minh Khôi");
        assertThat(browser.findElement(By.id("f-child-birthDate")).getAttribute("aria-invalid")).isEqualTo("true");
    }
}
