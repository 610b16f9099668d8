package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.BrowserSession;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * In Chromium (axe-core on every page): a citizen attaches a file with the question form; the officer sees it on the
 * question's page and marks it publishable; once published, the public answer page links to it.
 */
@IntegrationTest
class QuestionFilesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    BrowserSession session;
    WebDriver browser;

    @BeforeEach
    void open() {
        referenceData.ensureAll();
        session = new BrowserSession(port);
        browser = session.driver();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aFileSentWithTheFormIsMarkedPublishableAndShownWithThePublishedAnswer() throws Exception {
        Path pdf = Files.createTempFile("giay-chung-sinh", ".pdf");
        Files.write(pdf, DossierFixtures.PDF);
        String subject = "Hỏi kèm giấy chứng sinh " + System.nanoTime();
        session.login("congdan");
        browser.get(session.url("/questions/new?unit=26740"));
        browser.findElement(By.id("subject")).sendKeys(subject);
        browser.findElement(By.id("text")).sendKeys("Giấy chứng sinh của con tôi như tệp đính kèm có hợp lệ không?");
        browser.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
        session.accessibility().audit();
        browser.findElement(By.id("send-question")).click();
        session.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "PAKN-"));
        session.accessibility().audit();
        String id = jdbc.sql("select id::text from question where subject = ?").param(subject).query(String.class).single();
        String code = jdbc.sql("select code from question where id = ?::uuid").param(id).query(String.class).single();
        String fileName = pdf.getFileName().toString();
        assertThat(jdbc.sql("select file_name from question_attachment where question_id = ?::uuid").param(id)
                .query(String.class).list()).containsExactly(fileName);

        session.login("tiepnhan");
        browser.get(session.url("/workbench/questions/" + id));
        var table = browser.findElement(By.id("question-files"));
        assertThat(table.getText()).contains(fileName, "Không");
        session.accessibility().audit();
        table.findElement(By.cssSelector("button[type=submit]")).click();
        session.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-files"), "Có"));
        session.accessibility().audit();

        Http http = new Http(port);
        String path = "/api/v1/questions/" + id;
        assertThat(http.postJson("tiepnhan", "demo", path + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(http.postJson("tiepnhan", "demo", path + "/answer",
                Map.of("answer", "Giấy chứng sinh hợp lệ; nộp kèm tờ khai.")).status()).isEqualTo(200);
        assertThat(http.postJson("tiepnhan", "demo", path + "/publish", Map.of()).status()).isEqualTo(200);

        session.logout();
        browser.get(session.url("/questions/" + code));
        assertThat(browser.findElement(By.id("public-files")).getText()).contains(fileName);
        session.accessibility().audit();
    }
}
