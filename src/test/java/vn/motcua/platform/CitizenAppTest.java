package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Issue 17, the installable citizen app: the manifest (its type and fields, Vietnamese), its icons (PNG, the sizes
 * they claim), the service worker and the offline page are served to anyone, and every page links the manifest.
 */
@IntegrationTest
class CitizenAppTest {

    @LocalServerPort
    int port;

    @Test
    void theManifestIconsServiceWorkerAndOfflinePageAreServed() throws Exception {
        Http http = new Http(port);
        var manifest = http.get("/manifest.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.contentType()).startsWith("application/manifest+json");
        JsonNode m = manifest.json();
        assertThat(m.get("name").asString()).isEqualTo("Một cửa — Dịch vụ hành chính công");
        assertThat(m.get("short_name").asString()).isEqualTo("Một cửa");
        assertThat(m.get("lang").asString()).isEqualTo("vi");
        assertThat(m.get("start_url").asString()).isEqualTo("/my");
        assertThat(m.get("scope").asString()).isEqualTo("/");
        assertThat(m.get("display").asString()).isEqualTo("standalone");
        assertThat(m.get("theme_color").asString()).isEqualTo("#a31d24");
        List<String> sizes = new ArrayList<>();
        for (JsonNode icon : m.get("icons")) {
            var png = http.sendBytes(http.request(icon.get("src").asString()).GET().build());
            var image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as(icon.get("src").asString()).isNotNull();
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(icon.get("sizes").asString());
            assertThat(icon.get("type").asString()).isEqualTo("image/png");
            sizes.add(icon.get("sizes").asString() + " " + icon.path("purpose").asString("any"));
        }
        assertThat(sizes).contains("192x192 any", "512x512 any", "512x512 maskable");

        var sw = http.get("/sw.js");
        assertThat(sw.status()).isEqualTo(200);
        assertThat(sw.contentType()).contains("javascript");
        assertThat(sw.body()).contains("'/offline.html'", "addEventListener('fetch'", "/my");

        var offline = http.get("/offline.html");
        assertThat(offline.status()).isEqualTo(200);
        assertThat(offline.contentType()).startsWith("text/html");
        assertThat(offline.body()).contains("<html lang=\"vi\">", "Không có kết nối mạng", "href=\"/my\"");

        var home = http.get("/");
        assertThat(home.body()).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">",
                "<meta name=\"motcua-sw\" content=\"/sw.js\">", "<meta name=\"theme-color\" content=\"#a31d24\">");
        // The service worker may control the whole site: served from the root, under the site's policy.
        assertThat(sw.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }
}
