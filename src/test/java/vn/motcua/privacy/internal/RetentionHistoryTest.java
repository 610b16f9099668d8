package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Retention anonymises the chained history of the dossiers it anonymises, through the audit module: the verifier then
 * says the day is intact and names the retention run that re-sealed it; an SQL edit afterwards is still found; a
 * history tampered with before blocks the execution (409, nothing changed) until it is put back.
 */
@IntegrationTest
class RetentionHistoryTest {

    private static final String PROCEDURE = "9.999941";
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Retention retention;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        accounts.save("congdan.lichsu", "demo", "Tạ Thị Lịch Sử", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
    }

    UUID closedLongAgo() {
        String phone = "09" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        var r = http.postJson("congdan.lichsu", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "ls." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asString());
        var refused = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + id + "/refusal",
                Map.of("items", List.of(Map.of("document", "Giấy chứng sinh", "reason", "Giấy chứng sinh của Tạ Văn Bé bị mờ"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        jdbc.sql("update dossier set procedure_code = ?, closed_at = ? where id = ?")
                .params(PROCEDURE, Timestamp.from(Instant.parse("1999-03-01T03:00:00Z")), id).update();
        return id;
    }

    Http.Response verify(LocalDate day) {
        return http.getAs("kiemtra", "demo", "/api/v1/audit/verify?from=" + day + "&to=" + day);
    }

    String execute(String dryRun) {
        var r = http.postJson("quantri", "demo", "/api/v1/privacy/retention/runs/" + dryRun + "/execute", Map.of());
        return r.status() + " " + r.body();
    }

    @Test
    void theHistoryIsAnonymisedAndReSealedByTheRunAndAnEditAfterItIsFound() {
        retention.setRule(PROCEDURE, 10, "Quy định thử 10 năm", null);
        UUID clean = closedLongAgo();
        UUID tampered = closedLongAgo();
        LocalDate today = LocalDate.now(VN);
        var before = verify(today);
        assertThat(before.json().get("ok").asBoolean()).as(before.body()).isTrue(); // and sealed
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and (reason is not null or actor = 'congdan.lichsu')")
                .param(clean).query(Long.class).single()).isPositive();

        // One history row of the second dossier edited with SQL: the execution refuses, nothing changes.
        String original = jdbc.sql("select reason from dossier_event where dossier_id = ? and seq = 1")
                .param(tampered).query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
        jdbc.sql("update dossier_event set reason = 'sửa lén' where dossier_id = ? and seq = 1").param(tampered).update();
        var dry = http.postJson("quantri", "demo", "/api/v1/privacy/retention/dry-run", Map.of());
        assertThat(dry.status()).as(dry.body()).isEqualTo(201);
        String dryId = dry.json().get("id").asString();
        assertThat(dry.json().findValuesAsString("dossierId")).contains(clean.toString(), tampered.toString());
        String name = jdbc.sql("select applicant_name from dossier where id = ?").param(clean).query(String.class).single();
        assertThat(name).isNotEqualTo(vn.motcua.privacy.RetainedNotices.ANONYMOUS);
        long reasons = jdbc.sql("select count(*) from dossier_event where dossier_id = ? and reason is not null")
                .param(clean).query(Long.class).single();
        String refused = execute(dryId);
        assertThat(refused).startsWith("409").contains("không khớp");
        assertThat(jdbc.sql("select applicant_name from dossier where id = ?").param(clean).query(String.class).single())
                .isEqualTo(name);
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and reason is not null")
                .param(clean).query(Long.class).single()).isEqualTo(reasons);
        jdbc.sql("update dossier_event set reason = ? where dossier_id = ? and seq = 1")
                .params(original, tampered).update();
        assertThat(verify(today).json().get("ok").asBoolean()).isTrue();

        // Put back, the same dry run executes: dossier and history anonymised, the day intact, re-sealed by the run.
        String done = execute(dryId);
        assertThat(done).startsWith("200");
        String run = done.replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        for (UUID id : List.of(clean, tampered)) {
            assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and (reason is not null or actor = 'congdan.lichsu' or data <> '{}'::jsonb)")
                    .param(id).query(Long.class).single()).isZero();
        }
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and actor = 'tiepnhan'")
                .param(clean).query(Long.class).single()).isPositive();
        var after = verify(today);
        assertThat(after.json().get("ok").asBoolean()).as(after.body()).isTrue();
        assertThat(after.json().get("resealed").findValuesAsString("reference")).contains(run);
        assertThat(after.body()).contains("RETENTION");

        // An SQL edit after the re-seal is found, and named.
        jdbc.sql("update dossier_event set reason = 'viết lại' where dossier_id = ? and seq = 2").param(clean).update();
        try {
            var broken = verify(today);
            assertThat(broken.json().get("ok").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBroken").get("id").asString()).isEqualTo(clean.toString());
            assertThat(broken.json().get("firstBroken").get("reason").asString()).isEqualTo("CHANGED");
        } finally {
            // Other tests verify today too.
            jdbc.sql("update dossier_event set reason = null where dossier_id = ? and seq = 2").param(clean).update();
        }
        assertThat(verify(today).json().get("ok").asBoolean()).isTrue();
    }
}
