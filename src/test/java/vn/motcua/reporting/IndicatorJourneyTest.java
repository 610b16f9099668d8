package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicators follow the data the processing service really stores: two birth registrations submitted online at
 * Phường Sài Gòn, each through a supplement during appraisal answered online, decided, returned online and rated 5;
 * the second was asked for a supplement twice and so counts late although it is decided within its appointment.
 * Counted as differences over today (other tests share the agency).
 */
@IntegrationTest
class IndicatorJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    @Test
    void aSupplementIsNotLateASecondOneIs() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String query = "/api/v1/indicators?level=agency&code=UBND-26740&from=" + today + "&to=" + today;
        JsonNode before = http.get(query).json();

        String once = life(1);
        String twice = life(2);
        assertThat(jdbc.sql("select count(*) from dossier_pause where dossier_id = ?").param(UUID.fromString(twice))
                .query(Integer.class).single()).isEqualTo(2);

        JsonNode after = http.get(query).json();
        assertThat(delta(before, after, "onTime", "denominator")).isEqualTo(2);
        assertThat(delta(before, after, "onTime", "numerator")).isEqualTo(1);
        assertThat(delta(before, after, "onTime", "secondSupplementRequests")).isEqualTo(1);
        assertThat(delta(before, after, "onlineSubmission", "numerator")).isEqualTo(2);
        assertThat(delta(before, after, "onlineSubmission", "denominator")).isEqualTo(2);
        assertThat(delta(before, after, "fullyOnline", "numerator")).isEqualTo(2);
        assertThat(delta(before, after, "satisfaction", "numerator")).isEqualTo(2);
        assertThat(delta(before, after, "satisfaction", "denominator")).isEqualTo(2);
        assertThat(after.get("dossiers").asLong() - before.get("dossiers").asLong()).isEqualTo(2);
        assertThat(once).isNotEqualTo(twice);
    }

    static long delta(JsonNode before, JsonNode after, String indicator, String field) {
        return after.get(indicator).get(field).asLong() - before.get(indicator).get(field).asLong();
    }

    /** Submitted online, accepted, {@code supplements} supplement requests answered, decided, returned online, rated 5. */
    String life(int supplements) {
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers", DossierFixtures.birthSubmission(phone, "a." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        ok(post("tiepnhan", id, "accept", Map.of()));
        ok(post("chuyenvien", id, "claim", Map.of("version", version(id))));
        for (int i = 0; i < supplements; i++) {
            ok(post("chuyenvien", id, "processing-supplement-request", Map.of("version", version(id),
                    "items", List.of(Map.of("document", "Giấy xác nhận cư trú", "reason", "Thiếu dấu " + i)))));
            ok(post("congdan", id, "processing-supplement", Map.of("version", version(id),
                    "attachments", List.of(Map.of("fileName", "cu-tru.pdf",
                            "contentBase64", DossierFixtures.PDF_B64)))));
        }
        ok(post("chuyenvien", id, "forward", Map.of("version", version(id), "note", "Đủ điều kiện")));
        ok(post("lanhdao", id, "decision", Map.of("version", version(id), "outcome", "APPROVED",
                "summary", "Cấp Giấy khai sinh bản chính")));
        ok(post("tiepnhan", id, "result-return", Map.of("version", version(id), "delivery", "ONLINE")));
        ok(post("congdan", id, "rating", Map.of("rating", 5)));
        return id;
    }

    static void ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    int version(String id) {
        return jdbc.sql("select version from dossier where id = ?").param(UUID.fromString(id)).query(Integer.class).single();
    }

    Http.Response post(String user, String id, String action, Map<String, Object> body) {
        return http.postJson(user, "demo", "/api/v1/dossiers/" + id + "/" + action, body);
    }
}
