package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.TestOfficers;
import vn.motcua.territory.PostRole;

/**
 * Queues per post: in UBND phường Sài Gòn a second handling officer holds a post of the field CU_TRU (opened and
 * appointed through {@link vn.motcua.territory.StaffChanges}; the officer row, which territory has no API for, is written in SQL and
 * announced with {@link vn.motcua.territory.StaffChanges#refresh()}). The birth-registration dossier (catalogue field "Hộ tịch") is in
 * the HO_TICH queue of chuyenvien only: the CU_TRU officer does not see it, cannot claim it or be assigned it,
 * and the other way round for a residence dossier (field "Đăng ký, quản lý cư trú").
 */
@IntegrationTest
class ProcessingFieldQueueTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    TestOfficers officers;
    Http http;
    String other;
    TestOfficers.Appointed appointed;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        other = "cutru" + suffix;
        // The post starts today, so tests asking about the demo staff of 2025 are not affected; removed after.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        appointed = officers.appointedToday(other, "Ngô Thị Cư Trú", Role.HANDLING_OFFICER, "CB-CT-" + suffix,
                "UBND-26740", "UBND-26740-CT" + suffix, "Công chức đăng ký cư trú", PostRole.HANDLING, "CU_TRU");
        assertThat(appointed.post().validFrom()).isEqualTo(today);
        assertThat(appointed.holding().validFrom()).isEqualTo(today);
        assertThat(appointed.holding().username()).isEqualTo(other);
    }

    @AfterEach
    void removeTheOtherFieldsPost() {
        officers.remove(appointed);
    }

    String accepted() {
        return DossierFixtures.acceptedThroughApi(http);
    }

    int version(String id) {
        return jdbc.sql("select version from dossier where id = ?").param(UUID.fromString(id)).query(Integer.class).single();
    }

    Http.Response post(String user, String id, String action, Map<String, Object> body) {
        return http.postJson(user, "demo", "/api/v1/dossiers/" + id + "/" + action, body);
    }

    /** Open steps of an officer (or, with a field, of the unassigned queue of that role and field) in lanhdao's view. */
    long workload(String who, String field) {
        var r = http.getAs("lanhdao", "demo", "/api/v1/dossiers/workload");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long open = 0;
        for (var w : r.json()) {
            boolean match = field == null ? who.equals(w.path("assignee").asString(""))
                    : w.get("assignee").isNull() && who.equals(w.path("queueRole").asString(""))
                    && field.equals(w.path("queueField").asString(""));
            if (match) {
                open += w.get("open").asLong();
            }
        }
        return open;
    }

    String openStepField(String id) {
        return jdbc.sql("select field_key from dossier_step where dossier_id = ? and finished_at is null")
                .param(UUID.fromString(id)).query((rs, n) -> rs.getString(1)).list().get(0);
    }

    @Test
    void aHandlingOfficerOfAnotherFieldNeitherSeesNorClaimsNorIsAssignedTheStep() {
        String id = accepted();
        // The catalogue's field of 1.001193 is "Hộ tịch": kept on the dossier, and the appraisal queue narrowed to it.
        assertThat(jdbc.sql("select procedure_field || '|' || field_key from dossier where id = ?")
                .param(UUID.fromString(id)).query(String.class).single()).isEqualTo("Hộ tịch|HO_TICH");
        assertThat(openStepField(id)).isEqualTo("HO_TICH");

        assertThat(http.getAs("chuyenvien", "demo", "/api/v1/dossiers/queue?filter=QUEUE").body()).contains(id);
        for (String filter : new String[]{"QUEUE", "ALL", "WARNED", "MINE"}) {
            var q = http.getAs(other, "demo", "/api/v1/dossiers/queue?filter=" + filter);
            assertThat(q.status()).as(q.body()).isEqualTo(200);
            assertThat(q.body()).as(filter).doesNotContain(id);
        }
        assertThat(http.getAs(other, "demo", "/api/v1/dossiers/" + id + "/processing").status()).isEqualTo(403);
        assertThat(http.getAs(other, "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(403);
        assertThat(http.getAs("chuyenvien", "demo", "/api/v1/dossiers/" + id).status()).isEqualTo(200);

        var claim = post(other, id, "claim", Map.of("version", version(id)));
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.json().get("detail").asString()).contains("lĩnh vực Hộ tịch");
        assertThat(post(other, id, "forward", Map.of()).status()).isEqualTo(403);

        var assign = post("lanhdao", id, "assign", Map.of("version", version(id), "assignee", other, "reason", "vắng"));
        assertThat(assign.status()).isEqualTo(422);
        assertThat(assign.json().get("detail").asString()).contains(other).contains("Hộ tịch");
        // The leader sees the whole agency and its workload (per officer, and the unassigned queues per role and
        // field), and assigns within the field.
        assertThat(http.getAs("lanhdao", "demo", "/api/v1/dossiers/queue?filter=ALL").body()).contains(id);
        assertThat(workload("HANDLING", "HO_TICH")).isPositive();
        long before = workload("chuyenvien", null);
        assertThat(post("lanhdao", id, "assign", Map.of("version", version(id), "assignee", "chuyenvien")).status())
                .isEqualTo(200);
        assertThat(workload("chuyenvien", null)).isEqualTo(before + 1);
        assertThat(http.getAs(other, "demo", "/api/v1/dossiers/workload").status()).isEqualTo(403);

        // The same queue narrowed to a residence field: now the CU_TRU officer's, not chuyenvien's.
        jdbc.sql("""
                        update dossier_step set field_key = 'DANG_KI_QUAN_LI_CU_TRU', assignee = null, assignee_name = null
                        where dossier_id = ? and finished_at is null""").param(UUID.fromString(id)).update();
        assertThat(http.getAs(other, "demo", "/api/v1/dossiers/queue?filter=QUEUE").body()).contains(id);
        assertThat(http.getAs("chuyenvien", "demo", "/api/v1/dossiers/queue?filter=QUEUE").body()).doesNotContain(id);
        assertThat(post("chuyenvien", id, "claim", Map.of()).status()).isEqualTo(403);
        var claimed = post(other, id, "claim", Map.of());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(http.getAs(other, "demo", "/api/v1/dossiers/queue?filter=MINE").body()).contains(id);
        assertThat(http.getAs(other, "demo", "/api/v1/dossiers/" + id + "/processing").status()).isEqualTo(200);

        assertThat(post("lanhdao", id, "stop", Map.of("reason", "Kết thúc kiểm thử lĩnh vực")).status()).isEqualTo(200);
    }

    @Test
    void aStepTransferredToAnAgencyWithoutAPostOfItsFieldIsOpenToAllItsHandlingOfficers() {
        String id = accepted();
        assertThat(post("chuyenvien", id, "claim", Map.of()).status()).isEqualTo(200);
        // Công an phường Sài Gòn handles CU_TRU only: a HO_TICH step there is open to every handling post.
        var t = post("chuyenvien", id, "transfer", Map.of("agencyCode", "CA-26740", "reason", "Liên thông cư trú"));
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(openStepField(id)).isNull();
        assertThat(jdbc.sql("select field_key from dossier where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("HO_TICH");
        var view = http.getAs("lanhdao", "demo", "/api/v1/dossiers/" + id + "/processing");
        assertThat(view.json().get("field").asString()).isEqualTo("Hộ tịch");
        assertThat(view.json().get("queueField").isNull()).isTrue();
    }
}
