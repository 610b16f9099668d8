package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/** "Nộp hồ sơ ở đâu?" by name (issue 17): the picker's markup, and names resolved on the server without JavaScript. */
@IntegrationTest
class PlacePickerPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    @Test
    void theProcedurePageTakesAWardByName() {
        var page = http.get("/procedures/1.001193?unit=tan%20dinh");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-place-picker", "/js/place-picker.js");
        // Several places carry the name: the choices, this city's ward first; each link asks again with the code.
        String choices = page.body().substring(page.body().indexOf("id=\"place-choices\""));
        assertThat(choices).startsWith("id=\"place-choices\"><li><a href=\"/procedures/1.001193?unit=26737\">Phường Tân Định, Thành phố Hồ Chí Minh</a>");

        var old = http.get("/procedures/1.001193?unit=b%E1%BA%BFn%20ngh%C3%A9");
        assertThat(old.body()).contains("Phường Bến Nghé (tên cũ) — nay là").contains("Phường Sài Gòn");

        var none = http.get("/procedures/1.001193?unit=khong%20co%20noi%20nay");
        assertThat(none.body()).contains("id=\"place-none\"");

        var code = http.get("/procedures/1.001193?unit=26737");
        assertThat(code.body()).contains("Phường Tân Định").contains("UBND-26737");
    }

    @Test
    void theProcedurePageSaysWhatMattersFirst() {
        String page = http.get("/procedures/1.001193").body();
        int summary = page.indexOf("id=\"summary\"");
        assertThat(summary).isPositive().isLessThan(page.indexOf("id=\"where-heading\""));
        String top = page.substring(summary, page.indexOf("id=\"where-heading\""));
        assertThat(top).contains("Bạn nhận được", "Giấy khai sinh", "1 ngày làm việc", "Miễn phí", "Cần chuẩn bị",
                "Giấy chứng sinh", "Nộp hồ sơ trực tuyến").doesNotContain("Lưu ý", "0 bản chính");
        String table = page.substring(page.indexOf("id=\"documents\""), page.indexOf("id=\"fees-heading\""));
        assertThat(table.substring(0, table.indexOf("id=\"document-notes\""))).doesNotContain("Lưu ý", "0 bản chính");
        assertThat(table).contains("<details", "Ghi chú về thành phần hồ sơ");
        assertThat(page).doesNotContain("RECEPTION_OFFICER", "HANDLING_OFFICER", "<td>1</td>").contains("Cán bộ tiếp nhận");
    }

    @Test
    void thePickerScriptIsServed() {
        var js = http.get("/js/place-picker.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).contains("javascript");
        assertThat(js.body()).contains("/api/v1/places", "role", "combobox");
    }
}
