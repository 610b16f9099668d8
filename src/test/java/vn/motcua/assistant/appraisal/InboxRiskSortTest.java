package vn.motcua.assistant.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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

    static final String AGENCY = "UBND-26740";

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    String tag;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        tag = "rui" + ThreadLocalRandom.current().nextInt(100_000, 900_000);
    }

    @AfterEach
    void tearDown() {
        String like = "%" + tag + "%";
        // not the history: it is hash-chained and sealed, a deleted row breaks today's chain for every test verifying it
        for (String t : List.of("dossier_step")) {
            jdbc.sql("delete from " + t + " where dossier_id in (select id from dossier where applicant_name like ?)").param(like).update();
        }
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
    }

    UUID dossier(String name, DossierState state, Instant now) {
        UUID id = UUID.randomUUID();
        bulk.insert(List.of(new DossierBulk.NewDossier(id, null, "1.001193", "Đăng ký khai sinh", state,
                "Rủi ro " + tag + " " + name, "0912345678", null, "26740", "1 Lê Lợi", AGENCY, "UBND phường", now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(5)))));
        return id;
    }

    void step(UUID dossier, int seq, String code, Instant opened, Instant due, Instant finished) {
        jdbc.sql("""
                        insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at,
                            finished_at, outcome) values (?, ?, ?, ?, ?, 'HANDLING', ?, ?, ?, ?, ?)""")
                .params(dossier, seq, seq + 1, code, "Thẩm định " + code, AGENCY, Timestamp.from(opened),
                        due == null ? null : Timestamp.from(due), finished == null ? null : Timestamp.from(finished),
                        finished == null ? null : "DONE")
                .update();
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
