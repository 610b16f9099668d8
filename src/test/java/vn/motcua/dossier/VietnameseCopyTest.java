package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue 17, copy: the Vietnamese pages citizens and officers see carry no internal names — no enum constants
 * (RECEPTION_OFFICER, DRY_RUN_DONE), no programme keys in camelCase (splitUnits), no usernames where a person's name
 * belongs. The page text is what a reader sees: tags, scripts and attributes removed.
 */
@IntegrationTest
class VietnameseCopyTest {

    static final Pattern ENUM = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b");
    static final Pattern CAMEL = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    static String visibleText(String html) {
        return html.replaceAll("(?is)<(script|style|template)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    static List<String> internalNames(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : new Pattern[]{ENUM, CAMEL}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(m.group() + " in «…" + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "…»");
            }
        }
        return found;
    }

    @Test
    void vietnamesePagesCarryNoInternalNames() {
        Http api = new Http(port);
        String phone = IntakeApiTest.phone();
        Map<String, Object> body = DossierFixtures.birthSubmission(phone, "v." + phone + "@example.vn", DossierFixtures.SAI_GON);
        var submitted = api.postJson("congdan", "demo", "/api/v1/dossiers", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(api.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/accept", Map.of()).status()).isEqualTo(200);

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("", List.of("/", "/procedures", "/procedures/1.001193", "/procedures/1.001193/form", "/track", "/login"));
        pages.put("congdan", List.of("/my", "/my/dossiers/" + id, "/my/dossiers/new?procedure=1.001193"));
        pages.put("tiepnhan", List.of("/workbench", "/workbench/reception", "/workbench/reception?state=ACCEPTED",
                "/workbench/dossiers/" + id));
        pages.put("chuyenvien", List.of("/workbench/processing", "/workbench/processing/" + id));
        pages.put("quantri", List.of("/admin/catalogue", "/admin/reorg", "/admin/reorg/stranded"));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (var e : pages.entrySet()) {
            Http http = new Http(port);
            if (!e.getKey().isEmpty()) {
                http.login(e.getKey(), "demo");
            }
            for (String path : e.getValue()) {
                var r = http.get(path, "Accept-Language", "vi");
                assertThat(r.status()).as(path).isEqualTo(200);
                List<String> found = internalNames(visibleText(r.body()));
                if (!e.getKey().isEmpty()) {
                    // A person is named by name: the username shows only on the sign-in page.
                    String text = visibleText(r.body());
                    Matcher m = Pattern.compile("\\b(congdan|tiepnhan|chuyenvien|lanhdao|trakq|quantri)\\b").matcher(text);
                    while (m.find()) {
                        found.add("username " + m.group() + " in «…" + text.substring(Math.max(0, m.start() - 60), m.start()) + "…»");
                    }
                }
                if (!found.isEmpty()) {
                    problems.put(e.getKey() + " " + path, found);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
