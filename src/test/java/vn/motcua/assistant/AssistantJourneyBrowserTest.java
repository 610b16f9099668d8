package vn.motcua.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Issue #18, the citizen's journey in real Chromium (axe-core on every page, see {@link BrowserSession}): a question
 * typed without diacritics in the home page's box → the birth registration first, with why → its form opened from the
 * answer, prefilled from the citizen's last dossier, with help beside the fields → submit: the check before submit
 * stops a child born before its mother (to correct, no way to confirm) → corrected: the missing birth notice is a
 * warning, the file already chosen is kept → confirm → the receipt.
 */
@IntegrationTest
class AssistantJourneyBrowserTest extends BrowserTest {

    private static final String BIRTH = "1.001193";
    @org.springframework.beans.factory.annotation.Autowired
    vn.motcua.privacy.Consents consents;


    @Test
    void askAnswerFormPrefilledMissingDocumentWarnedConfirmSubmitReceipt() throws Exception {
        // the citizen's earlier dossier, what the prefill reads with the citizen's consent to reuse it
        consents.give("congdan", vn.motcua.privacy.Consents.DATA_STORE_REUSE, "test: the citizen agreed to reuse");
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var earlier = new Http(port).postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "tien." + phone + "@example.vn", "26740"));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);

        session.login("congdan");
        browser.get(session.url("/"));
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assistant-q")));
        box.sendKeys("lam giay khai sinh cho con moi sinh o dau");
        browser.findElement(By.id("assistant-ask")).click();
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#assistant-list > li:first-child")));
        // the birth registration first (the catalogue lists it under three codes, one per level: any is right)
        assertThat(first.getAttribute("data-code")).isIn(BIRTH, "2.001023", "2.000986");
        assertThat(first.findElement(By.cssSelector(".why")).getText()).contains("khai sinh");
        List<WebElement> top3 = browser.findElements(By.cssSelector("#assistant-list > li")).stream().limit(3).toList();
        WebElement birth = top3.stream().filter(li -> BIRTH.equals(li.getAttribute("data-code"))).findFirst().orElseThrow(
                () -> new AssertionError("the ward's birth registration is not in the top 3"));
        session.screenshot("assistant-journey-answer");

        birth.findElement(By.cssSelector("a[data-apply='" + BIRTH + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-form")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tờ khai đăng ký khai sinh");
        // prefilled from the last dossier, and the page says so
        assertThat(browser.findElement(By.id("prefill-origin")).getText()).contains("Từ hồ sơ gần nhất bạn đã nộp (số ");
        assertThat(value("applicant.fullName")).isEqualTo("Nguyễn Thị Thủy Tiên");
        assertThat(value("applicant.personalId")).isEqualTo("079190012345");
        assertThat(value("applicant.phone")).isEqualTo(phone);
        assertThat(value("applicant.residenceDetail")).isEqualTo("12 Lê Lợi");
        assertThat(browser.findElement(By.id("f-applicant-birthDate-year")).getAttribute("value")).isEqualTo("1990");
        // help beside the fields, read with them; why behind a disclosure
        WebElement help = browser.findElement(By.id("f-child-birthDate-help"));
        assertThat(help.getText()).isNotBlank().contains("Ví dụ:");
        WebElement dateGroup = browser.findElement(By.id("f-child-birthDate")).findElement(By.xpath("ancestor::fieldset[1]"));
        assertThat(dateGroup.getAttribute("aria-describedby")).contains("f-child-birthDate-help");
        assertThat(browser.findElement(By.id("f-applicant-phone")).getAttribute("aria-describedby")).contains("f-applicant-phone-help");
        WebElement why = browser.findElement(By.id("f-child-birthDate-why"));
        assertThat(why.getAttribute("open")).isNull();
        why.findElement(By.tagName("summary")).click();
        assertThat(why.findElement(By.tagName("p")).getText()).contains("60 ngày");
        session.screenshot("assistant-journey-form");

        // the rest of the form; the child "born" before the mother
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        set("relationship", "Mẹ");
        set("child.fullName", "Trần Minh Khôi");
        set("child.gender", "NAM");
        set("child.birthDate", "1985-03-04");
        set("child.birthPlace", "26740");
        set("child.ethnicity", "Kinh");
        set("child.nationality", "Việt Nam");
        set("mother.fullName", "Nguyễn Thị Thủy Tiên");
        set("mother.birthDate", "1990-05-12");
        set("mother.personalId", "079190012345");
        set("mother.residence", "26740");
        set("resultDelivery", "ONLINE");
        Path photo = Files.createTempDirectory("motcua").resolve("anh-chup-to-khai.pdf");
        Files.write(photo, FormHelpApiTest.PDF);
        browser.findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("submit-dossier")).click();

        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-summary")));
        List<String> errors = texts(summary, "li.finding-error");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Ngày sinh của trẻ", "người mẹ"));
        assertThat(summary.findElements(By.id("confirm-submit"))).isEmpty();
        assertThat(summary.findElement(By.cssSelector("li.finding-error a")).getAttribute("href")).endsWith("#f-child-birthDate");
        assertThat(browser.findElements(By.id("receipt-number"))).isEmpty();
        assertThat(value("child.fullName")).isEqualTo("Trần Minh Khôi");
        session.screenshot("assistant-journey-check-error");

        // corrected: what is left is the missing birth notice, to confirm; the chosen file is kept
        set("child.birthDate", today.minusDays(10).toString());
        browser.findElement(By.id("submit-dossier")).click();
        wait.until(ExpectedConditions.stalenessOf(summary));
        summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-summary")));
        assertThat(texts(summary, "li.finding-error")).isEmpty();
        assertThat(texts(summary, "li.finding-warning")).anySatisfy(w -> assertThat(w).containsIgnoringCase("giấy chứng sinh"));
        assertThat(summary.findElement(By.id("check-held")).getText()).contains("anh-chup-to-khai.pdf");
        assertThat(browser.findElements(By.id("receipt-number"))).isEmpty();
        session.screenshot("assistant-journey-check");

        summary.findElement(By.id("confirm-submit")).click();
        String receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-number"))).getText();
        assertThat(receipt).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Thời điểm tiếp nhận chính thức");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("anh-chup-to-khai.pdf", "Trần Minh Khôi");
        session.screenshot("assistant-journey-receipt");
    }

    private List<String> texts(WebElement in, String css) {
        return in.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private String value(String path) {
        return browser.findElement(By.id(BrowserSession.fieldId(path))).getAttribute("value");
    }

}
