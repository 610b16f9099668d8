package vn.motcua.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/** Form help through the API: per-field help of the 9 e-forms, prefill from the last dossier, the checks before submit. */
@IntegrationTest
class FormHelpApiTest {

    static final byte[] PDF = DossierFixtures.PDF;

    static final List<String> FORMS = List.of("1.000656", "1.000894", "1.001193", "1.001456", "1.004194", "1.004222",
            "1.004873", "2.000815", "3.000333");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    vn.motcua.privacy.Consents consents;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        client = fresh();
        // the prefill from the last dossier rests on the citizen's consent to reuse (PrefillConsentTest)
        consents.give("congdan", vn.motcua.privacy.Consents.DATA_STORE_REUSE, "test: the citizen agreed to reuse");
    }

    static String[] fresh() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new String[] {"X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250))};
    }

    /** A client address of the test's own: the assistant's 20 requests a minute are per address. */
    String[] client;

    @Test
    void everyFieldOfTheNineFormsHasHelpAnExampleAndWhyInBothLanguages() {
        for (String code : FORMS) {
            String[] own = fresh();
            for (String lang : List.of("vi", "en")) {
                var r = http.get("/api/v1/assistant/form-help?procedure=" + code, "Accept-Language", lang, own[0], own[1]);
                assertThat(r.status()).as(code + " " + r.body()).isEqualTo(200);
                var j = r.json();
                assertThat(j.get("language").asString()).isEqualTo(lang);
                assertThat(j.get("title").asString()).isNotBlank();
                assertThat(j.get("fields").size()).isGreaterThan(5);
                for (var f : j.get("fields")) {
                    for (String part : List.of("help", "example", "why")) {
                        assertThat(f.get(part).isNull() ? "" : f.get(part).asString())
                                .as(code + " " + f.get("field").asString() + " " + part + " " + lang).isNotBlank();
                    }
                }
            }
        }
        var birth = http.get("/api/v1/assistant/form-help?procedure=1.001193", client).json();
        var childBirth = find(birth.get("fields"), "child.birthDate");
        assertThat(childBirth.get("label").asString()).isEqualTo("Ngày, tháng, năm sinh");
        assertThat(childBirth.get("why").asString()).contains("60 ngày");
        assertThat(http.get("/api/v1/assistant/form-help?procedure=1.013225", client).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/assistant/form-help?procedure=abc", client).status()).isEqualTo(400);
    }

    @Test
    void prefillComesFromTheCitizensLastDossierAndNeedsSignIn() {
        assertThat(http.get("/api/v1/assistant/prefill?procedure=1.001456", client).status()).isEqualTo(401);
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var submitted = http.postJson("congdan", "demo", "/api/v1/dossiers", birthSubmission(phone));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

        var passport = http.getAs("congdan", "demo", "/api/v1/assistant/prefill?procedure=1.001456", client);
        assertThat(passport.status()).as(passport.body()).isEqualTo(200);
        var v = passport.json().get("values");
        assertThat(v.get("applicant.fullName").asString()).isEqualTo("Nguyễn Thị Thủy Tiên");
        assertThat(v.get("applicant.personalId").asString()).isEqualTo("079190012345");
        assertThat(v.get("applicant.phone").asString()).isEqualTo(phone);
        assertThat(v.get("applicant.email").asString()).isEqualTo("tien." + phone + "@example.vn");
        assertThat(v.get("applicant.residence").asString()).isEqualTo("26740");
        assertThat(v.get("applicant.residenceDetail").asString()).isEqualTo("12 Lê Lợi");
        assertThat(v.get("applicant.birthDate").asString()).isEqualTo("1990-05-12");
        assertThat(passport.json().get("fromProcedure").asString()).isEqualTo("1.001193");
        assertThat(passport.json().get("fromDossier").asString()).isNotBlank();
        assertThat(passport.json().get("consentNeeded").asBoolean()).isFalse();
        // the marriage form has no applicant group: the contact goes to its own fields
        var marriage = http.getAs("congdan", "demo", "/api/v1/assistant/prefill?procedure=1.000894", client).json().get("values");
        assertThat(marriage.get("phone").asString()).isEqualTo(phone);
        assertThat(marriage.has("applicant.fullName")).isFalse();
        // an account without dossiers gets nothing to prefill
        var officer = http.getAs("kiemtra", "demo", "/api/v1/assistant/prefill?procedure=1.001456", client).json();
        assertThat(officer.get("values").size()).isZero();
        assertThat(officer.get("fromDossier").isNull()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void checksBeforeSubmitListFindingsWithVietnameseMessages() {
        Map<String, Object> form = DossierFixtures.birthForm("0912345678");
        ((Map<String, Object>) form.get("mother")).put("birthDate", "2030-01-01");
        ((Map<String, Object>) form.get("mother")).remove("personalId");
        ((Map<String, Object>) form.get("applicant")).put("phone", "012345");
        var r = http.postJson("congdan", "demo", "/api/v1/assistant/form-check",
                Map.of("procedure", "1.001193", "form", form, "documents", List.of()), client);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var j = r.json();
        assertThat(j.get("ok").asBoolean()).isFalse();
        List<String> messages = new ArrayList<>();
        j.get("findings").forEach(f -> messages.add(f.get("code").asString() + " | " + f.get("message").asString()));
        assertThat(messages).anyMatch(m -> m.startsWith("assistant.check.child.beforeMother | Ngày sinh của trẻ"));
        assertThat(messages).anyMatch(m -> m.startsWith("assistant.check.phone.format | Số điện thoại \"012345\""));
        assertThat(messages).anyMatch(m -> m.startsWith("assistant.check.document.missing | Chưa thấy giấy tờ: Giấy chứng sinh"));
        // attached, consistent: nothing to correct
        var fine = http.postJson("congdan", "demo", "/api/v1/assistant/form-check",
                Map.of("procedure", "1.001193", "form", DossierFixtures.birthForm("0912345678"), "documents", List.of("giay-chung-sinh.pdf")), client).json();
        assertThat(fine.get("ok").asBoolean()).as(fine.toString()).isTrue();
        assertThat(fine.toString()).doesNotContain("Chưa thấy giấy tờ: Giấy chứng sinh");
        // needs sign-in; a bad code is a 400
        assertThat(http.postJson(null, null, "/api/v1/assistant/form-check", Map.of("procedure", "1.001193"), client).status())
                .isEqualTo(401);
        assertThat(http.postJson("congdan", "demo", "/api/v1/assistant/form-check", Map.of("procedure", "x"), client).status())
                .isEqualTo(400);
    }

    private static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode fields, String path) {
        for (var f : fields) {
            if (f.get("field").asString().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no field " + path);
    }

    /** A birth registration in the Sài Gòn ward submitted with this phone ({@link DossierFixtures#birthSubmission}). */
    static Map<String, Object> birthSubmission(String phone) {
        return DossierFixtures.birthSubmission(phone, "tien." + phone + "@example.vn", DossierFixtures.SAI_GON);
    }
}
