package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * In real Chromium: a citizen submits a birth registration online with an attachment; the ward's
 * reception officer accepts it; the citizen sees the code and appointment on the public tracking page
 * and an email in the outbox; Form 01's PDF text is Vietnamese with its diacritics.
 */
@IntegrationTest
class IntakeJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    BrowserSession session;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
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

    private String url(String path) {
        return session.url(path);
    }

    private void login(String user) {
        session.login(user);
    }

    private void logout() {
        session.logout();
    }

    private void set(String path, String value) {
        String id = "f-" + path.replaceAll("[^A-Za-z0-9]+", "-");
        var element = browser.findElement(By.id(id));
        if ("select".equals(element.getTagName())) {
            new org.openqa.selenium.support.ui.Select(element).selectByValue(value);
        } else if (!browser.findElements(By.id(id + "-year")).isEmpty()) {
            // a date: three boxes, ngày / tháng / năm
            String[] ymd = value.split("-");
            element.clear();
            element.sendKeys(String.valueOf(Integer.parseInt(ymd[2])));
            browser.findElement(By.id(id + "-month")).clear();
            browser.findElement(By.id(id + "-month")).sendKeys(String.valueOf(Integer.parseInt(ymd[1])));
            browser.findElement(By.id(id + "-year")).clear();
            browser.findElement(By.id(id + "-year")).sendKeys(ymd[0]);
        } else {
            element.clear();
            element.sendKeys(value);
        }
    }

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

    @SuppressWarnings("unchecked")
    private void fill(String prefix, Map<String, Object> values) {
        for (var e : values.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                fill(prefix + e.getKey() + ".", (Map<String, Object>) nested);
            } else {
                set(prefix + e.getKey(), String.valueOf(e.getValue()));
            }
        }
    }
}
