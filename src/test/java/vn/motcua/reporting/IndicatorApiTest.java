package vn.motcua.reporting;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator on one hand-computed data set (March 2025, agency IND-T1, times in Hồ Chí Minh City), through the
 * public API. docs/indicators.md walks through the same figures.
 *
 * <pre>
 *    received  due (stored)  end                 outcome                               channel / delivery  rating
 * A  02/03 8h  10/03 17h     decided 09/03 10h   on time                               ONLINE / ONLINE     5 (10/03)
 * B  03/03 8h  05/03 17h     decided 06/03 9h    late                                  ONLINE / COUNTER    2 (07/03)
 * C  04/03 8h  08/03 17h     decided 08/03 10h   on time: paused 05/03 8h → 07/03 8h,  COUNTER             4 (09/03)
 *                                                due moved from 06/03 17h
 * D  05/03 8h  20/03 17h     decided 10/03 8h    late: second supplement request       COUNTER
 *                                                (paused 06/03 8–10h and 07/03 8–10h)
 * E  20/03 8h  15/04 17h     —                   in progress, not yet due: on time      COUNTER
 * F  10/03 8h  27/03 17h     —                   in progress, late: promised 25/03 17h  COUNTER
 *                                                (Form 04 on 24/03 moved it to 27/03)
 * G  20/02 8h  03/03 17h     decided 02/03 10h   carried over, on time                  COUNTER             3 (05/04)
 * H  01/02 8h  12/02 17h     decided 10/02 10h   finished before March: not counted     COUNTER
 * I  12/03 8h  (reception    refused 12/03 11h   on time (refusal within 8 working      ONLINE
 *               12/03 17h)                       hours)
 * J  28/03 8h  —             —                   awaiting reception: received, not     ONLINE
 *                                                yet to process
 * K  02/04 8h  10/04 17h     —                   after March: not counted              ONLINE
 * L  11/03 8h  20/03 17h     decided 19/03 10h   late: promised 18/03 17h, Form 04     COUNTER
 *                                                on 17/03 moved it to 20/03
 * </pre>
 * To process: A B C D E F G I L = 9; on time: A C E G I = 5 → 5/9 = 0.5556, 11.11 of 20 points; late 4, of which
 * F and L with an apology (2 letters issued in March). Received in March: A B C D E F I J L = 9, online A B I J = 4
 * → 0.4444, 12 × 0.4444 / 0.5 = 10.67 of 12 points; fully online (result returned online) A = 1/9. Ratings given in
 * March: 5, 2, 4 → satisfied (≥ 4) 2/3 = 0.6667, 12.00 of 18 points, average 3.67. Dossiers: 10.
 * Resolution (hours, supplement time excluded): P1 A 170, B 73 → 121.5; P2 C 98 − 48 = 50, D 120 − 4 = 116 → 83;
 * P3 G 242; P4 I 3; P5 L 194.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorApiTest {

    static final String TAG = "IND1";
    static final String AGENCY = "IND-T1";
    static final String MARCH = "/api/v1/indicators?level=agency&code=" + AGENCY + "&from=2025-03-01&to=2025-03-31";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.reporting.internal.IndicatorCatchUp catchUp;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReferenceData referenceData;
    Http http;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        http = new Http(port);
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        DossierState acc = DossierState.ACCEPTED;

        UUID a = f.dossier(AGENCY, "P1", acc, "2025-03-02T08:00", "2025-03-10T17:00");
        f.channel(a, "ONLINE");
        f.decided(a, "2025-03-09T10:00");
        f.returned(a, "2025-03-09T15:00", "ONLINE");
        f.rated(a, 5, "2025-03-10T09:00");
        f.attachment(a, true);

        UUID b = f.dossier(AGENCY, "P1", acc, "2025-03-03T08:00", "2025-03-05T17:00");
        f.channel(b, "ONLINE");
        f.decided(b, "2025-03-06T09:00");
        f.returned(b, "2025-03-06T10:00", "COUNTER");
        f.rated(b, 2, "2025-03-07T09:00");
        f.attachment(b, true);
        f.attachment(b, false);

        UUID c = f.dossier(AGENCY, "P2", acc, "2025-03-04T08:00", "2025-03-06T17:00");
        f.paused(c, "2025-03-05T08:00", "2025-03-07T08:00");
        f.dueAt(c, "2025-03-08T17:00");
        f.decided(c, "2025-03-08T10:00");
        f.rated(c, 4, "2025-03-09T09:00");
        f.attachment(c, false);

        UUID d = f.dossier(AGENCY, "P2", acc, "2025-03-05T08:00", "2025-03-20T17:00");
        f.paused(d, "2025-03-06T08:00", "2025-03-06T10:00");
        f.paused(d, "2025-03-07T08:00", "2025-03-07T10:00");
        f.decided(d, "2025-03-10T08:00");
        f.returned(d, "2025-03-10T09:00", "COUNTER");

        f.dossier(AGENCY, "P1", acc, "2025-03-20T08:00", "2025-04-15T17:00");                 // E

        UUID ff = f.dossier(AGENCY, "P1", acc, "2025-03-10T08:00", "2025-03-25T17:00");
        f.apology(ff, "2025-03-24T10:00", "2025-03-25T17:00", "2025-03-27T17:00");

        UUID g = f.dossier(AGENCY, "P3", acc, "2025-02-20T08:00", "2025-03-03T17:00");
        f.decided(g, "2025-03-02T10:00");
        f.returned(g, "2025-03-04T10:00", "COUNTER");
        f.rated(g, 3, "2025-04-05T09:00");

        UUID h = f.dossier(AGENCY, "P3", acc, "2025-02-01T08:00", "2025-02-12T17:00");
        f.decided(h, "2025-02-10T10:00");
        f.returned(h, "2025-02-10T15:00", "COUNTER");

        UUID i = f.dossier(AGENCY, "P4", DossierState.SUBMITTED, "2025-03-12T08:00", null);
        f.channel(i, "ONLINE");
        f.refused(i, "2025-03-12T17:00", "2025-03-12T11:00");

        UUID j = f.dossier(AGENCY, "P4", DossierState.SUBMITTED, "2025-03-28T08:00", null);
        f.channel(j, "ONLINE");

        UUID k = f.dossier(AGENCY, "P1", acc, "2025-04-02T08:00", "2025-04-10T17:00");
        f.channel(k, "ONLINE");

        UUID l = f.dossier(AGENCY, "P5", acc, "2025-03-11T08:00", "2025-03-18T17:00");
        f.apology(l, "2025-03-17T10:00", "2025-03-18T17:00", "2025-03-20T17:00");
        f.decided(l, "2025-03-19T10:00");
    }

    @AfterAll
    void cleanUp() {
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    JsonNode march() {
        Http.Response r = http.get(MARCH);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    @Test
    void onTimeCountsCarriedOverAndInProgressDossiersCreditsSupplementTimeAndNotASecondRequestOrAnExtension() {
        JsonNode on = march().get("onTime");
        assertThat(on.get("numerator").asLong()).isEqualTo(5);
        assertThat(on.get("denominator").asLong()).isEqualTo(9);
        assertThat(on.get("rate").asDouble()).isEqualTo(0.5556);
        assertThat(on.get("points").asDouble()).isEqualTo(11.11);
        assertThat(on.get("late").asLong()).isEqualTo(4);
        assertThat(on.get("finished").asLong()).isEqualTo(7);
        assertThat(on.get("inProgress").asLong()).isEqualTo(2);
        assertThat(on.get("secondSupplementRequests").asLong()).isEqualTo(1);
    }

    @Test
    void onlineSubmissionIsProportionalBelowHalfAndFullyOnlineNeedsAnOnlineReturn() {
        JsonNode j = march();
        JsonNode on = j.get("onlineSubmission");
        assertThat(on.get("numerator").asLong()).isEqualTo(4);
        assertThat(on.get("denominator").asLong()).isEqualTo(9);
        assertThat(on.get("rate").asDouble()).isEqualTo(0.4444);
        assertThat(on.get("points").asDouble()).isEqualTo(10.67);
        assertThat(on.get("maxPoints").asDouble()).isEqualTo(12.0);
        JsonNode full = j.get("fullyOnline");
        assertThat(full.get("numerator").asLong()).isEqualTo(1);
        assertThat(full.get("denominator").asLong()).isEqualTo(9);
        assertThat(full.get("rate").asDouble()).isEqualTo(0.1111);
        assertThat(j.get("dossiers").asLong()).isEqualTo(10);
    }

    @Test
    void satisfactionFromTheRatingsGivenInThePeriod() {
        JsonNode s = march().get("satisfaction");
        assertThat(s.get("numerator").asLong()).isEqualTo(2);
        assertThat(s.get("denominator").asLong()).isEqualTo(3);
        assertThat(s.get("rate").asDouble()).isEqualTo(0.6667);
        assertThat(s.get("points").asDouble()).isEqualTo(12.0);
        assertThat(s.get("averageRating").asDouble()).isEqualTo(3.67);
    }

    @Test
    void apologyLettersAndResolutionTimePerProcedure() {
        JsonNode j = march();
        JsonNode a = j.get("apologyLetters");
        assertThat(a.get("issued").asLong()).isEqualTo(2);
        assertThat(a.get("numerator").asLong()).isEqualTo(2);
        assertThat(a.get("denominator").asLong()).isEqualTo(4);
        assertThat(a.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(a.get("points").isNull()).isTrue();
        JsonNode times = j.get("resolutionTime");
        assertThat(times).hasSize(5);
        assertThat(hours(times, "P1")).isEqualTo(121.5);
        assertThat(hours(times, "P2")).isEqualTo(83.0);
        assertThat(hours(times, "P3")).isEqualTo(242.0);
        assertThat(hours(times, "P4")).isEqualTo(3.0);
        assertThat(hours(times, "P5")).isEqualTo(194.0);
    }

    @Test
    void reuseCountsDossiersWithADocumentFromTheDataStore() {
        // Received in March: 9; with at least one attachment from the data store: A and B (C only uploaded) → 2/9;
        // full points from 80 %: 0.2222 / 0.8 = 0.2778 of them.
        JsonNode r = march().get("reuse");
        assertThat(r.get("numerator").asLong()).isEqualTo(2);
        assertThat(r.get("denominator").asLong()).isEqualTo(9);
        assertThat(r.get("rate").asDouble()).isEqualTo(0.2222);
        assertThat(r.get("pointsShare").asDouble()).isEqualTo(0.2778);
        assertThat(r.has("notAvailable")).isFalse();
    }

    @Test
    void resultIndicatorsCountApprovedResultsReturnedInThePeriod() {
        // Approved results returned in March: A, B, D, G (C and L were decided, not returned) — none issued into a data
        // store: digitised 0 of 4. P1–P5 are not in the catalogue, so none is known to yield a paper result:
        // electronic results have nothing to count (IndicatorResultsTest has the fixture with e-results).
        JsonNode j = march();
        assertThat(j.get("digitised").get("numerator").asLong()).isZero();
        assertThat(j.get("digitised").get("denominator").asLong()).isEqualTo(4);
        assertThat(j.get("electronicResults").get("denominator").asLong()).isZero();
        assertThat(j.get("electronicResults").get("rate").isNull()).isTrue();
        assertThat(j.get("digitised").has("notAvailable")).isFalse();
    }

    @Test
    void anEmptyPeriodHasNoRates() {
        JsonNode j = http.get("/api/v1/indicators?level=agency&code=" + AGENCY + "&from=2024-01-01&to=2024-01-31").json();
        assertThat(j.get("dossiers").asLong()).isZero();
        assertThat(j.get("onTime").get("denominator").asLong()).isZero();
        assertThat(j.get("onTime").get("rate").isNull()).isTrue();
        assertThat(j.get("onTime").get("points").isNull()).isTrue();
    }

    @Test
    void csvExport() {
        Http.Response r = http.get(MARCH + "&format=csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.body()).contains("onTime,0.5556,55.56,11.11,5,9,false")
                .contains("reuse,0.2222,22.22,,2,9,false").contains("digitised,0.0,0.0,,0,4,false").contains("dossiers,,,,10,,false");
    }

    @Test
    void badInputIsA400ProblemWithTheReason() {
        String[] bad = {
                "/api/v1/indicators?code=IND-T1&from=2025-03-01&to=2025-03-31",                        // no level
                "/api/v1/indicators?level=ward&code=IND-T1&from=2025-03-01&to=2025-03-31",             // unknown level
                "/api/v1/indicators?level=agency&from=2025-03-01&to=2025-03-31",                       // no code
                "/api/v1/indicators?level=agency&code=IND-T1&to=2025-03-31",                           // no from
                "/api/v1/indicators?level=agency&code=IND-T1&from=2025-03-01",                         // no to
                "/api/v1/indicators?level=agency&code=IND-T1&from=01/03/2025&to=2025-03-31",           // not ISO
                "/api/v1/indicators?level=agency&code=IND-T1&from=2025-02-30&to=2025-03-31",           // no such day
                "/api/v1/indicators?level=agency&code=IND-T1&from=2025-04-01&to=2025-03-31",           // reversed
                "/api/v1/indicators?level=agency&code=IND-T1&from=2015-01-01&to=2025-03-31",           // too long
                "/api/v1/indicators?level=agency&code=IND-T1&from=2025-03-01&to=2025-03-31&lineage=yes",
                "/api/v1/indicators?level=agency&code=IND-T1&from=2025-03-01&to=2025-03-31&format=xml",
                "/api/v1/indicators?level=agency&code=a%20b&from=2025-03-01&to=2025-03-31",            // bad code
                "/api/v1/indicators?level=unit&code=99999&from=2025-03-01&to=2025-03-31",              // no such unit
                "/api/v1/indicators?level=province&code=26740&from=2025-08-01&to=2025-08-31",          // not a province
                "/api/v1/indicators?level=unit&code=79&from=2025-08-01&to=2025-08-31",                 // a province
        };
        for (String path : bad) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(path).isNotBlank();
        }
        Http.Response vi = http.get("/api/v1/indicators?level=ward&code=IND-T1&from=2025-03-01&to=2025-03-31",
                "Accept-Language", "vi");
        assertThat(vi.json().get("detail").asString()).contains("Cấp không hợp lệ");
    }

    static double hours(JsonNode times, String procedure) {
        for (JsonNode t : times) {
            if (t.get("procedureCode").asString().equals(procedure)) {
                return t.get("averageHours").asDouble();
            }
        }
        throw new AssertionError("no " + procedure + " in " + times);
    }
}
