package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import vn.motcua.support.ApiTest;
import vn.motcua.support.IntegrationTest;

/** The short receipt number given at submission (issue 17): in the answer, stored, printed, mailed, tracked in any case. */
@IntegrationTest
class ReceiptNumberApiTest extends ApiTest {


    @Test
    void aSubmissionAnswersWithAShortReceiptNumberThatTracksInAnyCase() {
        String phone = IntakeApiTest.phone();
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "rn." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String receipt = r.json().get("receiptNumber").asString();
        String id = r.json().get("id").asString();
        assertThat(receipt).hasSizeLessThanOrEqualTo(12).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(jdbc.sql("select receipt_number from dossier where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo(receipt);

        String last4 = phone.substring(phone.length() - 4);
        for (String typed : new String[]{receipt, receipt.toLowerCase(Locale.ROOT),
                receipt.substring(0, 5).toLowerCase(Locale.ROOT) + " " + receipt.substring(5)}) {
            var t = http.get("/api/v1/dossiers/track?code=" + typed.replace(" ", "%20") + "&check=" + last4);
            assertThat(t.status()).as(typed + ": " + t.body()).isEqualTo(200);
            assertThat(t.json().get("receiptNumber").asString()).isEqualTo(receipt);
            assertThat(t.json().get("state").asString()).isEqualTo("SUBMITTED");
            assertThat(t.body()).doesNotContain(phone, "079190012345");
        }
        assertThat(http.get("/api/v1/dossiers/track?code=" + receipt.toLowerCase(Locale.ROOT) + "&check=0000").status())
                .isEqualTo(404);
        // The web page too, and the e-mail names the number.
        var page = http.get("/track?code=" + receipt.toLowerCase(Locale.ROOT) + "&check=" + last4);
        assertThat(page.body()).contains("id=\"track-result\"").contains(receipt);
        assertThat(jdbc.sql("select body from notification where dossier_id = ?").param(UUID.fromString(id))
                .query(String.class).list()).anySatisfy(body -> assertThat(body).contains(receipt));
        // The citizen's own page shows it.
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + id).json().get("receiptNumber").asString())
                .isEqualTo(receipt);
    }

    @Test
    void theDossierCodeTracksInLowerCaseToo() {
        String phone = IntakeApiTest.phone();
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "rc." + phone + "@example.vn", DossierFixtures.SAI_GON));
        String id = r.json().get("id").asString();
        var a = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String code = a.json().get("code").asString();
        assertThat(a.json().get("receiptNumber").asString()).isEqualTo(r.json().get("receiptNumber").asString());
        var t = http.get("/api/v1/dossiers/track?code=" + code.toLowerCase(Locale.ROOT) + "&check="
                + phone.substring(phone.length() - 4));
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(t.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void dossiersInsertedWithoutANumberGetOneFromTheDatabase() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dossier(id, procedure_code, procedure_name, channel, state, applicant_kind, applicant_name,
                            submitted_by, received_at) values (?, '1.001193', 'Đăng ký khai sinh', 'COUNTER', 'SUBMITTED',
                            'PERSON', 'Lê Thị Hạnh', 'bulk', now())
                        """).param(id).update();
        String n = jdbc.sql("select receipt_number from dossier where id = ?").param(id).query(String.class).single();
        assertThat(vn.motcua.dossier.internal.ReceiptNumbers.parse(n)).contains(n);
    }
}
