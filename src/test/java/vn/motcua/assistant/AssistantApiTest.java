package vn.motcua.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/** The public API's contract and 400s, no-match, clarify, the page fragment, and an accuracy floor on the dev set. */
@IntegrationTest
class AssistantApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImporter importer;
    @Autowired
    Assistant assistant;
    @Autowired
    AssistantIndex index;
    @Autowired
    vn.motcua.catalogue.Catalogue catalogue;
    Http http;

    @BeforeEach
    void setUp() {
        importer.importAll();
        // the import's change queued a background build: wait for it rather than building a second time
        index.catchUp();
        if (index.size() < 2000) {
            index.rebuildNow();
        }
        http = new Http(port);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void answersAColloquialQuestionWithTheMatchedWords() {
        var r = http.get("/api/v1/assistant/procedures?q=" + enc("Bố tôi mất, cần làm giấy báo tử ở đâu?") + "&limit=5");
        assertThat(r.status()).isEqualTo(200);
        var j = r.json();
        assertThat(j.get("noMatch").asBoolean()).isFalse();
        var first = j.get("answers").get(0);
        assertThat(first.get("code").asString()).isEqualTo("1.000656");
        assertThat(first.get("name").asString()).isEqualTo("Thủ tục đăng ký khai tử");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("why").toString()).contains("khai tử");
        assertThat(j.get("answers").size()).isLessThanOrEqualTo(5);
        assertThat(j.has("clarify")).isTrue();
        // without diacritics, the same
        var plain = http.get("/api/v1/assistant/procedures?q=" + enc("bo toi mat lam giay bao tu o dau")).json();
        assertThat(plain.get("answers").get(0).get("code").asString()).isEqualTo("1.000656");
    }

    @Test
    void saysNoMatchWhenNothingFits() {
        for (String q : List.of("thời tiết ngày mai thế nào", "nộp phạt đỗ xe sai chỗ ở đâu", "giá vàng hôm nay")) {
            var j = http.get("/api/v1/assistant/procedures?q=" + enc(q)).json();
            assertThat(j.get("noMatch").asBoolean()).as(q).isTrue();
            assertThat(j.get("answers").size()).as(q).isZero();
        }
    }

    @Test
    void asksToClarifyWhenCloseAnswersDiffer() {
        Answers a = assistant.ask("làm thẻ căn cước", null, 5, Locale.forLanguageTag("vi"));
        assertThat(a.noMatch()).isFalse();
        assertThat(a.clarify()).isNotNull();
        assertThat(a.clarify().question()).endsWith("?");
        assertThat(a.clarify().options()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(o -> assertThat(o.codes()).isNotEmpty());
        // a question that already says which one needs no clarification on that point
        Answers settled = assistant.ask("đăng ký kết hôn với người nước ngoài", null, 5, Locale.forLanguageTag("vi"));
        assertThat(settled.answers().get(0).code()).isEqualTo("2.000806");
        if (settled.clarify() != null) {
            assertThat(settled.clarify().question()).doesNotContain("nước ngoài");
        }
    }

    @Test
    void asksWhichSiblingWhenTheQuestionNamesNeithersOwnPart() {
        Answers a = assistant.ask("dang ky ho ngheo", null, 5, Locale.forLanguageTag("vi"));
        assertThat(a.noMatch()).isFalse();
        assertThat(a.clarify()).isNotNull();
        assertThat(a.clarify().question()).isEqualTo("Bạn cần thủ tục nào trong các thủ tục gần giống nhau này?");
        assertThat(a.clarify().options()).flatExtracting(Answers.Option::codes).contains("1.011606", "1.011607");
        // the question names one of them: no question asked about these two
        Answers named = assistant.ask("cong nhan ho ngheo thuong xuyen", null, 5, Locale.forLanguageTag("vi"));
        assertThat(named.answers().get(0).code()).isEqualTo("1.011607");
        if (named.clarify() != null) {
            assertThat(named.clarify().options()).flatExtracting(Answers.Option::codes).doesNotContain("1.011606");
        }
    }

    @Test
    void badInputIsAProblem() {
        for (String query : List.of("q=", "q=%20%20", "", "q=" + "a".repeat(301), "q=khai+sinh&limit=0",
                "q=khai+sinh&limit=21", "q=khai+sinh&unit=" + enc("x'; drop"))) {
            var r = http.get("/api/v1/assistant/procedures?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/v1/assistant/procedures?q=khai+sinh&limit=20").status()).isEqualTo(200);
    }

    @Test
    void theHomePageBoxAndItsFragment() {
        assertThat(http.get("/").body()).contains("id=\"assistant-form\"", "hx-get=\"/assistant\"");
        var fragment = http.send(http.request("/assistant?q=" + enc("lam giay khai tu cho ba"))
                .header("HX-Request", "true").GET().build());
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("vì bạn hỏi về:", "khai tử", "/procedures/1.000656").doesNotContain("<html");
        var none = http.send(http.request("/assistant?q=" + enc("thời tiết ngày mai")).GET().build());
        assertThat(none.body()).contains("<html", "id=\"assistant-no-match\"", "Gửi câu hỏi");
    }

    @Test
    void devSetAccuracyFloor() {
        var dev = AssistantEvaluation.devSet();
        var questions = AssistantEvaluation.load(dev != null ? dev : AssistantEvaluation.ownSet());
        var r = AssistantEvaluation.run("dev", questions, q -> assistant.ask(q, null, 5, Locale.forLanguageTag("vi")));
        assertThat(r.top3Rate()).as(r.toString()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.top1Rate()).as(r.toString()).isGreaterThanOrEqualTo(0.70);
        assertThat(r.noMatchRecall()).as(r.toString()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyCodeOfEveryExamplesFileIsAProcedureOfTheCatalogue() {
        // round 14: the examples' labels (our sets' and the written corpus's) against the imported catalogue, through the
        // check the index build applies (a line naming an unknown code is reported and skipped at start)
        var lines = vn.motcua.assistant.internal.ExampleLines.all();
        assertThat(lines).hasSizeGreaterThan(2000);
        var today = java.time.LocalDate.now();
        assertThat(vn.motcua.assistant.internal.ExampleLines.unknown(c -> catalogue.versionInForce(c, today).isPresent()))
                .isEmpty();
        // and the check is not vacuous: a code the catalogue lacks is reported with the line's file and number
        assertThat(vn.motcua.assistant.internal.ExampleLines.unknown(c -> !c.equals("1.000656") && catalogue.versionInForce(c, today).isPresent()))
                .isNotEmpty().allMatch(p -> p.matches("assistant/examples.*\\.tsv line \\d+: no procedure 1\\.000656 in the catalogue; skipped"));
    }
}
