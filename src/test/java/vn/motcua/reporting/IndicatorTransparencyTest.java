package vn.motcua.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transparency group ("Công khai, minh bạch") on a hand-computed data set (May 2025, agency IND-TR):
 *
 * <pre>
 *     received  receipt no.  phone        ID number  returned (approved)  e-result   counts
 * T1  02/05     yes          0900000000   —          06/05                yes        trackable; result published
 * T2  03/05     yes          —            —          08/05                no         not trackable (nothing to check)
 * T3  04/05     yes          "không có"   —          02/06                yes        not trackable (no digits); returned after May
 * T4  05/05     yes          "09-12"      set        —                    —          trackable (ID number)
 * T5  06/05     yes          "12 3"       —          —                    —          not trackable (3 digits)
 * </pre>
 * Trackable: T1 T4 of 5 → 0.4. Results published: approved results returned in May T1 T2, with an e-document T1 →
 * 0.5. Points and maximum points are null for every criterion (the Decision's split of the group's 18 is unknown).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorTransparencyTest {

    static final String TAG = "ITRA";
    static final String AGENCY = "IND-TR";
    static final String MAY = "/api/v1/indicators?level=agency&code=" + AGENCY + "&from=2025-05-01&to=2025-05-31";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorCatchUp catchUp;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    Clock clock;
    @Autowired
    Catalogue catalogue;
    IndicatorFixtures f;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        catchUp.run(true);
        f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        DossierState acc = DossierState.ACCEPTED;
        UUID t1 = f.dossier(AGENCY, "P1", acc, "2025-05-02T08:00", "2025-05-10T17:00");
        f.decided(t1, "2025-05-05T10:00");
        f.returned(t1, "2025-05-06T10:00", "ONLINE");
        f.eResult(t1);
        UUID t2 = f.dossier(AGENCY, "P1", acc, "2025-05-03T08:00", "2025-05-10T17:00");
        applicant(t2, "update dossier set applicant_phone = null, applicant_personal_id = null where id = ?");
        f.decided(t2, "2025-05-07T10:00");
        f.returned(t2, "2025-05-08T10:00", "COUNTER");
        UUID t3 = f.dossier(AGENCY, "P2", acc, "2025-05-04T08:00", "2025-05-20T17:00");
        applicant(t3, "update dossier set applicant_phone = 'không có' where id = ?");
        f.decided(t3, "2025-05-30T10:00");
        f.returned(t3, "2025-06-02T10:00", "ONLINE");
        f.eResult(t3);
        UUID t4 = f.dossier(AGENCY, "P2", acc, "2025-05-05T08:00", "2025-05-20T17:00");
        applicant(t4, "update dossier set applicant_phone = '09-12', applicant_personal_id = 'x' where id = ?");
        UUID t5 = f.dossier(AGENCY, "P2", acc, "2025-05-06T08:00", "2025-05-20T17:00");
        applicant(t5, "update dossier set applicant_phone = '12 3' where id = ?");
    }

    /** A change of the applicant's columns, then the aggregated days re-done (through a fixture step that settles). */
    void applicant(UUID id, String sql) {
        jdbc.sql(sql).param(id).update();
        f.channel(id, "COUNTER");
    }

    @AfterAll
    void cleanUp() {
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    @Test
    void trackableDossiersAndPublishedResultsOnTheHandComputedSet() {
        JsonNode t = new Http(port).get(MAY).json().get("transparency");
        assertThat(t.get("trackable").get("numerator").asLong()).isEqualTo(2);
        assertThat(t.get("trackable").get("denominator").asLong()).isEqualTo(5);
        assertThat(t.get("trackable").get("rate").asDouble()).isEqualTo(0.4);
        assertThat(t.get("resultsPublished").get("numerator").asLong()).isEqualTo(1);
        assertThat(t.get("resultsPublished").get("denominator").asLong()).isEqualTo(2);
        assertThat(t.get("resultsPublished").get("rate").asDouble()).isEqualTo(0.5);
        for (String c : List.of("proceduresPublished", "trackable", "resultsPublished")) {
            assertThat(t.get(c).get("points").isNull()).as(c).isTrue();
            assertThat(t.get(c).get("maxPoints").isNull()).as(c).isTrue();
        }
        // June: T3's result returned with an e-document; nothing received.
        JsonNode june = new Http(port).get("/api/v1/indicators?level=agency&code=" + AGENCY
                + "&from=2025-06-01&to=2025-06-30").json().get("transparency");
        assertThat(june.get("resultsPublished").get("numerator").asLong()).isEqualTo(1);
        assertThat(june.get("resultsPublished").get("denominator").asLong()).isEqualTo(1);
        assertThat(june.get("trackable").get("rate").isNull()).isTrue();
    }

    @Test
    void aDossierReceivedTodayIsCountedLiveBesideTheAggregatedDays() {
        LocalDate today = LocalDate.now(clock.withZone(IndicatorFixtures.VN));
        String period = "/api/v1/indicators?level=agency&code=" + AGENCY + "&from=2025-05-01&to=" + today;
        JsonNode before = new Http(port).get(period).json().get("transparency").get("trackable");
        Instant received = clock.instant().minusSeconds(60);
        bulk.insert(List.of(new DossierBulk.NewDossier(UUID.randomUUID(), null, "P1", "Thủ tục P1", DossierState.ACCEPTED,
                TAG + "-today", "0911222333", null, null, "1 Đường Thử", AGENCY, AGENCY, received,
                received.plusSeconds(5 * 86_400))));
        JsonNode after = new Http(port).get(period).json().get("transparency").get("trackable");
        assertThat(before.get("numerator").asLong()).isEqualTo(2);
        assertThat(before.get("denominator").asLong()).isEqualTo(5);
        assertThat(after.get("numerator").asLong()).isEqualTo(3);
        assertThat(after.get("denominator").asLong()).isEqualTo(6);
    }

    @Test
    void proceduresPublishedWithFullInformationForOneProcedure() {
        // One procedure of the reference catalogue with the five items published, one without a fee line.
        // The reference catalogue's versions are in force from their import: ask as of today.
        LocalDate today = LocalDate.now(clock.withZone(IndicatorFixtures.VN));
        String now = "/api/v1/indicators?level=agency&code=" + AGENCY + "&from=" + today.minusDays(30) + "&to=" + today;
        List<ProcedureVersion> inForce = catalogue.allInForce(today);
        ProcedureVersion complete = inForce.stream().filter(v -> !v.name().isBlank() && !v.requiredDocuments().isEmpty()
                && !v.fees().isEmpty() && v.processingTime() != null && v.performer() != null
                && !v.performer().text().isBlank()).findFirst().orElseThrow();
        ProcedureVersion noFee = inForce.stream().filter(v -> v.fees().isEmpty()).findFirst().orElseThrow();
        JsonNode one = new Http(port).get(now + "&procedure=" + complete.code()).json().get("transparency")
                .get("proceduresPublished");
        assertThat(one.get("denominator").asLong()).isEqualTo(1);
        assertThat(one.get("numerator").asLong()).isEqualTo(1);
        JsonNode other = new Http(port).get(now + "&procedure=" + noFee.code()).json().get("transparency")
                .get("proceduresPublished");
        assertThat(other.get("denominator").asLong()).isEqualTo(1);
        assertThat(other.get("numerator").asLong()).isZero();
        JsonNode none = new Http(port).get(MAY + "&procedure=NO.SUCH").json().get("transparency").get("proceduresPublished");
        assertThat(none.get("denominator").asLong()).isZero();
        assertThat(none.get("rate").isNull()).isTrue();
        JsonNode all = new Http(port).get(now).json().get("transparency").get("proceduresPublished");
        assertThat(all.get("denominator").asLong()).isGreaterThan(100);
        assertThat(all.get("numerator").asLong()).isLessThanOrEqualTo(all.get("denominator").asLong());
        assertThat(all.get("asOf").asString()).isEqualTo(today.toString());
    }

    @Test
    void theCsvAddsTheTransparencyRowsAfterTheOthers() {
        String csv = new Http(port).get(MAY + "&format=csv").body();
        assertThat(csv).contains("\r\ntransparency.trackable,0.4,40.0,,2,5,false\r\n");
        assertThat(csv.indexOf("dossiers,")).isLessThan(csv.indexOf("transparency.proceduresPublished"));
    }
}
