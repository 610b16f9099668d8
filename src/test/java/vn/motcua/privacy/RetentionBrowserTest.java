package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.privacy.internal.Retention;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * The administrators' retention page in real Chromium, axe-core on every page: a dry run shows counts per procedure
 * and a sample of dossier codes (no personal data), its execution anonymises, the log lists both runs, a dry run is
 * executed once; auditors get 403.
 */
@IntegrationTest
class RetentionBrowserTest extends BrowserTest {

    /** A procedure code of this test's own, with a rule of its own, so other tests' dossiers are told apart. */
    private static final String PROCEDURE = "9.999931";

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Retention retention;

    @Test
    void anAdministratorDoesADryRunChecksItAndExecutesIt() {
        Http http = new Http(port);
        String citizen = "congdan.lt" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        accounts.save(citizen, "demo", "Hà Thị Lưu Trang", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var r = http.postJson(citizen, "demo", "/api/v1/dossiers",
                    DossierFixtures.birthSubmission(phone, "lt." + phone + "@example.vn", DossierFixtures.SAI_GON));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            UUID id = UUID.fromString(r.json().get("id").asString());
            var refused = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/refusal",
                    Map.of("items", List.of(Map.of("document", "Giấy chứng sinh", "reason", "Không hợp lệ"))));
            assertThat(refused.status()).as(refused.body()).isEqualTo(200);
            ids.add(id);
        }
        // Closed in 2001 under a 10-year rule: past its period.
        jdbc.sql("update dossier set procedure_code = ?, closed_at = ? where id in (?, ?)").params(PROCEDURE,
                Timestamp.from(Instant.parse("2001-03-01T03:00:00Z")), ids.get(0), ids.get(1)).update();
        retention.setRule(PROCEDURE, 10, "Quy định thử 10 năm", "Thủ tục thử của kiểm thử giao diện");
        List<String> names = ids.stream().map(id -> jdbc.sql("select coalesce(code, id::text) from dossier where id = ?")
                .param(id).query(String.class).single()).toList();

        login("quantri");
        browser.get(url("/workbench"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-retention"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dry-run"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("per-procedure")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("sẽ được ẩn danh");
        // The questions past their period are counted too (a number, whatever other tests left).
        assertThat(browser.findElement(By.id("run-questions")).getText()).matches("[0-9]+");
        String row = browser.findElement(By.id("procedure-" + PROCEDURE)).getText();
        assertThat(row).startsWith(PROCEDURE + " 2 ").contains(names.get(0)).contains(names.get(1));
        String applicant = applicant(ids.get(0));
        assertThat(applicant).isNotBlank().isNotEqualTo("Đã ẩn danh");
        String page = browser.findElement(By.id("main")).getText();
        assertThat(page).doesNotContain(applicant).doesNotContain(phone).doesNotContain("Hà Thị Lưu Trang");
        // Nothing changed yet.
        assertThat(applicant(ids.get(0))).isEqualTo(applicant);
        String dryUrl = browser.getCurrentUrl();
        session.screenshot("privacy-retention");

        // the form posts and a new page loads: wait for the old one to go, or Chrome may read a node of the old document
        WebElement dryNotice = browser.findElement(By.id("notice"));
        browser.findElement(By.id("execute")).click();
        wait.until(ExpectedConditions.stalenessOf(dryNotice));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Đã ẩn danh"));
        assertThat(browser.findElement(By.id("run-heading")).getText()).contains("thực hiện");
        assertThat(browser.findElement(By.id("procedure-" + PROCEDURE)).getText())
                .startsWith(PROCEDURE + " 2 ");
        assertThat(applicant(ids.get(0))).isEqualTo("Đã ẩn danh");
        assertThat(applicant(ids.get(1))).isEqualTo("Đã ẩn danh");
        // The log lists the dry run and its execution, newest first.
        List<String> modes = browser.findElements(By.cssSelector("#runs tbody tr td:nth-child(2)")).stream()
                .map(e -> e.getText()).limit(2).toList();
        assertThat(modes).containsExactly("Thực hiện", "Chạy thử");

        // The same dry run again: executed already, no button.
        browser.get(dryUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("already-executed")));
        assertThat(browser.findElements(By.id("execute"))).isEmpty();
        // A new dry run no longer lists them.
        browser.findElement(By.id("dry-run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.findElements(By.id("procedure-" + PROCEDURE))).isEmpty();

        // Executing a dry run twice through the form: the page names it (409), nothing more is recorded.
        Http admin = new Http(port);
        admin.login("quantri", "demo");
        String dryId = dryUrl.substring(dryUrl.indexOf("run=") + 4);
        int runs = jdbc.sql("select count(*) from privacy_retention_run").query(Integer.class).single();
        var again = admin.postForm("/admin/privacy/retention/runs/" + dryId + "/execute", "/admin/privacy/retention");
        assertThat(again.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from privacy_retention_run").query(Integer.class).single()).isEqualTo(runs);

        Http auditor = new Http(port);
        auditor.login("kiemtra", "demo");
        assertThat(auditor.get("/admin/privacy/retention").status()).isEqualTo(403);
        var refused = auditor.postForm("/admin/privacy/retention/dry-run", "/workbench/privacy/requests");
        assertThat(refused.status()).isEqualTo(403);
    }

    private String applicant(UUID id) {
        return jdbc.sql("select applicant_name from dossier where id = ?").param(id).query(String.class).single();
    }
}
