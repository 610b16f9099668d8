package vn.motcua.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reporting.internal.Holder;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.reporting.internal.IndicatorQueries;
import vn.motcua.reporting.internal.IndicatorService;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryChanges;
import vn.motcua.territory.UnitChanges;
import vn.motcua.territory.UnitType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reorganisation effective on the 13th of a month (wards A and B merged into D on 13 March 2025): once the catch-up
 * has seen it, the answers selecting D, D with its predecessors, or A read the daily aggregates (the held key has a
 * boundary on the 13th) and equal the live-table computation; before that run they fall back to the live tables.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorMidMonthTest {

    static final String TAG = "IMID";
    static final LocalDate EFFECTIVE = LocalDate.of(2025, 3, 13);

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
    TerritoryChanges changes;
    @Autowired
    TerritoryAgencies agencies;
    @Autowired
    Clock clock;
    String a;
    String b;
    String d;
    String p;
    IndicatorService.Figures beforeTheRun;

    @BeforeAll
    void fixture() {
        referenceData.ensureAll();
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        catchUp.run(true); // the aggregates exist before the reorganisation is recorded: the incremental path
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        p = "M" + n;
        a = p + "A";
        b = p + "B";
        d = p + "D";
        LocalDate opened = LocalDate.of(2025, 1, 1);
        changes.apply(UnitChanges.builder().open(p, "Giữa Tháng " + n, "Tỉnh Giữa Tháng " + n, UnitType.PROVINCE, null)
                .open(a, "An " + n, "Phường An " + n, UnitType.WARD, p)
                .open(b, "Bình " + n, "Phường Bình " + n, UnitType.WARD, p).build(), opened, "Thử nghiệm");
        agencies.deriveAgencies(List.of(p, a, b), opened);
        changes.apply(UnitChanges.builder().close(a).close(b)
                .open(d, "Đông " + n, "Phường Đông " + n, UnitType.WARD, p)
                .link(a, d, LineageKind.MERGE, Share.FULL).link(b, d, LineageKind.MERGE, Share.FULL)
                .build(), EFFECTIVE, "Nghị quyết thử giữa tháng");
        agencies.deriveAgencies(List.of(d), EFFECTIVE);

        IndicatorFixtures f = new IndicatorFixtures(bulk, jdbc, catchUp, TAG);
        DossierState acc = DossierState.ACCEPTED;
        UUID a1 = f.dossier("UBND-" + a, "P1", acc, "2025-03-03T08:00", "2025-03-10T17:00");
        f.channel(a1, "ONLINE");
        f.decided(a1, "2025-03-07T10:00");
        f.returned(a1, "2025-03-08T10:00", "ONLINE");
        UUID a2 = f.dossier("UBND-" + a, "P1", acc, "2025-03-12T08:00", "2025-03-20T17:00");
        f.decided(a2, "2025-03-21T10:00"); // late, after the merge, still held by A's agency
        UUID b1 = f.dossier("UBND-" + b, "P2", acc, "2025-03-12T09:00", "2025-03-25T17:00");
        f.channel(b1, "ONLINE"); // open and past its date at the end of March: late
        UUID d1 = f.dossier("UBND-" + d, "P1", acc, "2025-03-13T08:00", "2025-03-20T17:00");
        f.decided(d1, "2025-03-19T10:00");
        f.rated(d1, 5, "2025-03-20T09:00");
        f.dossier("UBND-" + d, "P2", acc, "2025-03-28T08:00", "2025-04-08T17:00");  // in flight, on time
        f.dossier("UBND-" + d, "P2", acc, "2025-04-02T08:00", "2025-04-10T17:00");  // after March
        beforeTheRun = figures(IndicatorService.parse("unit", d, "2025-03-01", "2025-03-31", "false"));
    }

    @AfterAll
    void cleanUp() {
        IndicatorFixtures.delete(jdbc, catchUp, TAG);
        // Test contexts share one database and other tests count the units valid in mid-2025: close the test province.
        changes.apply(UnitChanges.builder().close(d).close(p).build(), LocalDate.of(2025, 4, 1), "Kết thúc thử nghiệm");
    }

    IndicatorService.Figures figures(IndicatorService.Query q) {
        return service.figures(service.select(q).holders(), q.from(), q.to(), clock.instant());
    }

    /** The answer's figures, checked against the live tables (the oracle); returns them. */
    IndicatorQueries.Totals sameAsLive(IndicatorService.Query q) {
        List<Holder> holders = service.select(q).holders();
        Instant now = clock.instant();
        IndicatorService.Figures fig = service.figures(holders, q.from(), q.to(), now);
        Instant start = q.from().atStartOfDay(IndicatorFixtures.VN).toInstant();
        Instant end = q.to().plusDays(1).atStartOfDay(IndicatorFixtures.VN).toInstant();
        IndicatorQueries.Totals expected = live.totals(holders, start, end, now.isBefore(end) ? now : end, null);
        assertThat(fig.source()).as(q + " " + holders).isEqualTo("aggregates");
        assertThat(fig.totals()).as(q.toString()).isEqualTo(expected);
        return fig.totals();
    }

    @Test
    void beforeTheCatchUpHasSeenTheBoundaryTheAnswerIsLive() {
        assertThat(beforeTheRun.source()).isEqualTo("live");
        assertThat(beforeTheRun.totals().received()).isEqualTo(2);
    }

    @Test
    void answersCutOnTheThirteenthReadTheAggregates() {
        IndicatorCatchUp.Run run = catchUp.run(true);
        assertThat(run.lateDays()).as("the days from the new boundary re-done").isPositive();

        List<Holder> own = service.select(IndicatorService.parse("unit", d, "2025-03-01", "2025-03-31", "false")).holders();
        assertThat(own).extracting(Holder::from).containsOnly(EFFECTIVE);

        // D alone: d1 (on time) and the one in flight (on time); received 2.
        IndicatorQueries.Totals dOnly = sameAsLive(IndicatorService.parse("unit", d, "2025-03-01", "2025-03-31", "false"));
        assertThat(dOnly.received()).isEqualTo(2);
        assertThat(dOnly.toProcess()).isEqualTo(2);
        assertThat(dOnly.onTime()).isEqualTo(2);
        assertThat(dOnly.satisfied()).isEqualTo(1);

        // D with A and B before the 13th: 5 received, on time a1 d1 d2; late a2 (decided after its date) and b1.
        IndicatorQueries.Totals lineage = sameAsLive(IndicatorService.parse("unit", d, "2025-03-01", "2025-03-31", "true"));
        assertThat(lineage.received()).isEqualTo(5);
        assertThat(lineage.toProcess()).isEqualTo(5);
        assertThat(lineage.onTime()).isEqualTo(3);
        assertThat(lineage.online()).isEqualTo(2);

        // A as of its time (valid until the 13th): a1 and a2.
        IndicatorQueries.Totals aOnly = sameAsLive(IndicatorService.parse("unit", a, "2025-03-01", "2025-03-31", "false"));
        assertThat(aOnly.received()).isEqualTo(2);
        assertThat(aOnly.onTime()).isEqualTo(1);

        // Periods starting or ending on either side of the boundary, and the following month (d2 in flight on 1 April).
        sameAsLive(IndicatorService.parse("unit", d, "2025-03-10", "2025-03-16", "true"));
        sameAsLive(IndicatorService.parse("unit", d, "2025-03-13", "2025-04-30", "false"));
        sameAsLive(IndicatorService.parse("unit", a, "2025-03-12", "2025-03-12", "false"));
    }
}
