package vn.motcua.reporting;

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
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reporting.internal.Holder;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.reporting.internal.IndicatorQueries;
import vn.motcua.reporting.internal.IndicatorService;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Electronic results, digitised dossiers, feedback handled on time and satisfaction with answers, and the field /
 * procedure filter, on one hand-computed data set (May 2025, agency IND-T7, Hồ Chí Minh City times).
 *
 * <pre>
 *     procedure   received  returned (approved)   e-result  files  counts
 * R1  PAPER       02/05     06/05 online          yes       yes    e-result, digitised
 * R2  PAPER       03/05     08/05 counter         no        yes    paper only
 * R3  PAPER       04/05     10/05 online          yes       no     e-result, not digitised (no component files)
 * R4  P9 (none)   05/05     12/05 online          yes       yes    digitised; not in the e-result denominator
 *                                                                  (P9 yields no paper result); field HO_TICH
 * R5  PAPER       06/05     13/05, DENIED         —         yes    not counted (a refusal is not the result)
 * R6  PAPER       07/05     02/06                 yes       yes    returned after May: not counted
 * R7  PAPER       20/04     03/05 online          yes       yes    received in April, returned in May: counted
 * </pre>
 * Electronic results: paper results returned in May R1 R2 R3 R7 = 4, e-results R1 R3 R7 = 3 → 0.75. Digitised:
 * approved results returned in May R1 R2 R3 R4 R7 = 5, with files and an e-result R1 R4 R7 = 3 → 0.6.
 *
 * <pre>
 *     question received  answer due  answered / state        counts
 * Q1  02/05              20/05       15/05                   on time
 * Q2  03/05              10/05       12/05                   late
 * Q3  20/05              10/06       open                    in progress, not yet due: on time
 * Q4  05/05              25/05       open                    late (due passed before the period's end)
 * Q5  06/05              25/05       refused 07/05           not counted
 * Q6  10/04              30/04       28/04                   answered before May: not counted
 * Q7  15/04              08/05       09/05                   answered in May, late
 * </pre>
 * Feedback on time: Q1 Q3 of Q1 Q2 Q3 Q4 Q7 → 2/5 = 0.4. Ratings given in May: Q1 useful, Q2 not useful, Q6
 * useful (Q1's second rating is in June) → 2/3 = 0.6667.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorResultsTest {

    static final String TAG = "IND7";
    static final String AGENCY = "IND-T7";
    static final String PAPER = "9.923007";
    static final String MAY = "/api/v1/indicators?level=agency&code=" + AGENCY + "&from=2025-05-01&to=2025-05-31";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorCatchUp catchUp;
    @Autowired
    IndicatorService service;
    @Autowired
    IndicatorQueries live;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    java.time.Clock clock;
    Http http;
    String paper;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        http = new Http(port);
        deleteQuestions();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        // A procedure that names its result document (as the catalogue's imported ones do), in force since 2020; its
        // own code, so no earlier look-up has cached it.
        paper = PAPER;
        jdbc.sql("delete from catalogue_version where procedure_code = ?").param(PAPER).update();
        jdbc.sql("delete from catalogue_procedure where code = ?").param(PAPER).update();
        jdbc.sql("""
                insert into catalogue_procedure (code, name, result, source, search_name, search_text)
                values (?, 'Thủ tục thử có kết quả giấy', 'Giấy chứng nhận thử', 'TEST', 'thu tuc thu', 'thu tuc thu')
                """).param(PAPER).update();
        jdbc.sql("""
                insert into catalogue_version (id, procedure_code, version_no, status, valid_from, published_at)
                values (?, ?, 1, 'PUBLISHED', date '2020-01-01', now())
                """).params(UUID.randomUUID(), PAPER).update();
        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        DossierState acc = DossierState.ACCEPTED;

        UUID r1 = result(f, paper, "2025-05-02T08:00", "2025-05-06T10:00", "ONLINE", true, true);
        UUID r2 = result(f, paper, "2025-05-03T08:00", "2025-05-08T10:00", "COUNTER", false, true);
        result(f, paper, "2025-05-04T08:00", "2025-05-10T10:00", "ONLINE", true, false);
        UUID r4 = result(f, "P9", "2025-05-05T08:00", "2025-05-12T10:00", "ONLINE", true, true);
        f.field(r4, "HO_TICH");
        UUID r5 = result(f, paper, "2025-05-06T08:00", "2025-05-13T10:00", "ONLINE", false, true);
        f.denied(r5);
        result(f, paper, "2025-05-07T08:00", "2025-06-02T10:00", "ONLINE", true, true);
        result(f, paper, "2025-04-20T08:00", "2025-05-03T10:00", "ONLINE", true, true);
        assertThat(r1).isNotEqualTo(r2);

        question("Q1", "2025-05-02T08:00", "2025-05-20T17:00", "2025-05-15T10:00", "PUBLISHED", null);
        question("Q2", "2025-05-03T08:00", "2025-05-10T17:00", "2025-05-12T10:00", "PUBLISHED", null);
        question("Q3", "2025-05-20T08:00", "2025-06-10T17:00", null, "PROCESSING", null);
        question("Q4", "2025-05-05T08:00", "2025-05-25T17:00", null, "PROCESSING", null);
        question("Q5", "2025-05-06T08:00", "2025-05-25T17:00", null, "REFUSED", "2025-05-07T10:00");
        question("Q6", "2025-04-10T08:00", "2025-04-30T17:00", "2025-04-28T10:00", "PUBLISHED", null);
        question("Q7", "2025-04-15T08:00", "2025-05-08T17:00", "2025-05-09T10:00", "PUBLISHED", null);
        rating("Q1", "a", true, "2025-05-16T09:00");
        rating("Q1", "b", true, "2025-06-02T09:00");
        rating("Q2", "a", false, "2025-05-13T09:00");
        rating("Q6", "a", true, "2025-05-20T09:00");
        catchUp.run(true);
    }

    private static UUID result(IndicatorFixtures f, String procedure, String received, String returned, String channel,
                               boolean eResult, boolean files) {
        UUID id = f.dossier(AGENCY, procedure, DossierState.ACCEPTED, received, received.substring(0, 8) + "28T17:00");
        f.channel(id, channel);
        f.decided(id, returned.substring(0, 11) + "08:00");
        f.returned(id, returned, channel);
        if (files) {
            f.attachment(id, false);
        }
        if (eResult) {
            f.eResult(id);
        }
        return id;
    }

    private void question(String code, String received, String due, String answered, String state, String closed) {
        jdbc.sql("""
                insert into question (id, code, subject, body, place_code, agency_code, agency_name, state, received_at,
                                      clock_from, answer_due_at, answered_at, closed_at)
                values (?, ?, 'Hỏi', 'Nội dung', '26740', ?, 'Cơ quan thử', ?, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), TAG + "-" + code, AGENCY, state, IndicatorFixtures.ts(received),
                IndicatorFixtures.ts(received), IndicatorFixtures.ts(due),
                answered == null ? null : IndicatorFixtures.ts(answered),
                closed == null ? null : IndicatorFixtures.ts(closed)).update();
    }

    private void rating(String code, String user, boolean useful, String at) {
        jdbc.sql("insert into question_rating (question_id, username, useful, at) select id, ?, ?, ? from question where code = ?")
                .params(user, useful, IndicatorFixtures.ts(at), TAG + "-" + code).update();
    }

    private void deleteQuestions() {
        jdbc.sql("delete from question_rating where question_id in (select id from question where code like ?)")
                .param(TAG + "-%").update();
        jdbc.sql("delete from question where code like ?").param(TAG + "-%").update();
    }

    @AfterAll
    void cleanUp() {
        deleteQuestions();
        jdbc.sql("delete from catalogue_version where procedure_code = ?").param(PAPER).update();
        jdbc.sql("delete from catalogue_procedure where code = ?").param(PAPER).update();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    JsonNode get(String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void electronicResultsOverPaperResultsReturnedInThePeriod() {
        JsonNode e = get(MAY).get("electronicResults");
        assertThat(e.get("numerator").asLong()).isEqualTo(3);
        assertThat(e.get("denominator").asLong()).isEqualTo(4);
        assertThat(e.get("rate").asDouble()).isEqualTo(0.75);
        assertThat(e.has("notAvailable")).isFalse();
    }

    @Test
    void digitisedDossiersHaveFilesAndAnElectronicResult() {
        JsonNode d = get(MAY).get("digitised");
        assertThat(d.get("numerator").asLong()).isEqualTo(3);
        assertThat(d.get("denominator").asLong()).isEqualTo(5);
        assertThat(d.get("rate").asDouble()).isEqualTo(0.6);
    }

    @Test
    void feedbackHandledOnTimeAndSatisfactionWithAnswers() {
        JsonNode j = get(MAY);
        JsonNode on = j.get("feedbackOnTime");
        assertThat(on.get("numerator").asLong()).isEqualTo(2);
        assertThat(on.get("denominator").asLong()).isEqualTo(5);
        assertThat(on.get("rate").asDouble()).isEqualTo(0.4);
        JsonNode s = j.get("answerSatisfaction");
        assertThat(s.get("numerator").asLong()).isEqualTo(2);
        assertThat(s.get("denominator").asLong()).isEqualTo(3);
        assertThat(s.get("rate").asDouble()).isEqualTo(0.6667);
    }

    @Test
    void filtersByProcedureAndField() {
        JsonNode p = get(MAY + "&procedure=" + paper);
        assertThat(p.get("procedure").asString()).isEqualTo(paper);
        assertThat(p.get("electronicResults").get("numerator").asLong()).isEqualTo(3);
        assertThat(p.get("electronicResults").get("denominator").asLong()).isEqualTo(4);
        // R1 and R7 of R1 R2 R3 R7 (R4 is of another procedure).
        assertThat(p.get("digitised").get("numerator").asLong()).isEqualTo(2);
        assertThat(p.get("digitised").get("denominator").asLong()).isEqualTo(4);
        assertThat(p.get("feedbackOnTime").get("notAvailable").asBoolean()).isTrue();
        JsonNode f = get(MAY + "&field=HO_TICH");
        assertThat(f.get("digitised").get("numerator").asLong()).isEqualTo(1);
        assertThat(f.get("digitised").get("denominator").asLong()).isEqualTo(1);
        assertThat(f.get("electronicResults").get("denominator").asLong()).isZero();
        assertThat(http.get(MAY + "&field=h%C3%B4").status()).isEqualTo(400);
    }

    @Test
    void aMonthlySeriesHasTheSameFiguresAsEachMonthAskedAlone() {
        JsonNode j = get("/api/v1/indicators?level=agency&code=" + AGENCY + "&from=2025-04-01&to=2025-06-30&series=month");
        JsonNode series = j.get("series");
        assertThat(series).hasSize(3);
        assertThat(series.get(1).get("period").asString()).isEqualTo("2025-05");
        assertThat(series.get(1).get("from").asString()).isEqualTo("2025-05-01");
        assertThat(series.get(1).get("to").asString()).isEqualTo("2025-05-31");
        JsonNode may = get(MAY);
        for (String name : new String[] {"electronicResults", "digitised", "onTime", "onlineSubmission"}) {
            assertThat(series.get(1).get(name).get("numerator").asLong()).as(name)
                    .isEqualTo(may.get(name).get("numerator").asLong());
            assertThat(series.get(1).get(name).get("denominator").asLong()).as(name)
                    .isEqualTo(may.get(name).get("denominator").asLong());
        }
        assertThat(series.get(1).get("dossiers").asLong()).isEqualTo(may.get("dossiers").asLong());
        // June: R6 returned on 2 June with files and an e-result.
        assertThat(series.get(2).get("digitised").get("numerator").asLong()).isEqualTo(1);
        assertThat(series.get(2).get("digitised").get("denominator").asLong()).isEqualTo(1);
        JsonNode quarters = get("/api/v1/indicators?level=agency&code=" + AGENCY
                + "&from=2025-04-01&to=2025-06-30&series=quarter").get("series");
        assertThat(quarters).hasSize(1);
        assertThat(quarters.get(0).get("period").asString()).isEqualTo("2025-Q2");
        assertThat(quarters.get(0).get("digitised").get("denominator").asLong()).isEqualTo(6);
        assertThat(http.get(MAY + "&series=week").status()).isEqualTo(400);
    }

    @Test
    void theAggregatesGiveTheLiveResultFigures() {
        List<Holder> holders = List.of(new Holder(AGENCY, null, null));
        LocalDate from = LocalDate.of(2025, 5, 1);
        LocalDate to = LocalDate.of(2025, 5, 31);
        Instant now = clock.instant();
        IndicatorService.Figures fig = service.figures(holders, from, to, now);
        assertThat(fig.source()).isEqualTo("aggregates");
        Instant start = from.atStartOfDay(IndicatorFixtures.VN).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(IndicatorFixtures.VN).toInstant();
        List<IndicatorQueries.ProcedureSum> expected = live.resolutionTimes(holders, start, end, end, null);
        assertThat(fig.procedures()).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            IndicatorQueries.ProcedureSum a = fig.procedures().get(k);
            IndicatorQueries.ProcedureSum b = expected.get(k);
            assertThat(a.procedureCode()).isEqualTo(b.procedureCode());
            assertThat(List.of(a.finished(), a.results(), a.eResults(), a.digitised()))
                    .isEqualTo(List.of(b.finished(), b.results(), b.eResults(), b.digitised()));
            assertThat(a.seconds()).isCloseTo(b.seconds(), within(0.01));
        }
        assertThat(expected.stream().mapToLong(IndicatorQueries.ProcedureSum::results).sum()).isEqualTo(5);
    }
}
