package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.motcua.reporting.internal.AggregateQueries;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.reporting.internal.SideBySide;
import vn.motcua.reporting.internal.IndicatorService;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.StatementCounter;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Territory;

/**
 * Indicator latency and catch-up time over many dossiers of Hồ Chí Minh City's 168 wards (received July 2025 – June
 * 2026, written set-based in receipt order by {@link IndicatorBenchData}), through the public API and the province page.
 * Prints, asserts nothing. Run: {@code ./mvnw -q -B -Pbench test -Dtest=IndicatorBench
 * -Dindicators.bench.dossiers=10000000} (the size; the default is 100,000; {@code -Dindicators.bench.day=100000}
 * the dossiers of yesterday, whose catch-up is timed). Issue 23 targets ≤ 500 ms p95 at 10,000,000 and ≤ 30 s for the
 * catch-up of a day of 100,000: the answers read the daily aggregates (docs/indicators.md "Scale"), which the bench
 * builds first. The application's audit sealer and late watch are off: the sealer would hash every bench history row
 * (tens of millions, written at once here, over a year in production) and the watch would scan the open dossiers every
 * minute, both competing with what is measured (docs/indicators.md, "Bench").
 */
@IntegrationTest
@Import(StatementCounter.class)
@TestPropertySource(properties = {"motcua.audit.seal=false", "motcua.processing.watch-interval=P1D"})
class IndicatorBench {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorCatchUp catchUp;
    @Autowired
    IndicatorService service;
    @Autowired
    java.time.Clock clock;
    @Autowired
    SideBySide sideBySide;
    @Autowired
    AggregateQueries aggregates;

    @Test
    void latencyOverManyDossiers() {
        long n = Long.getLong("indicators.bench.dossiers", 100_000);
        referenceData.ensureAll();
        List<AdministrativeUnit> wards = territory.children("79", LocalDate.of(2025, 8, 1));
        IndicatorBenchData data = new IndicatorBenchData(jdbc, wards);
        long t0 = System.nanoTime();
        data.build("IBENCH", n, IndicatorFixtures.vn("2025-07-01T00:00"), 365L * 86_400, true);
        long inserted = System.nanoTime();
        for (String t : List.of("dossier", "dossier_result", "dossier_event", "dossier_pause")) {
            jdbc.sql("vacuum analyze " + t).update();   // also summarises the BRIN ranges
        }
        long analysed = System.nanoTime();
        System.out.printf("IndicatorBench: %,d dossiers in %d wards inserted in %.1f s (dossiers, results, pauses, "
                + "history), vacuum analyze %.1f s%n", n, wards.size(), (inserted - t0) / 1e9, (analysed - inserted) / 1e9);

        // The daily aggregates: the first catch-up over the whole history (chunk times in the log, INFO).
        IndicatorCatchUp.Run first = catchUp.run(true);
        System.out.printf("IndicatorBench: first catch-up: %d days aggregated in %.1f s%n", first.newDays(),
                first.millis() / 1e3);
        System.out.printf("IndicatorBench: build (insert, vacuum, first catch-up) %.1f s; database %s, dossier %s, "
                + "dossier_result %s, dossier_event %s, dossier_pause %s, reporting_day %s (%,d rows)%n",
                (System.nanoTime() - t0) / 1e9, size("pg_database_size(current_database())"),
                size("pg_total_relation_size('dossier')"), size("pg_total_relation_size('dossier_result')"),
                size("pg_total_relation_size('dossier_event')"), size("pg_total_relation_size('dossier_pause')"),
                size("pg_total_relation_size('reporting_day')"),
                jdbc.sql("select count(*) from reporting_day").query(Long.class).single());
        // An early chunk (history build: most of the table received after it) and one near the end, as run.
        for (LocalDate c1 : List.of(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 5, 1))) {
            System.out.println("IndicatorBench: EXPLAIN (ANALYZE, BUFFERS) of the catch-up chunk " + c1 + ".."
                    + c1.plusDays(30) + " (rolled back):");
            catchUp.explainChunk(c1, c1.plusDays(30)).forEach(l -> System.out.println("  " + l));
        }

        // Yesterday: the nightly catch-up's day, its dossiers received 07:00–17:00 and in flight.
        long dayN = Long.getLong("indicators.bench.day", 100_000);
        LocalDate day = LocalDate.now(clock.withZone(IndicatorFixtures.VN)).minusDays(1);
        data.build("IBENCHD", dayN, day.atStartOfDay(IndicatorFixtures.VN).toInstant().plusSeconds(7 * 3600),
                10L * 3600, false);
        jdbc.sql("analyze dossier").update();
        long d0 = System.nanoTime();
        int rows = catchUp.redo(day, day, null);
        System.out.printf("IndicatorBench: catch-up of yesterday (%s) after a day of %,d dossiers: %,d rows in %.1f s "
                + "(target ≤ 30 s)%n", day, dayN, rows, (System.nanoTime() - d0) / 1e9);
        System.out.println("IndicatorBench: EXPLAIN (ANALYZE, BUFFERS) of the catch-up of yesterday (rolled back):");
        catchUp.explainChunk(day, day).forEach(l -> System.out.println("  " + l));

        Http http = new Http(port);
        // Ward 26740 (Phường Sài Gòn) has predecessors (the 1 July 2025 merge), province 79 too (79 + 74 + 77).
        for (String lineage : List.of("false", "true")) {
            String l = "&lineage=" + lineage;
            measure(http, "province 79, a year, lineage " + lineage, "level=province&code=79&from=2025-07-01&to=2026-06-30" + l);
            measure(http, "ward 26740, a year, lineage " + lineage, "level=unit&code=26740&from=2025-07-01&to=2026-06-30" + l);
            measure(http, "agency UBND-26740, a month, lineage " + lineage,
                    "level=agency&code=UBND-26740&from=2025-09-01&to=2025-09-30" + l);
            measure(http, "ward 26740, 2025, lineage " + lineage, "level=unit&code=26740&from=2025-01-01&to=2025-12-31" + l);
        }
        Http admin = new Http(port);
        if (admin.login("quantri", "demo").status() != 302) {
            throw new IllegalStateException("quantri cannot sign in");
        }
        measure(admin, "province page 79, a year", "/workbench/indicators/province?code=79&from=2025-07-01&to=2026-06-30");
        measure(admin, "province page 79, a month", "/workbench/indicators/province?code=79&from=2025-09-01&to=2025-09-30");
        // What one province answer sends and reads (the aggregates, not the dossier tables), on this thread.
        for (boolean lineage : List.of(false, true)) {
            var q = new IndicatorService.Query(Level.PROVINCE, "79", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30),
                    lineage);
            var trips = StatementCounter.record(() -> service.indicators(q)).trips();
            long live = trips.statements().stream().filter(st -> st.matches("(?s).*\\bfrom dossier\\b.*")).count();
            System.out.printf("IndicatorBench: province 79, a year, lineage %s: %d statements, %d of them reading the "
                    + "dossier table%n", lineage, trips.count(), live);
        }
        // Where a province year's time goes, in process (no HTTP): the selection, the figures, the whole answer, the
        // page's side-by-side lines; and the plan of the aggregate sums over the province's windows.
        var year = new IndicatorService.Query(Level.PROVINCE, "79", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30),
                false);
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            var sel = service.select(year);
            long b = System.nanoTime();
            var fig = service.figures(sel.holders(), year.from(), year.to(), clock.instant());
            long c = System.nanoTime();
            service.indicators(year);
            long d = System.nanoTime();
            var page = StatementCounter.record(() -> sideBySide.under("79", year.from(), year.to(), true));
            long e = System.nanoTime();
            System.out.printf("IndicatorBench: province year in process: selection %.0f ms (%d windows), figures %.0f ms "
                    + "(%s), whole answer %.0f ms, page lines %.0f ms (%d lines, %d statements)%n", (b - a) / 1e6,
                    sel.holders().size(), (c - b) / 1e6, fig.source(), (d - c) / 1e6, (e - d) / 1e6,
                    page.value().units().size() + page.value().agencies().size(), page.trips().count());
        }
        System.out.println("IndicatorBench: EXPLAIN (ANALYZE, BUFFERS) of the sums over the province's windows, a year:");
        aggregates.explainSums(service.select(year).holders(), year.from(), year.to())
                .forEach(l -> System.out.println("  " + l));
        // The database goes away with the embedded server: no clean-up of the bench's rows.
    }

    String size(String expression) {
        return jdbc.sql("select pg_size_pretty(" + expression + ")").query(String.class).single();
    }

    static void measure(Http http, String what, String query) {
        double[] ms = new double[20];
        String dossiers = "";
        boolean page = query.startsWith("/");
        for (int i = -3; i < ms.length; i++) {                     // three warm-up calls
            long t = System.nanoTime();
            Http.Response r = http.get(page ? query : "/api/v1/indicators?" + query);
            if (r.status() != 200) {
                throw new IllegalStateException(r.body());
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            if (page) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"dossiers\">([^<]*)<").matcher(r.body());
                dossiers = m.find() ? m.group(1) : "?";
            } else {
                dossiers = r.json().get("dossiers").toString();
            }
        }
        Arrays.sort(ms);
        System.out.printf("IndicatorBench: %-44s dossiers %10s  p50 %8.1f ms  p95 %8.1f ms%n", what, dossiers,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]);
    }
}
