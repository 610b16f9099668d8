package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/** The submission page's other two uses: a citizen's draft finished later, and counter intake by an officer. */
@IntegrationTest
class DraftAndCounterTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    /** The birth form as posted page fields (applicant.fullName=…), plus extra name/value pairs. */
    static String[] fields(String phone, String... extra) {
        List<String> kv = new ArrayList<>(List.of(extra));
        flatten("", DossierFixtures.birthForm(phone), kv);
        return kv.toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> form, List<String> kv) {
        form.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                flatten(prefix + k + ".", (Map<String, Object>) m, kv);
            } else {
                kv.add(prefix + k);
                kv.add(String.valueOf(v));
            }
        });
    }

    @Test
    void aCitizenSavesADraftAndSubmitsItLater() {
        Http http = new Http(port);
        http.login("congdan", "demo");
        String page = "/my/dossiers/new?procedure=1.001193";
        var saved = http.postForm("/my/dossiers", page, "_procedure", "1.001193", "_key", "k-" + System.nanoTime(),
                "applicant.fullName", "Lê Thị Nháp", "_save_draft", "1");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/my"));
        String my = http.get("/my").body();
        assertThat(my).contains("Hồ sơ đang soạn", "Đã lưu nháp");
        Matcher m = Pattern.compile("draft=([0-9a-f-]{36})").matcher(my);
        assertThat(m.find()).isTrue();
        String draftId = m.group(1);
        assertThat(jdbc.sql("select count(*) from dossier where applicant_name = 'Lê Thị Nháp'").query(Long.class).single())
                .as("a draft is not a dossier").isZero();

        String resumed = http.get(page + "&draft=" + draftId).body();
        assertThat(resumed).contains("value=\"Lê Thị Nháp\"");

        String phone = "0903" + (100000 + (int) (System.nanoTime() % 899999));
        var submitted = http.postForm("/my/dossiers", page + "&draft=" + draftId,
                fields(phone, "_procedure", "1.001193", "_key", "k-" + System.nanoTime(), "_draft_id", draftId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
        assertThat(submitted.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/my/dossiers/"));
        assertThat(jdbc.sql("select count(*) from dossier_draft where id = ?::uuid").param(draftId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select channel from dossier where applicant_phone = ?").param(phone).query(String.class).single())
                .isEqualTo("ONLINE");
    }

    @Test
    void aReceptionOfficerEntersADossierAtTheCounter() {
        Http http = new Http(port);
        http.login("tiepnhan", "demo");
        assertThat(http.get("/workbench/counter").body()).contains("Mã thủ tục");
        String page = "/workbench/counter?procedure=1.001193";
        assertThat(http.get(page).body()).contains("Tiếp nhận trực tiếp tại Bộ phận Một cửa");
        String phone = "0904" + (100000 + (int) (System.nanoTime() % 899999));
        var r = http.postForm("/workbench/counter", page, fields(phone, "_procedure", "1.001193", "_key", "c-" + System.nanoTime()));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/workbench/dossiers/"));
        var row = jdbc.sql("select channel, reception_point, submitted_by, agency_code from dossier where applicant_phone = ?")
                .param(phone).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        assertThat(row).containsExactly("COUNTER", "UBND-26740", "tiepnhan", "UBND-26740");

        // Accepted at once; the receipt (Form 01) is also a printable HTML page.
        String location = r.raw().headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of()).status()).isEqualTo(200);
        var slip = http.get("/workbench/dossiers/" + id + "/slips/01");
        assertThat(slip.status()).isEqualTo(200);
        assertThat(slip.body()).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: UBND-26740-", "Hẹn trả kết quả",
                "slips/01.pdf");
        assertThat(http.get("/workbench/dossiers/" + id + "/slips/01.pdf").contentType()).startsWith("application/pdf");

        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        assertThat(citizen.get("/workbench/counter").status()).isEqualTo(403);
    }
}
