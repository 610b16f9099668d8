package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.catalogue.internal.CatalogueRepository;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/** The admin's "Hiệu lực từ ngày" as three boxes: an impossible date is refused on the field, a real one saved. */
@IntegrationTest
class AdminDateInputTest {

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImporter importer;
    @Autowired
    CatalogueRepository repository;
    Http http;

    @BeforeEach
    void setUp() {
        importer.importAll();
        http = new Http(port);
        String csrf = csrf(http.get("/login").body());
        var r = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=quantri&password=demo&_csrf=" + enc(csrf))).build());
        assertThat(r.status()).isEqualTo(302);
    }

    private static String csrf(String page) {
        return java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page).results().findFirst()
                .orElseThrow().group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Http.Response post(String path, String form) {
        return http.send(http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    @Test
    void draftDateIsThreeBoxesAndAnImpossibleDateIsRefusedOnTheField() {
        String code = "1.000656";
        var page = http.get("/admin/catalogue/procedures/" + code);
        assertThat(page.body()).contains("name=\"validFrom__day\"", "name=\"validFrom__month\"", "name=\"validFrom__year\"",
                "id=\"draft-from\"").doesNotContain("type=\"date\"");
        String token = enc(csrf(page.body()));
        int before = repository.versions(code).size();

        var wrong = post("/admin/catalogue/procedures/" + code + "/drafts",
                "_csrf=" + token + "&_dates=validFrom&validFrom__day=31&validFrom__month=2&validFrom__year=2031");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Hiệu lực từ ngày: không có ngày này (ví dụ 31/02 không tồn tại).",
                "id=\"draft-from-error\"", "value=\"31\"");
        assertThat(repository.versions(code)).hasSize(before);

        var empty = post("/admin/catalogue/procedures/" + code + "/drafts",
                "_csrf=" + token + "&_dates=validFrom&validFrom__day=&validFrom__month=&validFrom__year=");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Hiệu lực từ ngày: hãy nhập ngày.");

        var twoDigitYear = post("/admin/catalogue/procedures/" + code + "/drafts",
                "_csrf=" + token + "&_dates=validFrom&validFrom__day=1&validFrom__month=2&validFrom__year=31");
        assertThat(twoDigitYear.body()).contains("Hiệu lực từ ngày: năm phải có 4 chữ số");

        int year = 3000 + Math.floorMod(UUID.randomUUID().hashCode(), 900);
        var ok = post("/admin/catalogue/procedures/" + code + "/drafts",
                "_csrf=" + token + "&_dates=validFrom&validFrom__day=5&validFrom__month=3&validFrom__year=" + year);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(repository.versions(code)).anyMatch(v -> v.validFrom().equals(java.time.LocalDate.of(year, 3, 5)));
    }
}
