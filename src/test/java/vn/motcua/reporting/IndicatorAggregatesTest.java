package vn.motcua.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reporting.internal.Holder;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.reporting.internal.IndicatorQueries;
import vn.motcua.reporting.internal.IndicatorService;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The daily aggregates give the same figures as the live tables: every raw count of the indicators, for periods
 * inside the aggregated days, across their end (aggregates + the live delta of today), and on one day; a late change
 * (a second supplement request on an old dossier, recorded in its history) is folded in by the next run; the run is
 * idempotent and skips while another node holds the lock.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorAggregatesTest {

    static final String TAG = "IAGG";
    static final String AGENCY = "IND-AGG";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    IndicatorCatchUp catchUp;
    @Autowired
    IndicatorService service;
    @Autowired
    IndicatorQueries live;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    IndicatorFixtures f;
    UUID inFlight;
    LocalDate today;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        today = LocalDate.now(clock.withZone(IndicatorFixtures.VN));
        DossierState acc = DossierState.ACCEPTED;
        // The hand-computed set of IndicatorApiTest, in another agency (March 2025).
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
        UUID c = f.dossier(AGENCY, "P2", acc, "2025-03-04T08:00", "2025-03-06T17:00");
        f.paused(c, "2025-03-05T08:00", "2025-03-07T08:00");
        f.dueAt(c, "2025-03-08T17:00");
        f.decided(c, "2025-03-08T10:00");
        f.rated(c, 4, "2025-03-09T09:00");
        UUID d = f.dossier(AGENCY, "P2", acc, "2025-03-05T08:00", "2025-03-20T17:00");
        f.paused(d, "2025-03-06T08:00", "2025-03-06T10:00");
        f.paused(d, "2025-03-07T08:00", "2025-03-07T10:00");
        f.decided(d, "2025-03-10T08:00");
        f.returned(d, "2025-03-10T09:00", "COUNTER");
        f.dossier(AGENCY, "P1", acc, "2025-03-20T08:00", "2025-04-15T17:00");
        UUID ff = f.dossier(AGENCY, "P1", acc, "2025-03-10T08:00", "2025-03-27T17:00");
        f.apology(ff, "2025-03-24T10:00", "2025-03-25T17:00", "2025-03-27T17:00");
        UUID g = f.dossier(AGENCY, "P3", acc, "2025-02-20T08:00", "2025-03-03T17:00");
        f.decided(g, "2025-03-02T10:00");
        f.returned(g, "2025-03-04T10:00", "COUNTER");
        f.rated(g, 3, "2025-04-05T09:00");
        UUID i = f.dossier(AGENCY, "P4", DossierState.SUBMITTED, "2025-03-12T08:00", null);
        f.channel(i, "ONLINE");
        f.refused(i, "2025-03-12T17:00", "2025-03-12T11:00");
        f.dossier(AGENCY, "P4", DossierState.SUBMITTED, "2025-03-28T08:00", null);
        UUID l = f.dossier(AGENCY, "P5", acc, "2025-03-11T08:00", "2025-03-18T17:00");
        f.apology(l, "2025-03-17T10:00", "2025-03-18T17:00", "2025-03-20T17:00");
        f.decided(l, "2025-03-19T10:00");
        // Still in flight: received last month, due next month (open, so the live delta always reads it).
        String lastMonth = today.minusMonths(1).withDayOfMonth(3) + "T08:00";
        inFlight = f.dossier(AGENCY, "P1", acc, lastMonth, today.plusMonths(1).withDayOfMonth(3) + "T17:00");
        catchUp.run(true);
    }

    @AfterAll
    void cleanUp() {
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
    }

    /** Figures from the aggregates (and the live delta) and from the live tables alone must be equal. */
    void sameAsLive(LocalDate from, LocalDate to) {
        List<Holder> holders = List.of(new Holder(AGENCY, null, null));
        Instant now = clock.instant();
        IndicatorService.Figures fig = service.figures(holders, from, to, now);
        Instant start = from.atStartOfDay(IndicatorFixtures.VN).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(IndicatorFixtures.VN).toInstant();
        Instant judge = now.isBefore(end) ? now : end;
        IndicatorQueries.Totals expected = live.totals(holders, start, end, judge, null);
        assertThat(fig.source()).as(from + ".." + to).contains("aggregates");
        assertThat(fig.totals()).as(from + ".." + to + " (" + fig.source() + ")").isEqualTo(expected);
        List<IndicatorQueries.ProcedureSum> times = live.resolutionTimes(holders, start, end, judge, null);
        assertThat(fig.procedures()).hasSameSizeAs(times);
        for (int k = 0; k < times.size(); k++) {
            assertThat(fig.procedures().get(k).procedureCode()).isEqualTo(times.get(k).procedureCode());
            assertThat(fig.procedures().get(k).finished()).isEqualTo(times.get(k).finished());
            assertThat(fig.procedures().get(k).seconds()).isCloseTo(times.get(k).seconds(), within(0.01));
        }
    }

    @Test
    void theAggregatesGiveTheLiveFigures() {
        assertThat(catchUp.throughDay()).contains(today.minusDays(1));
        sameAsLive(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        sameAsLive(LocalDate.of(2025, 3, 6), LocalDate.of(2025, 3, 6));
        sameAsLive(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30));
        sameAsLive(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 20));
        // The hand-computed figures of IndicatorApiTest (J is not online here): 5 of 9 on time, 2 letters.
        IndicatorQueries.Totals march = service.figures(List.of(new Holder(AGENCY, null, null)),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), clock.instant()).totals();
        assertThat(march.onTime()).isEqualTo(5);
        assertThat(march.toProcess()).isEqualTo(9);
        assertThat(march.dossiers()).isEqualTo(10);
        assertThat(march.apologiesIssued()).isEqualTo(2);
        assertThat(march.lateWithApology()).isEqualTo(2);
        assertThat(march.secondSupplement()).isEqualTo(1);
        assertThat(march.ratingSum()).isEqualTo(11);
        assertThat(march.reused()).isEqualTo(1);
    }

    @Test
    void todayIsAddedLiveToTheAggregatedDays() {
        LocalDate from = today.minusMonths(2).withDayOfMonth(1);
        long before = service.figures(List.of(new Holder(AGENCY, null, null)), from, today, clock.instant())
                .totals().received();
        // Received a minute ago, through the bulk path (it writes the history row at the receipt time).
        UUID now = UUID.randomUUID();
        Instant received = clock.instant().minusSeconds(60);
        bulk.insert(List.of(new DossierBulk.NewDossier(now, null, "P1", "Thủ tục P1", DossierState.ACCEPTED,
                TAG + "-today", "0900000000", null, null, "1 Đường Thử", AGENCY, AGENCY, received,
                received.plusSeconds(5 * 86_400))));
        IndicatorService.Figures fig = service.figures(List.of(new Holder(AGENCY, null, null)), from, today,
                clock.instant());
        assertThat(fig.source()).contains("live since");
        assertThat(fig.totals().received()).isEqualTo(before + 1);
        sameAsLive(from, today);
        sameAsLive(today.minusDays(1), today);
    }

    @Test
    void aLateChangeIsFoldedInByTheNextRun() {
        LocalDate month = today.minusMonths(1).withDayOfMonth(1);
        LocalDate to = today.minusDays(1);
        long second = service.figures(List.of(new Holder(AGENCY, null, null)), month, to, clock.instant())
                .totals().secondSupplement();
        // Two supplement requests on the dossier in flight since last month, as processing records them: pauses
        // and history rows written now.
        Instant t = clock.instant();
        jdbc.sql("insert into dossier_pause (dossier_id, paused_at, resumed_at) values (?, ?, ?), (?, ?, ?)")
                .params(inFlight, Timestamp.from(t.minusSeconds(7200)), Timestamp.from(t.minusSeconds(6000)),
                        inFlight, Timestamp.from(t.minusSeconds(3600)), Timestamp.from(t.minusSeconds(3000))).update();
        jdbc.sql("""
                insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor)
                select ?, coalesce(max(seq), 0) + 1, ?, 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'PROCESSING_PAUSED', 'test'
                from dossier_event where dossier_id = ?
                """).params(inFlight, Timestamp.from(t), inFlight).update();
        IndicatorCatchUp.Run run = catchUp.run(true);
        assertThat(run.ran()).isTrue();
        assertThat(run.lateDays()).as("days from its receipt last month re-done").isGreaterThan(0);
        assertThat(service.figures(List.of(new Holder(AGENCY, null, null)), month, to, clock.instant())
                .totals().secondSupplement()).isEqualTo(second + 1);
        sameAsLive(month, to);
        // A second run with nothing new changes nothing.
        IndicatorCatchUp.Run again = catchUp.run(true);
        assertThat(again.lateDays()).isZero();
        sameAsLive(month, to);
    }

    @Test
    void aRunSkipsWhileAnotherNodeHoldsTheLock() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)::text").param(0x766_0001L).query(String.class).single();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(catchUp.run(false).ran()).isFalse();
        } finally {
            release.countDown();
            other.join();
        }
        assertThat(catchUp.run(false).ran()).isTrue();
    }
}
