package vn.motcua.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Territory;

/**
 * Indicator latency over many dossiers of Hồ Chí Minh City's 168 wards (received July 2025 – June 2026, half finished
 * on time or late, a fifth online, a tenth rated), through the public API: province for a year, a ward for a year, an
 * agency for a month; p50 / p95 of 20 calls each. Prints, asserts nothing.
 * Run: {@code ./mvnw -Pbench test -Dtest=IndicatorBench -Dindicators.bench.dossiers=10000000} (the size; the
 * default is 100,000; {@code -Dindicators.bench.day=100000} the dossiers of the one day whose catch-up is timed). Issue 23
 * targets ≤ 500 ms p95 at 10,000,000 and ≤ 30 s for the catch-up of a day of 100,000: the answers read the daily
 * aggregates (docs/indicators.md "Scale"), which the bench builds first.
 */
@IntegrationTest
class IndicatorBench {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    Territory territory;
    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorCatchUp catchUp;
    @Autowired
    java.time.Clock clock;

    @Test
    void latencyOverManyDossiers() {
        int n = Integer.getInteger("indicators.bench.dossiers", 100_000);
        referenceData.ensureAll();
        String tag = "IBENCH";
        IndicatorFixtures.delete(jdbc, catchUp, tag);
        List<AdministrativeUnit> wards = territory.children("79", LocalDate.of(2025, 8, 1));
        Instant start = IndicatorFixtures.vn("2025-07-01T08:00");
        long t0 = System.nanoTime();
        int chunk = 100_000;
        for (int i = 0; i < n; i += chunk) {
            List<DossierBulk.NewDossier> part = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + chunk); j++) {
                AdministrativeUnit w = wards.get(j % wards.size());
                Instant received = start.plusSeconds(60L * ((j * 7919L) % (365L * 24 * 60)));
                part.add(new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.001193", "Đăng ký khai sinh",
                        DossierState.ACCEPTED, tag + "-" + j, "0900000000", null, w.code(), "1 Đường Thử",
                        "UBND-" + w.code(), "UBND " + w.name(), received, received.plusSeconds(5L * 86_400)));
            }
            bulk.insert(part);
        }
        long inserted = System.nanoTime();
        outcomes(tag + "-%");
        long prepared = System.nanoTime();
        System.out.printf("IndicatorBench: %,d dossiers in %d wards: inserted in %.1f s, outcomes in %.1f s%n", n,
                wards.size(), (inserted - t0) / 1e9, (prepared - inserted) / 1e9);

        // The daily aggregates: the first catch-up over the whole history, then one day of 100,000 dossiers.
        IndicatorCatchUp.Run first = catchUp.run(true);
        System.out.printf("IndicatorBench: first catch-up: %d days aggregated in %.1f s%n", first.newDays(),
                first.millis() / 1e3);
        System.out.printf("IndicatorBench: build (insert, outcomes, first catch-up) %.1f s; database %s, dossier %s, "
                + "dossier_result %s, dossier_event %s, reporting_day %s (%,d rows)%n", (System.nanoTime() - t0) / 1e9,
                size("pg_database_size(current_database())"), size("pg_total_relation_size('dossier')"),
                size("pg_total_relation_size('dossier_result')"), size("pg_total_relation_size('dossier_event')"),
                size("pg_total_relation_size('reporting_day')"),
                jdbc.sql("select count(*) from reporting_day").query(Long.class).single());
        // One chunk of the history build near its end (the most dossiers received before its end), as run.
        LocalDate c1 = LocalDate.of(2026, 5, 1);
        System.out.println("IndicatorBench: EXPLAIN (ANALYZE, BUFFERS) of the catch-up chunk " + c1 + ".." + c1.plusDays(30)
                + " (rolled back):");
        catchUp.explainChunk(c1, c1.plusDays(30)).forEach(l -> System.out.println("  " + l));
        int dayN = Integer.getInteger("indicators.bench.day", 100_000);
        // Yesterday: the nightly catch-up's day (its chunk selects by the candidates' ranges, AggregateQueries.REDO).
        LocalDate day = LocalDate.now(clock.withZone(IndicatorFixtures.VN)).minusDays(1);
        Instant dayStart = day.atStartOfDay(IndicatorFixtures.VN).toInstant().plusSeconds(7 * 3600);
        List<DossierBulk.NewDossier> part = new ArrayList<>();
        for (int j = 0; j < dayN; j++) {
            AdministrativeUnit w = wards.get(j % wards.size());
            Instant received = dayStart.plusMillis(j * (10L * 3600 * 1000 / dayN));
            part.add(new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.001193", "Đăng ký khai sinh",
                    DossierState.ACCEPTED, tag + "D-" + j, "0900000000", null, w.code(), "1 Đường Thử",
                    "UBND-" + w.code(), "UBND " + w.name(), received, received.plusSeconds(5L * 86_400)));
            if (part.size() == 50_000) {
                bulk.insert(part);
                part.clear();
            }
        }
        bulk.insert(part);
        outcomes(tag + "D-%");
        long d0 = System.nanoTime();
        int rows = catchUp.redo(day, day, null);
        System.out.printf("IndicatorBench: catch-up of yesterday (%s) after a day of %,d dossiers: %,d rows in %.1f s%n",
                day, dayN, rows, (System.nanoTime() - d0) / 1e9);
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
        if (!Boolean.getBoolean("indicators.bench.keep")) {
            IndicatorFixtures.delete(jdbc, catchUp, tag + "D");
            IndicatorFixtures.delete(jdbc, catchUp, tag);
        }
    }

    /** Outcomes, set-based: every dossier decided (two thirds in 3 days, a third in 7), a fifth online, a tenth rated. */
    void outcomes(String like) {
        jdbc.sql("update dossier set channel = 'ONLINE' where applicant_name like ? and hashtext(id::text) % 5 = 0")
                .param(like).update();
        jdbc.sql("""
                insert into dossier_result (dossier_id, outcome, summary, file_name, content_type, content, generated,
                                            decided_by, decided_at, returned_at, delivery, rating, rated_at)
                select id, 'APPROVED', 'x', 'kq.pdf', 'application/pdf', '\\x00'::bytea, true, 'bench',
                       received_at + case when hashtext(id::text) % 3 = 0 then interval '7 days' else interval '3 days' end,
                       received_at + interval '8 days', 'ONLINE',
                       case when hashtext(id::text) % 5 = 0 then 1 + abs(hashtext(id::text)) % 5 end,
                       case when hashtext(id::text) % 5 = 0 then received_at + interval '9 days' end
                from dossier where applicant_name like ?
                """).param(like).update();
        jdbc.sql("update dossier d set state = 'RETURNED', closed_at = r.returned_at from dossier_result r "
                + "where r.dossier_id = d.id and d.applicant_name like ? and d.closed_at is null").param(like).update();
        jdbc.sql("analyze dossier").update();
        jdbc.sql("analyze dossier_result").update();
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
