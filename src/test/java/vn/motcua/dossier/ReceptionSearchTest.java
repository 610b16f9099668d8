package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/** The reception inbox finds a dossier by receipt number, code, applicant name or phone, and pages sensibly (issue 17). */
@IntegrationTest
class ReceptionSearchTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    @Test
    void receptionFindsADossierByWhatTheApplicantSays() {
        Http api = new Http(port);
        String phone = IntakeApiTest.phone();
        Map<String, Object> body = new LinkedHashMap<>(DossierFixtures.birthSubmission(phone, "h." + phone + "@example.vn", DossierFixtures.SAI_GON));
        String name = "Đặng Thị Ngọc Hân " + phone.substring(6);
        body.put("applicant", Map.of("kind", "PERSON", "name", name, "phone", phone));
        var r = api.postJson("congdan", "demo", "/api/v1/dossiers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String receipt = r.json().get("receiptNumber").asString();
        String id = r.json().get("id").asString();

        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        for (String q : new String[]{receipt.toLowerCase(Locale.ROOT), "dang thi ngoc han " + phone.substring(6),
                name, phone.substring(phone.length() - 6)}) {
            String page = officer.get("/workbench/reception?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).body();
            assertThat(page).as(q).contains("/workbench/dossiers/" + id).contains(receipt);
        }
        assertThat(officer.get("/workbench/reception?q=khong-co-ho-so-nay").body()).contains("id=\"inbox-empty\"")
                .contains("khong-co-ho-so-nay");

        var accepted = api.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of());
        String code = accepted.json().get("code").asString();
        String byCode = officer.get("/workbench/reception?state=ACCEPTED&q=" + code.substring(code.length() - 11).toLowerCase(Locale.ROOT)).body();
        assertThat(byCode).contains("/workbench/dossiers/" + id).contains(code);

        // The processing queue of the handling officer finds it the same ways.
        Http handler = new Http(port);
        handler.login("chuyenvien", "demo");
        for (String q : new String[]{receipt.toLowerCase(Locale.ROOT), code.toLowerCase(Locale.ROOT), "ngoc han " + phone.substring(6)}) {
            String queue = handler.get("/workbench/processing?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).body();
            assertThat(queue).as(q).contains("/workbench/processing/" + id);
        }
        assertThat(handler.get("/workbench/processing?q=khong-co-ho-so-nay").body()).contains("id=\"queue-empty\"");
    }

    @Test
    void aPagePastTheLastShowsTheLast() {
        Http officer = new Http(port);
        officer.login("tiepnhan", "demo");
        String page = officer.get("/workbench/reception?state=ACCEPTED&page=999").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Trang (\\d+)/(\\d+)").matcher(page);
        if (m.find()) {
            assertThat(m.group(1)).isEqualTo(m.group(2));
        }
        assertThat(page).doesNotContain("Trang 1000/");
    }
}
