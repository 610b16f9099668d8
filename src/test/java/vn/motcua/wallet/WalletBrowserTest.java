package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.reading.Scans;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue #20 in real Chromium, axe-core on every page at phone and desktop widths ({@link BrowserSession}): the citizen's
 * profile form (a per-field error first, then saved), a stored document of a closed ward showing "Nay là …", the
 * public check of a result by its code and by uploading the signed file, the officer's revocation page, and the
 * counter digitisation pages (a generated scan uploaded from the reception page, read in the background while the page
 * polls for itself, confirmed with the citizen's consent).
 */
@IntegrationTest
class WalletBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.dossier.internal.ResultDeliveries deliveries;
    Http http;
    BrowserSession session;
    WebDriver browser;
    WebDriverWait wait;
    String citizen;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        http = new Http(port);
        citizen = "congdan.trinh" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        accounts.save(citizen, "demo", "Trần Văn Bảo", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
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

    Http.Response post(String user, String path, Object body) {
        return http.postJson(user, "demo", path, body);
    }

    /** congdan's birth registration driven to its result, returned online; the result's store id. */
    String returnedResult() {
        String id = DossierFixtures.returnedOnline(http, deliveries);
        return jdbc.sql("select id from wallet_document where dossier_id = ? and source = 'RESULT'")
                .param(UUID.fromString(id)).query(String.class).single();
    }

    void type(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    @Test
    void profileClosedWardVerifyRevokeAndCounterDigitisation() throws Exception {
        // Prepared through the API: a document of a closed ward in the citizen's store, and congdan's signed result.
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("type", "Giấy chứng nhận quyền sử dụng đất");
        old.put("issuer", "UBND phường Tân Định");
        old.put("issuerUnitCode", "26734");   // Tân Định until 1 July 2025, now within the new 26737
        old.put("issuedOn", "2019-06-01");
        old.put("fileName", "so-do.pdf");
        old.put("contentBase64", DossierFixtures.PDF_B64);
        var up = post(citizen, "/api/v1/me/data/documents", old);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        String oldId = up.json().get("id").asString();
        String successor = up.json().get("competentNow").get(0).get("name").asString();
        String resultId = returnedResult();
        var result = http.getAs("congdan", "demo", "/api/v1/me/data/documents/" + resultId);
        String code = result.json().get("verificationCode").asString();
        byte[] pdf = http.sendBytes(http.request("/api/v1/me/data/documents/" + resultId + "/file")
                .header("Authorization", Http.basic("congdan", "demo")).GET().build());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Path signed = Files.createTempDirectory("motcua").resolve("ket-qua-khai-sinh.pdf");
        Files.write(signed, pdf);

        // 1. The profile form: a wrong phone is reported against its field and nothing is saved; then saved.
        session.login(citizen);
        browser.get(session.url("/my/data"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form")));
        type("p-fullName", "Trần Văn Bảo");
        type("p-personalId", "079088001234");
        // The birth date in three boxes (ngày / tháng / năm).
        type("p-birthDate", "9");
        type("p-birthDate-month", "4");
        type("p-birthDate-year", "1988");
        new Select(browser.findElement(By.id("p-sex"))).selectByValue("MALE");
        type("p-phone", "12");
        type("p-permanentUnitCode", "26740");
        browser.findElement(By.id("save-profile")).click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-errors")));
        assertThat(errors.getText()).contains("Số điện thoại không hợp lệ");
        assertThat(errors.findElement(By.tagName("a")).getAttribute("href")).endsWith("#p-phone");
        assertThat(http.getAs(citizen, "demo", "/api/v1/me/data/profile").status()).isEqualTo(404);
        type("p-phone", "0987654321");
        browser.findElement(By.id("save-profile")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("profile-errors")));
        var saved = http.getAs(citizen, "demo", "/api/v1/me/data/profile");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("phone").asString()).isEqualTo("0987654321");
        assertThat(browser.findElement(By.id("p-phone")).getAttribute("value")).isEqualTo("0987654321");

        // 2. The closed ward's document: the issuer as it was, and the ward competent now.
        WebElement row = browser.findElement(By.id("doc-" + oldId));
        assertThat(row.getText()).contains("UBND phường Tân Định").contains("Nay là: " + successor);
        session.screenshot("my-data");
        session.logout();

        // 3. Anyone checks the result: by its code, then by uploading the signed file.
        browser.get(session.url("/verify"));
        type("code", code.toLowerCase());
        browser.findElement(By.cssSelector("#verify-form button[type=submit]")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result")));
        assertThat(verdict.getText()).contains("Giấy khai sinh").doesNotContain("thu hồi");
        assertThat(verdict.findElements(By.cssSelector(".notice"))).hasSize(1);
        browser.findElement(By.id("verify-file")).sendKeys(signed.toAbsolutePath().toString());
        browser.findElement(By.id("verify-file-submit")).click();
        wait.until(ExpectedConditions.stalenessOf(verdict));
        verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result")));
        assertThat(verdict.findElements(By.cssSelector(".notice"))).hasSize(1);
        assertThat(verdict.findElements(By.cssSelector(".error-summary"))).isEmpty();
        session.screenshot("verify");

        // 4. The issuing agency's leader revokes it on the officer's page; the public check says so.
        session.login("lanhdao");
        browser.get(session.url("/workbench/results/revoke?code=" + code));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke-form")));
        type("reason", "Cấp nhầm họ tên người được khai sinh");
        browser.findElement(By.id("revoke")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("revoke-result")).getText()).contains("Đã thu hồi");
        browser.get(session.url("/verify?code=" + code));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-revoked"))).getText())
                .contains("Đã thu hồi");

        // 5. Counter digitisation, from a dossier's reception page: upload a generated scan for the citizen.
        String dossier = DossierFixtures.acceptedThroughApi(http);
        session.login("tiepnhan");
        browser.get(session.url("/workbench/dossiers/" + dossier));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("digitise-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("digitise-form")));
        Path scan = Files.createTempDirectory("motcua").resolve("cu-tru.png");
        Files.write(scan, Scans.png(Scans.scan(CounterDigitisationTest.RESIDENCE, 1800, 800, 42f, 1.5, 0.005, 11)));
        type("citizen", citizen);
        browser.findElement(By.id("scan-file")).sendKeys(scan.toAbsolutePath().toString());
        browser.findElement(By.id("digitise")).click();
        wait.until(ExpectedConditions.urlMatches("/workbench/digitise/[0-9a-f-]{36}$"));
        String page = browser.getCurrentUrl();
        // The reading runs in the background; the page polls for itself (htmx) until the form appears. No reload here.
        WebElement form = new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(500))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-form")));
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        assertThat(browser.findElements(By.id("scan-polling"))).isEmpty();
        assertThat(browser.findElement(By.id("type")).getAttribute("value")).isEqualTo("Giấy xác nhận cư trú");
        assertThat(browser.findElement(By.id("personalId")).getAttribute("value")).isEqualTo("079185004321");
        type("issuer", "Công an phường Sài Gòn");
        session.screenshot("digitise-confirm");
        // The consent box starts unticked (never given by default; without it the server says 422: CounterDigitisationTest).
        WebElement consent = browser.findElement(By.id("consent"));
        assertThat(consent.isSelected()).isFalse();
        consent.click();
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .contains("Giấy xác nhận cư trú");
        assertThat(browser.findElement(By.id("scan-status")).getText()).isEqualTo("Đã lưu vào kho dữ liệu của công dân");
        var store = http.getAs(citizen, "demo", "/api/v1/me/data/documents");
        assertThat(store.body()).contains("\"DIGITISED\"").contains("Giấy xác nhận cư trú");
    }
}
