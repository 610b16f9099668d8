package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * In real Chromium: a citizen submits a birth registration online with an attachment; the ward's
 * reception officer accepts it; the citizen sees the code and appointment on the public tracking page
 * and an email in the outbox; Form 01's PDF text is Vietnamese with its diacritics.
 */
@IntegrationTest
class IntakeJourneyTest extends BrowserTest {


    @Test
    void citizenSubmitsOfficerAcceptsCitizenTracksAndIsEmailed() throws Exception {
        String phone = "0912" + (100000 + (int) (System.nanoTime() % 899999));
        login("congdan");
        browser.get(url("/my/dossiers/new?procedure=1.001193"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tờ khai đăng ký khai sinh");
        Map<String, Object> form = DossierFixtures.birthForm(phone);
        fill("", form);
        Path pdf = Files.createTempDirectory("motcua").resolve("giaychungsinh.pdf");
        Files.write(pdf, DossierFixtures.PDF);
        browser.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
        browser.findElement(By.id("submit-dossier")).click();
        session.confirmSubmissionCheck();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Thời điểm tiếp nhận chính thức");
        assertThat(browser.findElement(By.id("dossier-state")).getText()).isEqualTo("Đã nộp, chờ tiếp nhận");
        String dossierPath = new java.net.URI(browser.getCurrentUrl()).getPath();
        String id = dossierPath.substring(dossierPath.lastIndexOf('/') + 1);
        logout();

        login("tiepnhan");
        browser.get(url("/workbench/reception"));
        browser.findElement(By.cssSelector("#inbox a[href$='" + id + "']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("accept"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        String code = browser.findElement(By.id("dossier-code")).getText();
        assertThat(code).matches("UBND-26740-\\d{6}-\\d{4}");
        String due = browser.findElement(By.id("dossier-due")).getText();
        assertThat(due).matches("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
        logout();

        browser.get(url("/track?code=" + code + "&check=" + phone.substring(phone.length() - 4)));
        assertThat(browser.findElement(By.id("track-state")).getText()).isEqualTo("Đã tiếp nhận, đang giải quyết");
        assertThat(browser.findElement(By.id("track-due")).getText()).isEqualTo(due);
        assertThat(browser.findElement(By.id("track-agency")).getText()).contains("Sài Gòn");

        login("quantri"); // the demo outbox shows every applicant's e-mails: administrators only
        browser.get(url("/outbox"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Hồ sơ " + code, "Hẹn trả kết quả");
        logout();

        byte[] slip = new Http(port).sendBytes(new Http(port).request("/api/v1/dossiers/" + id + "/slips/01.pdf")
                .header("Authorization", Http.basic("congdan", "demo")).GET().build());
        try (var doc = Loader.loadPDF(slip)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Nguyễn Thị Thủy Tiên",
                    "Thủ tục đăng ký khai sinh", "Thành phần hồ sơ đã nhận", "giaychungsinh.pdf", "Hẹn trả kết quả: " + due.substring(0, 2));
        }
    }

}
