package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.IntegrationTest;

/**
 * Issue #24 in a real browser (axe-core on every page): the processing inbox's next page and back to the first, its
 * count; the reception's refused tab with its 90-day window and "Xem cũ hơn".
 */
@IntegrationTest
class InboxListsBrowserTest extends BrowserTest {

    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    final String tag = "ilb" + ThreadLocalRandom.current().nextInt(100_000, 900_000);

    @AfterEach
    void tearDown() {
        String like = "%" + tag + "%";
        jdbc.sql("delete from dossier_step where dossier_id in (select id from dossier where applicant_name like ?)").param(like).update();
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
    }

    List<UUID> dossiers(int n, DossierState state, Instant received, int from) {
        List<DossierBulk.NewDossier> rows = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            rows.add(new DossierBulk.NewDossier(UUID.randomUUID(), "UBND-26740-" + tag.toUpperCase() + "-" + i, "1.001193",
                    "Đăng ký khai sinh", state, "Lê Thị " + tag + " " + i, "0912345678", null, "26740", "1 Lê Lợi",
                    "UBND-26740", "UBND phường", received, received.plus(Duration.ofDays(5))));
        }
        bulk.insert(rows);
        return rows.stream().map(DossierBulk.NewDossier::id).toList();
    }

    @Test
    void the_processing_inbox_pages_forward_and_back_and_the_refused_tab_widens_on_request() {
        Instant now = Instant.now();
        for (UUID id : dossiers(60, DossierState.ACCEPTED, now.minus(Duration.ofDays(2)), 0)) {
            jdbc.sql("""
                            insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at)
                            values (?, 1, 2, 'APPRAISAL', 'Thẩm định', 'HANDLING', 'UBND-26740', ?, ?)""")
                    .params(id, Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now.plus(Duration.ofDays(3))))
                    .update();
        }
        login("chuyenvien");
        browser.get(url("/workbench/processing"));
        assertThat(browser.findElement(By.id("queue-total")).getText()).matches("Có (\\d+|hơn 1\\.000) hồ sơ\\.");
        int first = browser.findElements(By.cssSelector("#processing-queue tbody tr")).size();
        assertThat(first).isEqualTo(50);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("queue-next"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-first")));
        assertThat(browser.getCurrentUrl()).contains("after=");
        assertThat(browser.findElements(By.cssSelector("#processing-queue tbody tr"))).isNotEmpty();
        // "← Trang trước" reads the index backwards from this page's first row: page one again, without a previous.
        String second = browser.findElement(By.cssSelector("#processing-queue tbody tr")).getAttribute("id");
        browser.findElement(By.id("queue-prev")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("queue-prev")));
        assertThat(browser.getCurrentUrl()).contains("before=");
        assertThat(browser.findElements(By.cssSelector("#processing-queue tbody tr"))).hasSize(50)
                .noneMatch(tr -> second.equals(tr.getAttribute("id")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("queue-next"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-first")));
        assertThat(browser.findElement(By.cssSelector("#processing-queue tbody tr")).getAttribute("id")).isEqualTo(second);
        browser.findElement(By.id("queue-first")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("queue-first")));
        assertThat(browser.findElements(By.cssSelector("#processing-queue tbody tr"))).hasSize(50);

        List<UUID> refused = dossiers(2, DossierState.REFUSED, now.minus(Duration.ofDays(200)), 100);
        jdbc.sql("update dossier set reception_due_at = ? where id = ?").params(Timestamp.from(now.minus(Duration.ofDays(5))), refused.get(0)).update();
        jdbc.sql("update dossier set reception_due_at = ? where id = ?").params(Timestamp.from(now.minus(Duration.ofDays(199))), refused.get(1)).update();
        logout();
        login("tiepnhan");
        browser.get(url("/workbench/reception?state=REFUSED&q=" + tag));
        assertThat(browser.findElement(By.id("refused-window")).getText()).contains("90 ngày qua");
        assertThat(browser.getPageSource()).contains(refused.get(0).toString()).doesNotContain(refused.get(1).toString());
        browser.findElement(By.id("refused-older")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused-all")));
        assertThat(browser.getPageSource()).contains(refused.get(0).toString(), refused.get(1).toString());
    }
}
