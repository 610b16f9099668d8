package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.TestOfficers;
import vn.motcua.territory.PostRole;

/**
 * Revocation through the lineage: a result issued by a ward that has since been closed (old Tân Định, 26734, until
 * 1 July 2025, which went wholly to the new Tân Định, 26737) is revoked by the leader of the agency serving the
 * successor ward; the leader of an unrelated ward's agency (Sài Gòn, 26740) is refused with 403.
 */
@IntegrationTest
class RevocationLineageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.dossier.internal.ResultDeliveries deliveries;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    TestOfficers officers;
    Http http;
    String successorLeader;
    TestOfficers.Appointed appointed;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        successorLeader = "lanhdao.tandinh" + suffix;
        // A leader's post in the agency of the new Tân Định (UBND-26737), from today; removed after.
        appointed = officers.appointedToday(successorLeader, "Bùi Thị Tân Định", Role.UNIT_LEADER, "CB-TD-" + suffix,
                "UBND-26737", "UBND-26737-LD" + suffix, "Phó Chủ tịch Ủy ban nhân dân", PostRole.LEADER, null);
        assertThat(appointed.holding().username()).isEqualTo(successorLeader);
    }

    @AfterEach
    void removeThePost() {
        officers.remove(appointed);
    }

    Http.Response post(String user, String path, Object body) {
        return http.postJson(user, "demo", path, body);
    }

    /** A birth certificate returned online to congdan; its verification code. */
    String returnedResult() {
        String id = DossierFixtures.returnedOnline(http, deliveries);
        return jdbc.sql("select verification_code from wallet_document where dossier_id = ? and source = 'RESULT'")
                .param(UUID.fromString(id)).query(String.class).single();
    }

    @Test
    void anOfficerOfTheSuccessorAgencyRevokesAResultOfAClosedWardAndAnUnrelatedAgencyCannot() {
        String code = returnedResult();
        // The same result as if issued in March 2025 by the old ward of Tân Định, closed on 1 July 2025: Motcua's
        // results are issued today, so the issuer is set back here (the columns the revocation reads).
        int moved = jdbc.sql("""
                        update wallet_document set issuer_name = 'UBND phường Tân Định', issuer_agency_code = 'UBND-26734',
                            issuer_unit_code = '26734', issued_on = date '2025-03-10' where verification_code = ?""")
                .param(code).update();
        assertThat(moved).isEqualTo(1);
        String path = "/api/v1/results/" + code + "/revocation";

        // The issuer's lineage says who is competent now: the new Tân Định (26737), not Sài Gòn (26740).
        var before = http.get("/api/v1/results/verify?code=" + code).json();
        assertThat(before.get("valid").asBoolean()).isTrue();
        assertThat(before.get("issuer").asString()).isEqualTo("UBND phường Tân Định");

        // The leader of Sài Gòn's agency (an agency unrelated to the closed ward): 403, and still valid.
        var unrelated = post("lanhdao", path, Map.of("reason", "Cấp sai"));
        assertThat(unrelated.status()).as(unrelated.body()).isEqualTo(403);
        assertThat(unrelated.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/results/verify?code=" + code).json().get("valid").asBoolean()).isTrue();

        // The leader of the successor ward's agency: revoked, in the name of that agency.
        var revoked = post(successorLeader, path, Map.of("reason", "Cấp nhầm ngày sinh"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        var row = jdbc.sql("select revoked_by, revoked_agency from wallet_document where verification_code = ?")
                .param(code).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
        assertThat(row).startsWith(successorLeader + "|").contains("Tân Định");
        var after = http.get("/api/v1/results/verify?code=" + code).json();
        assertThat(after.get("valid").asBoolean()).isFalse();
        assertThat(after.get("revoked").asBoolean()).isTrue();
    }
}
