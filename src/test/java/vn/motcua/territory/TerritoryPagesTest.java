package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class TerritoryPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TerritoryReferenceData data;
    Http http;

    @BeforeEach
    void setUp() {
        data.ensureDemoLoaded();
        http = new Http(port);
    }

    @Test
    void browseProvincesAsOfADate() {
        var before = http.get("/territory?asOf=2025-06-30");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains("Tỉnh Bình Dương", "63 đơn vị", "name=\"asOf__day\"", "value=\"30\"")
                .doesNotContain("type=\"date\"");
        var after = http.get("/territory?asOf=2025-07-01");
        assertThat(after.body()).contains("34 đơn vị", "Thành phố Hồ Chí Minh").doesNotContain("Tỉnh Bình Dương");
        var badDate = http.get("/territory?asOf=hom-qua");
        assertThat(badDate.status()).isEqualTo(200);
        assertThat(badDate.body()).contains("Ngày không hợp lệ");
        // the three boxes (ngày / tháng / năm) as the page posts them
        var boxes = http.get("/territory?_dates=asOf&asOf__day=30&asOf__month=6&asOf__year=2025");
        assertThat(boxes.body()).contains("Tỉnh Bình Dương", "63 đơn vị");
        var impossible = http.get("/territory?_dates=asOf&asOf__day=31&asOf__month=2&asOf__year=2025");
        assertThat(impossible.status()).isEqualTo(200);
        assertThat(impossible.body()).contains("Tại ngày: không có ngày này (ví dụ 31/02 không tồn tại).",
                "id=\"asOf-error\"", "value=\"31\"");
    }

    @Test
    void unitPageShowsChildrenAgenciesOfficersAndLineage() {
        var ward = http.get("/territory/units/26740?asOf=2025-07-01");
        assertThat(ward.status()).isEqualTo(200);
        assertThat(ward.body()).contains("Phường Sài Gòn", "Ủy ban nhân dân Phường Sài Gòn", "Công an Phường Sài Gòn",
                "Trần Thị Bình", "Phường Bến Nghé", "Phường Đa Kao", "Nghị quyết 1685/NQ-UBTVQH15",
                "Các đơn vị từng mang mã 26740");
        var old = http.get("/territory/units/26737?asOf=2025-06-30");
        assertThat(old.body()).contains("Phường Đa Kao", "Quận 1", "Chia tách, một phần", "Phường Tân Định");
        var city = http.get("/territory/units/79?asOf=2025-07-01");
        assertThat(city.body()).contains("Đơn vị trực thuộc (168)", "Sở Tư pháp Thành phố Hồ Chí Minh");
        assertThat(http.get("/territory/units/760?asOf=2025-07-01", "Accept", "text/html").status()).isEqualTo(404);
    }

    @Test
    void oldAddressLookupExplainsSplitsAndRepeatedNames() {
        var split = http.get("/territory/lookup?commune=Da+Kao&district=Quan+1&province=");
        assertThat(split.status()).isEqualTo(200);
        assertThat(split.body()).contains("Phường Đa Kao đã được chia cho 2 phường, xã mới", "Phường Tân Định (26737)",
                "Phường Sài Gòn (26740)", "số nhà, tên đường");
        var resolved = http.get("/territory/lookup?commune=phuong+ben+nghe&district=&province=ho+chi+minh");
        assertThat(resolved.body()).contains("Phường Bến Nghé nay thuộc Phường Sài Gòn.");
        var repeated = http.get("/territory/lookup?commune=Phường+1&district=&province=TP.HCM");
        assertThat(repeated.body()).contains("phường, xã cũ cùng tên này", "Hãy nhập thêm quận, huyện cũ");
        var blank = http.get("/territory/lookup?commune=+&district=&province=");
        assertThat(blank.body()).contains("error-summary", "Vui lòng nhập tên hoặc mã phường, xã cũ.");
        assertThat(http.get("/territory/lookup").body()).doesNotContain("id=\"result\"");
    }
}
