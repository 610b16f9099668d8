package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryChanges;
import vn.motcua.territory.UnitChanges;
import vn.motcua.territory.UnitType;

/**
 * Issue 17 in real Chromium: a citizen finds where to go by typing a ward's name, fills the birth registration with
 * the place picker (an old ward name included), gets a short receipt number and tracks by it in lower case; reception
 * reads the dossier in Vietnamese and opens its file; an administrator cannot execute a reorganisation without the
 * confirmation page. With {@code -Dmotcua.screenshots=docs/screenshots} it saves the pages at phone (390×844) and
 * desktop (1366 wide) sizes.
 */
@IntegrationTest
class ExperienceBrowserTest extends BrowserTest {

    @Autowired
    TerritoryChanges changes;
    @Autowired
    TerritoryAgencies agencies;
    @Autowired
    DossierBulk bulk;

    @BeforeEach
    void newPhone() {
        phone();
    }

    private void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    /** Saves the page at phone and desktop widths (whole page, up to a height), when asked to. */
    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("motcua.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Path.of(dir);
        Files.createDirectories(out);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.scrollTo(0, 0)");
        for (int width : new int[]{390, 1366}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 20, width == 390 ? 3200 : 2200)));
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(out.resolve(name + (width == 390 ? "-phone" : "-desktop") + ".png"), png);
        }
        phone();
    }

    /** Saves what a phone shows now (e.g. an open list), when asked to. */
    private void viewport(String name) throws Exception {
        String dir = System.getProperty("motcua.screenshots");
        if (dir != null && !dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + "-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    /** Types into a place picker and picks the option whose text contains {@code option}; returns the code posted. */
    private String pick(String id, String typed, String option) throws Exception {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        box.clear();
        box.sendKeys(typed);
        By options = By.cssSelector("#" + id + "-listbox li[role=option]");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(options, 0));
        List<WebElement> all = browser.findElements(options);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getText().contains(option)) {
                index = i;
                break;
            }
        }
        assertThat(index).as("an option with " + option + " among " + all.stream().map(WebElement::getText).toList())
                .isGreaterThanOrEqualTo(0);
        for (int i = 0; i <= index; i++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        if (typed.equals("ben nghe") || typed.equals("tu du")) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -140)", box);
            viewport(typed.equals("tu du") ? "place-picker-facility" : "place-picker-open");
        }
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(all.get(index).getAttribute("id"));
        box.sendKeys(Keys.ENTER);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        return browser.findElement(By.id(id + "-code")).getAttribute("value");
    }

    @Test
    void citizenFindsHerWardByNameSubmitsAndTracksByTheShortNumberOfficerReadsAndOpensTheFile() throws Exception {
        // Where to go, by name, without diacritics.
        browser.get(session.url("/procedures/1.001193"));
        assertThat(pick("unit", "tan dinh", "Phường Tân Định")).isEqualTo("26737");
        browser.findElement(By.cssSelector("#where-heading ~ form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agencies")));
        assertThat(browser.findElement(By.id("agencies")).getText()).contains("Tân Định");
        screenshot("procedure-where");

        // The e-form: places by name, an old ward name mapped through the lineage.
        String phone = "0913" + (100000 + ThreadLocalRandom.current().nextInt(899999));
        session.login("congdan");
        browser.get(session.url("/my/dossiers/new?procedure=1.001193"));
        Map<String, Object> form = DossierFixtures.birthForm(phone);
        for (String group : List.of("applicant", "child", "mother")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) form.get(group);
            for (var e : fields.entrySet()) {
                String path = group + "." + e.getKey();
                if (!List.of("applicant.residence", "child.birthPlace", "mother.residence").contains(path)) {
                    set(path, String.valueOf(e.getValue()));
                }
            }
        }
        set("relationship", "Mẹ");
        set("resultDelivery", "ONLINE");
        assertThat(pick("f-applicant-residence", "sai gon", "Phường Sài Gòn")).isEqualTo("26740");
        assertThat(pick("f-mother-residence", "ben nghe", "nay là Phường Sài Gòn")).isEqualTo("26740");
        assertThat(browser.findElement(By.id("f-mother-residence-chosen")).getText()).contains("Phường Bến Nghé", "nay là Phường Sài Gòn");
        // The birthplace is a hospital, typed without diacritics: the ward it stands in is posted, its name kept.
        assertThat(pick("f-child-birthPlace", "tu du", "Bệnh viện Từ Dũ")).isEqualTo("26743");
        assertThat(browser.findElement(By.id("f-child-birthPlace")).getAttribute("value")).isEqualTo("Bệnh viện Từ Dũ");
        assertThat(browser.findElement(By.id("f-child-birthPlaceDetail")).getAttribute("value")).isEqualTo("Bệnh viện Từ Dũ");
        assertThat(browser.findElement(By.id("f-child-birthPlace-chosen")).getText()).contains("Bệnh viện Từ Dũ",
                "Phường Bến Thành", "Thành phố Hồ Chí Minh");
        Path dir = Files.createTempDirectory("motcua");
        Path pdf = dir.resolve("giay-chung-sinh.pdf");
        Files.write(pdf, AttachmentPreviewTest.twoPagePdf());
        Path png = dir.resolve("cccd-me.png");
        Files.write(png, AttachmentPreviewTest.png());
        browser.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath() + "\n" + png.toAbsolutePath());
        screenshot("eform-place-picker");
        browser.findElement(By.id("submit-dossier")).click();
        session.confirmSubmissionCheck();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        assertThat(receipt).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Số biên nhận: " + receipt.substring(0, 5));
        assertThat(browser.findElement(By.id("form-content")).getText()).contains("Người được khai sinh", "Trần Minh Khôi",
                "Phường Sài Gòn, Thành phố Hồ Chí Minh", "Bệnh viện Từ Dũ", "Phường Bến Thành")
                .doesNotContain("birthPlace", "26740", "26743");
        String dossierPath = new java.net.URI(browser.getCurrentUrl()).getPath();
        String id = dossierPath.substring(dossierPath.lastIndexOf('/') + 1);
        screenshot("my-dossier");
        session.logout();

        // Tracking by the short number, typed in lower case.
        browser.get(session.url("/track"));
        browser.findElement(By.id("code")).sendKeys(receipt.toLowerCase(Locale.ROOT));
        browser.findElement(By.id("check")).sendKeys(phone.substring(phone.length() - 4));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("track-state")));
        assertThat(browser.findElement(By.id("track-state")).getText()).isEqualTo("Đã nộp, chờ tiếp nhận");
        screenshot("track");

        // Reception reads it in Vietnamese, sees the checklist, opens the file, accepts.
        session.login("tiepnhan");
        browser.get(session.url("/workbench/dossiers/" + id));
        String content = browser.findElement(By.id("form-content")).getText();
        assertThat(content).contains("Người yêu cầu", "Họ, chữ đệm và tên", "Giới tính", "Nam", "Phường Sài Gòn")
                .doesNotContain("fullName", "NAM", "{");
        WebElement file = browser.findElement(By.cssSelector("#documents a[href*='/attachments/']"));
        assertThat(file.getText()).isEqualTo("giay-chung-sinh.pdf");
        assertThat(browser.findElement(By.id("documents")).getText()).contains("Giấy chứng sinh");
        Object type = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) {"
                        + " done(r.status + ' ' + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition')); });",
                file.getAttribute("href"));
        assertThat(String.valueOf(type)).startsWith("200 application/pdf inline");
        // Each file opens in the page: the PDF page by page, the image as it is.
        List<WebElement> views = browser.findElements(By.cssSelector("#documents details.file-view"));
        assertThat(views).hasSize(2);
        for (WebElement view : views) {
            WebElement summary = view.findElement(By.tagName("summary"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
            summary.click();
            assertThat(view.getAttribute("open")).isNotNull();
            for (WebElement img : view.findElements(By.tagName("img"))) {
                ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", img);
                wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete ? arguments[0].naturalWidth : 0", img)).intValue() > 0);
                assertThat(img.getAttribute("alt")).isNotBlank();
            }
        }
        assertThat(browser.findElements(By.cssSelector("#documents details.file-view img"))).hasSize(3);
        assertThat(browser.findElement(By.id("documents")).getText()).contains("Trang 1/2", "Trang 2/2");
        // Audit the page again with the files open.
        ((JavascriptExecutor) browser).executeScript("window.__motcuaAudited = false");
        session.accessibility().audit();
        screenshot("reception-dossier");
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("dossier-code")).getText()).matches("UBND-26740-\\d{6}-\\d{4}");
    }

    @Test
    void anAdministratorCannotExecuteAPlanWithoutTheConfirmationPage() throws Exception {
        int base = ThreadLocalRandom.current().nextInt(100_000, 900_000);
        String p = "T" + base;
        String a = "T" + (base + 1);
        String b = "T" + (base + 2);
        String d = "T" + (base + 3);
        LocalDate opened = LocalDate.of(2026, 1, 1);
        changes.apply(UnitChanges.builder().open(p, "Thử " + base, "Thành phố Thử " + base, UnitType.MUNICIPALITY, null)
                .open(a, "Thử " + a, "Phường Thử " + a, UnitType.WARD, p)
                .open(b, "Thử " + b, "Phường Thử " + b, UnitType.WARD, p).build(), opened, "Thử nghiệm");
        agencies.deriveAgencies(List.of(p, a, b), opened);
        List<DossierBulk.NewDossier> ds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant received = Instant.parse("2026-03-02T02:00:00Z").plusSeconds(i);
            String unit = i % 2 == 0 ? a : b;
            ds.add(new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.001193", "Đăng ký khai sinh", DossierState.ACCEPTED,
                    "Người thử " + i, "0912345678", null, unit, i + " Đường Một", "UBND-" + unit, "Ủy ban nhân dân " + unit,
                    received, received.plusSeconds(864_000)));
        }
        bulk.insert(ds);
        var created = new Http(port).postJson("quantri", "demo", "/api/v1/reorg/plans", Map.of(
                "name", "Sáp nhập thử " + base, "effective", "2027-01-01", "legalBasis", "Nghị quyết thử nghiệm",
                "open", List.of(Map.of("code", d, "name", "Mới", "fullName", "Phường Mới " + d, "type", "WARD", "parent", p)),
                "operations", List.of(Map.of("op", "MERGE", "from", List.of(a, b), "into", d))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String plan = "/admin/reorg/plans/" + created.json().get("id").asString();

        session.login("quantri");
        browser.get(session.url(plan));
        browser.findElement(By.xpath("//form[contains(@action,'/dry-run')]//button")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.id("execute-link")));
        // No form on the plan page executes anything.
        assertThat(browser.findElements(By.cssSelector("form[action$='/execute']"))).isEmpty();
        link.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-warning")));
        assertThat(browser.findElement(By.id("confirm-in-flight")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("open-decisions")).getText()).contains("hàng chờ phân loại");
        screenshot("reorg-confirm");
        // The box must be ticked: the browser refuses the form without it, and nothing runs.
        browser.findElement(By.id("confirm-execute")).click();
        assertThat(browser.getCurrentUrl()).endsWith(plan + "/execute");
        assertThat(new Http(port).getAs("quantri", "demo", "/api/v1/reorg/plans/" + created.json().get("id").asString())
                .json().get("state").asString()).isEqualTo("DRY_RUN_DONE");
    }
}
