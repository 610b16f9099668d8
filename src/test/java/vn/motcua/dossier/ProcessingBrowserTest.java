package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.internal.LateWatch;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Journey;
import vn.motcua.support.TestClock;

/**
 * From submission to the rated result in a real browser, across four officers: reception accepts (tiepnhan),
 * handling claims from the HO_TICH queue, asks for one supplement and hands on (chuyenvien), the citizen
 * supplies online, the leader's step is late so the leader issues Form 04 and approves (lanhdao), and the
 * result-return officer (trakq, a second reception post of the one-stop desk) takes the return step from the
 * reception queue and returns the result.
 */
@IntegrationTest
class ProcessingBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LateWatch lateWatch;
    @Autowired
    vn.motcua.dossier.internal.ProcessingStore processingSteps;
    @Autowired
    TestClock clock;

    /** After the whole journey (its steps share one test): the clock back to the system's. */
    @AfterEach
    void clockBack() {
        clock.reset();
    }

    void loginAs(String user) {
        session.login(user);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    String state() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-state"))).getText();
    }

    /** Shared by the steps of the journey. */
    private Http http;
    private String id;

    @TestFactory
    Stream<DynamicTest> fromSubmissionToRatedResultAcrossFourOfficersWithASupplementAndALateStep() {
        return Journey.steps()
                .step("the citizen submits online", () -> {
                    http = new Http(port);
                    String phone = IntakeApiTest.phone();
                    var submitted = http.postJson("congdan", "demo", "/api/v1/dossiers",
                            DossierFixtures.birthSubmission(phone, "b." + phone + "@example.vn", DossierFixtures.SAI_GON));
                    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
                    id = submitted.json().get("id").asString();
                })
                .step("reception accepts and opens the processing page", () -> {
                    loginAs("tiepnhan");
                    browser.get(url("/workbench/dossiers/" + id));
                    click("accept");
                    click("processing-link");
                    assertThat(state()).isEqualTo("Đã tiếp nhận, đang giải quyết");
                    assertThat(browser.findElement(By.id("open-step")).getText()).contains("Hàng chờ");
                })
                .step("the handling officer claims it from the field's queue and asks for a supplement", () -> {
                    loginAs("chuyenvien");
                    browser.get(url("/workbench/processing"));
                    var before = browser.findElement(By.id("queue"));
                    click("filter-QUEUE");                                   // htmx swaps the table in place
                    wait.until(ExpectedConditions.stalenessOf(before));
                    wait.until(ExpectedConditions.urlContains("filter=QUEUE"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-" + id)));
                    browser.findElement(By.cssSelector("#row-" + id + " a")).click();
                    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-field"))).getText())
                            .isEqualTo("Hộ tịch");
                    assertThat(browser.findElement(By.id("open-step")).getText()).contains("Hàng chờ lĩnh vực Hộ tịch");
                    click("claim");
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("open-step"), "Lê Văn Cường"));
                    browser.findElement(By.id("supplement-items")).sendKeys("Giấy xác nhận thông tin cư trú | Bản chụp bị mờ");
                    click("request-supplement");
                    wait.until(ExpectedConditions.textToBe(By.id("dossier-state"), "Tạm dừng, chờ bổ sung hồ sơ"));
                })
                .step("the applicant supplies the document online; the clock resumes", () -> {
                    loginAs("congdan");
                    browser.get(url("/my/dossiers/" + id));
                    Path file = Files.createTempFile("cu-tru", ".pdf");
                    Files.write(file, DossierFixtures.PDF);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("processing-files"))).sendKeys(file.toString());
                    click("processing-supply");
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
                    assertThat(state()).isEqualTo("Đã tiếp nhận, đang giải quyết");
                })
                .step("the handling officer hands it to the leader", () -> {
                    loginAs("chuyenvien");
                    browser.get(url("/workbench/processing/" + id));
                    browser.findElement(By.id("forward-note")).sendKeys("Đủ điều kiện đăng ký");
                    click("forward");
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("open-step"), "Lãnh đạo"));
                })
                .step("the leader's step is late: Form 04 with a new date, then the decision", () -> {
                    // The clock moves just past the step's due time (the appointment is still ahead); the watch flags it.
                    Instant stepDue = processingSteps.openStep(UUID.fromString(id)).orElseThrow().dueAt();
                    clock.moveTo(stepDue.plusSeconds(60));
                    assertThat(lateWatch.watch(clock.instant()).ran()).isTrue();
                    loginAs("lanhdao");
                    browser.get(url("/workbench/processing?filter=WARNED"));
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("row-" + id), "Quá hạn"));
                    browser.get(url("/workbench/processing/" + id));
                    assertThat(browser.findElement(By.id("step-warning")).getText()).isEqualTo("Quá hạn");
                    String dueBefore = browser.findElement(By.id("dossier-due")).getText();
                    var days = browser.findElement(By.id("extend-days"));
                    days.clear();
                    days.sendKeys("2");
                    browser.findElement(By.id("extend-reason")).sendKeys("Chờ xác minh thông tin của người cha");
                    click("extend");
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-04")));
                    assertThat(browser.findElement(By.id("dossier-due")).getText()).isNotEqualTo(dueBefore);
                    browser.findElement(By.id("decide-summary")).sendKeys("Cấp Giấy khai sinh bản chính cho cháu Trần Minh Khôi");
                    click("decide");
                    wait.until(ExpectedConditions.textToBe(By.id("dossier-state"), "Đã có kết quả, chờ trả"));
                })
                .step("the result-return officer takes it from the reception queue and returns it", () -> {
                    loginAs("trakq");
                    browser.get(url("/workbench/processing?filter=QUEUE"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-" + id)));
                    assertThat(browser.findElement(By.id("row-" + id)).getText()).contains("Trả kết quả");
                    browser.findElement(By.cssSelector("#row-" + id + " a")).click();
                    new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delivery")))).selectByValue("ONLINE");
                    click("return-result");
                    wait.until(ExpectedConditions.textToBe(By.id("dossier-state"), "Đã trả kết quả"));
                    assertThat(browser.findElement(By.id("steps")).getText()).contains("Quá hạn").contains("Phạm Thị Dung")
                            .contains("Đặng Thị Hoa");
                    session.screenshot("processing-dossier");
                    // On a phone the steps table scrolls sideways: a named region the keyboard can reach (issue 17).
                    var region = browser.findElement(By.id("steps-region"));
                    assertThat(region.getAttribute("tabindex")).isEqualTo("0");
                    assertThat(region.getAttribute("role")).isEqualTo("region");
                    assertThat(region.getAttribute("aria-label")).isEqualTo("Bảng các bước xử lý");
                })
                .step("the applicant rates the service", () -> {
                    loginAs("congdan");
                    browser.get(url("/my/dossiers/" + id));
                    // The processing panel (with the rating form) is loaded by htmx after the page: wait for it.
                    var star = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-5")));
                    session.screenshot("my-dossier-rating");
                    // Radio buttons are tap targets of at least 24 px (they were 13 px), the whole label 44 px high.
                    assertThat(star.getSize().getWidth()).isGreaterThanOrEqualTo(24);
                    assertThat(star.getSize().getHeight()).isGreaterThanOrEqualTo(24);
                    assertThat(star.findElement(By.xpath("..")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
                    click("rating-5");
                    browser.findElement(By.id("rating-comment")).sendKeys("Cán bộ hướng dẫn tận tình");
                    click("rate");
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
                    assertThat(browser.findElement(By.id("rated")).getText()).contains("5/5");
                    browser.get(url("/my"));
                    session.screenshot("my-dossiers");
                })
                .step("Forms 04 and 06, the apology email, the history and the result say what happened", () -> {
                    byte[] form04 = http.sendBytes(http.request("/api/v1/dossiers/" + id + "/forms/04.pdf").GET()
                            .header("Authorization", Http.basic("lanhdao", "demo")).build());
                    assertThat(text(form04)).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ").contains("Chờ xác minh");
                    byte[] form06 = http.sendBytes(http.request("/api/v1/dossiers/" + id + "/forms/06.pdf").GET()
                            .header("Authorization", Http.basic("tiepnhan", "demo")).build());
                    assertThat(text(form06)).contains("Quá hạn").contains("Trần Thị Bình").contains("Lê Văn Cường")
                            .contains("Đặng Thị Hoa").contains("Nguyễn Thị Thủy Tiên").doesNotContain("congdan");
                    assertThat(jdbc.sql("select subject from notification where dossier_id = ?").param(UUID.fromString(id))
                            .query(String.class).list()).anyMatch(s -> s.contains("xin lỗi"));
                    // Who acted, by account (the API shows names only).
                    assertThat(jdbc.sql("select distinct actor from dossier_event where dossier_id = ? and actor <> 'congdan'")
                            .param(UUID.fromString(id)).query(String.class).list())
                            .containsExactlyInAnyOrder("tiepnhan", "chuyenvien", "lanhdao", "trakq");
                    // The result, as the processing API shows it to the agency's officers.
                    var result = http.getAs("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/processing").json().get("result");
                    assertThat(result.get("returnedBy").asString()).isEqualTo("trakq");
                    assertThat(result.get("rating").asInt()).isEqualTo(5);
                })
                .stream();
    }

    static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
