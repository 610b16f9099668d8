package vn.motcua.assistant.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.TaggedDossiers;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The processing inbox sorted by deadline risk, on known data: three open steps of one procedure with step codes of
 * their own (so the history is only what this test writes). C is due first but has no history; A is due in 10 h and
 * typically takes 1 h; B is due in 20 h and typically takes 40 h. By due time (the default): C, A, B; by risk: B
 * (high), A (low), C (unknown, last).
 */
@IntegrationTest
class InboxRiskSortTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    TaggedDossiers dossiers;
    String tag;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        dossiers = new TaggedDossiers(jdbc, bulk, "rui");
        tag = dossiers.tag;
    }

    @AfterEach
    void tearDown() {
        dossiers.removeAll();
    }

    UUID dossier(String name, DossierState state, Instant now) {
        UUID id = UUID.randomUUID();
        dossiers.insert(List.of(TaggedDossiers.birth(id, null, state, "Rủi ro " + tag + " " + name,
                now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(5)))));
        return id;
    }

    void step(UUID dossier, int seq, String code, Instant opened, Instant due, Instant finished) {
        dossiers.step(dossier, seq, code, "Thẩm định " + code, "HANDLING", opened, due, finished);
    }

    static List<String> rowOrder(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("id=\"row-([0-9a-f-]{36})\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void sorting_by_deadline_risk_puts_the_step_least_likely_to_finish_in_time_first() {
        Instant now = Instant.now();
        UUID history = dossier("lịch sử", DossierState.RETURNED, now);
        step(history, 1, "A" + tag, now.minus(Duration.ofDays(2)), null, now.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        step(history, 2, "B" + tag, now.minus(Duration.ofDays(2)), null, now.minus(Duration.ofDays(2)).plus(Duration.ofHours(40)));
        UUID a = dossier("An", DossierState.ACCEPTED, now);
        UUID b = dossier("Bình", DossierState.ACCEPTED, now);
        UUID c = dossier("Cúc", DossierState.ACCEPTED, now);
        step(a, 1, "A" + tag, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(10)), null);
        step(b, 1, "B" + tag, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(20)), null);
        step(c, 1, "C" + tag, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), null);

        Http h = new Http(port);
        assertThat(h.login("lanhdao", "demo").status()).isEqualTo(302);
        Http.Response byDue = h.get("/workbench/processing?q=" + tag);
        assertThat(byDue.status()).isEqualTo(200);
        assertThat(rowOrder(byDue.body())).containsExactly(c.toString(), a.toString(), b.toString());
        assertThat(byDue.body()).contains("<label for=\"sort\">Sắp xếp hồ sơ</label>")
                .contains("Đang sắp xếp theo hạn bước").doesNotContain("Nguy cơ trễ hạn</th>");

        Http.Response byRisk = h.get("/workbench/processing?q=" + tag + "&sort=RISK");
        assertThat(byRisk.status()).isEqualTo(200);
        assertThat(rowOrder(byRisk.body())).containsExactly(b.toString(), a.toString(), c.toString());
        String body = byRisk.body();
        assertThat(body).contains("role=\"status\" id=\"sort-status\"").contains("Đang sắp xếp theo nguy cơ trễ hạn")
                .contains("<option value=\"RISK\" selected=\"selected\">");
        assertThat(body.substring(body.indexOf("row-" + b))).containsPattern("class=\"risk\">Cao<");
        assertThat(body.substring(body.indexOf("row-" + a))).containsPattern("class=\"risk\">Thấp<");
        assertThat(body.substring(body.indexOf("row-" + c))).containsPattern("class=\"risk\">Chưa đủ dữ liệu<");
        // The filters keep the order chosen.
        assertThat(body).contains("sort=RISK");
    }
}
