package vn.motcua.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The assistant's prefill from the citizen's last dossier rests on the consent to reuse their data, as the data store's
 * prefill does: never decided → nothing from the last dossier (the API says consent is needed, the page says why);
 * given → the values, and the page says which dossier they come from; withdrawn → nothing again.
 */
@IntegrationTest
class PrefillConsentTest {

    private static final String PASSPORT = "1.001456";

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    Http http;
    String user;
    String[] client;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        user = "congdan.diensan" + ThreadLocalRandom.current().nextInt(1_000_000);
        accounts.save(user, "demo", "Nguyễn Thị Thủy Tiên", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        client = FormHelpApiTest.fresh();
    }

    Http.Response consent(String method) {
        return http.send(http.request("/api/v1/me/consents/DATA_STORE_REUSE").header("Authorization", Http.basic(user, "demo"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void theLastDossierPrefillsOnlyWithConsentAndThePageSaysWhereValuesComeFrom() {
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var submitted = http.postJson(user, "demo", "/api/v1/dossiers", FormHelpApiTest.birthSubmission(phone));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        Http page = new Http(port);
        page.login(user, "demo");

        // Never decided: no consent by silence.
        var none = http.getAs(user, "demo", "/api/v1/assistant/prefill?procedure=" + PASSPORT, client);
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().get("values").size()).isZero();
        assertThat(none.json().get("fromDossier").isNull()).isTrue();
        assertThat(none.json().get("consentNeeded").asBoolean()).isTrue();
        String form = page.get("/my/dossiers/new?procedure=" + PASSPORT).body();
        assertThat(form).doesNotContain(phone).doesNotContain("079190012345").contains("id=\"prefill-origin\"")
                .contains("chưa đồng ý (hoặc đã rút lại đồng ý) cho dùng lại dữ liệu cá nhân")
                .doesNotContain("Từ hồ sơ gần nhất bạn đã nộp");

        // Given: the last dossier's values, and the page names the dossier.
        assertThat(consent("PUT").status()).isEqualTo(200);
        var given = http.getAs(user, "demo", "/api/v1/assistant/prefill?procedure=" + PASSPORT, client).json();
        assertThat(given.get("consentNeeded").asBoolean()).isFalse();
        assertThat(given.get("values").get("applicant.phone").asString()).isEqualTo(phone);
        String receipt = given.get("fromDossier").asString();
        assertThat(receipt).isNotBlank();
        form = page.get("/my/dossiers/new?procedure=" + PASSPORT).body();
        assertThat(form).contains("value=\"" + phone + "\"").contains("value=\"079190012345\"")
                .contains("Từ hồ sơ gần nhất bạn đã nộp (số " + receipt)
                .doesNotContain("chưa đồng ý (hoặc đã rút lại đồng ý)");

        // Withdrawn: honoured at once.
        assertThat(consent("DELETE").status()).isEqualTo(200);
        var withdrawn = http.getAs(user, "demo", "/api/v1/assistant/prefill?procedure=" + PASSPORT, client).json();
        assertThat(withdrawn.get("values").size()).isZero();
        assertThat(withdrawn.get("consentNeeded").asBoolean()).isTrue();
        assertThat(page.get("/my/dossiers/new?procedure=" + PASSPORT).body()).doesNotContain(phone)
                .contains("chưa đồng ý (hoặc đã rút lại đồng ý)");
    }
}
