package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The online submission page without JavaScript: residence and birthplace typed by name are resolved on submit — one
 * place taken (an old name as the ward that now carries it, a hospital as its ward with its name kept), several asked
 * about on the field, none refused on the field.
 */
@IntegrationTest
class TypedPlaceNamesTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.privacy.Vault vault;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    @Test
    void namesTypedWithoutThePickerAreResolvedOnSubmit() {
        Http http = new Http(port);
        http.login("congdan", "demo");
        String page = "/my/dossiers/new?procedure=1.001193";
        String phone = "0904" + (100000 + (int) (System.nanoTime() % 899999));

        var several = http.postForm("/my/dossiers", page, DraftAndCounterTest.fields(phone, "applicant.residence", "an phu",
                "mother.residence", "khong co noi nay", "_procedure", "1.001193", "_key", "k-" + System.nanoTime()));
        assertThat(several.status()).isEqualTo(200);
        assertThat(several.body()).contains("có nhiều nơi mang tên “an phu”, hãy chọn một nơi bên dưới.",
                "id=\"f-applicant-residence-choices\"", "name=\"applicant.residence\" value=\"25975\"",
                "không tìm thấy nơi nào tên “khong co noi nay”");
        assertThat(jdbc.sql("select count(*) from dossier where applicant_phone = ?").param(phone).query(Long.class).single())
                .isZero();

        var taken = http.postForm("/my/dossiers", page, DraftAndCounterTest.fields(phone, "applicant.residence", "sai gon",
                "mother.residence", "Phường Bến Nghé", "child.birthPlace", "Bệnh viện Từ Dũ", "child.birthPlaceDetail", "",
                "_procedure", "1.001193", "_key", "k-" + System.nanoTime()));
        assertThat(taken.status()).as(taken.body()).isEqualTo(302);
        // the form is encrypted at rest: opened as the dossier store does
        String form = jdbc.sql("select form_data from dossier where applicant_phone = ?").param(phone)
                .query((rs, n) -> vault.openText(rs.getBytes(1), "dossier.form_data")).single();
        assertThat(form).contains("\"residence\":\"26740\"", "\"birthPlace\":\"26743\"", "Bệnh viện Từ Dũ");
        assertThat(jdbc.sql("select address_unit_code from dossier where applicant_phone = ?").param(phone)
                .query(String.class).single()).isEqualTo("26740");
    }
}
