package vn.motcua.assistant.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.assistant.training.TrainingService;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The officer assistant's pages in real Chromium with axe-core on every page: the appraisal panel on the reception
 * page (loaded after the page), the officer's training queue and the agency's training page. With
 * {@code -Dmotcua.screenshots=docs/screenshots} it saves them (appraisal-panel, training-queue, training-agency).
 */
@IntegrationTest
class AppraisalPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    TrainingService training;
    @Autowired
    JdbcClient jdbc;
    BrowserSession session;
    WebDriver browser;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        UUID officer = jdbc.sql("select id from territory_officer where username = 'tiepnhan'").query(UUID.class).single();
        jdbc.sql("delete from training_assignment where username = 'tiepnhan' and procedure_code = '1.001193'").update();
        training.assign(officer, "tiepnhan", "Nguyễn Văn An", "1.001193", "UBND-26740", "Ủy ban nhân dân phường");
        session = new BrowserSession(port);
        browser = session.driver();
    }

    @AfterEach
    void close() {
        jdbc.sql("delete from training_assignment where username = 'tiepnhan' and procedure_code = '1.001193'").update();
        if (session != null) {
            session.close();
        }
    }

    @Test
    void the_panel_the_training_queue_and_the_agency_page_show_and_pass_the_audit() {
        String phone = "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        var r = new Http(port).postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "p." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();

        session.login("tiepnhan");
        browser.get(session.url("/workbench/dossiers/" + id));
        session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("appraisal-suggestion")));
        assertThat(browser.findElement(By.id("appraisal")).getText()).contains("Trợ lý thẩm định");
        // The panel sits at the end of a long page, beyond the capture's height: for the picture only, it is moved
        // up under the page's heading (after the audit of the page as served).
        session.chromium().executeScript("var h = document.querySelector('main h1');"
                + " h.parentNode.insertBefore(document.getElementById('appraisal'), h.nextSibling);");
        session.screenshot("appraisal-panel");

        browser.get(session.url("/workbench/training"));
        assertThat(browser.findElement(By.id("training-queue")).getText()).contains("1.001193");
        session.screenshot("training-queue");

        session.login("lanhdao");
        browser.get(session.url("/workbench/training/agencies/UBND-26740"));
        assertThat(browser.findElement(By.id("training-agency")).getText()).contains("1.001193").contains("Chưa hoàn thành");
        session.screenshot("training-agency");
        assertThat(session.accessibility().pages()).isGreaterThanOrEqualTo(3);
    }
}
