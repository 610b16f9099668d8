package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.imports.TerritoryImporter;

/** Prints the national import time and as-of lookup throughput. Run: ./mvnw -Pbench test -Dtest=TerritoryBench */
@IntegrationTest
class TerritoryBench {

    @Autowired
    TerritoryImporter importer;
    @Autowired
    Territory territory;
    @Autowired
    AddressLookup lookup;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importAndLookups() {
        long t0 = System.nanoTime();
        TerritoryImporter.ImportReport units = importer.importUnits();
        long t1 = System.nanoTime();
        int agencies = importer.importAgencies();
        long t2 = System.nanoTime();
        System.out.printf("%nTERRITORY BENCH%n");
        System.out.printf("national import (fresh DB): units+lineage %d ms (parse %d ms), agencies (%d) %d ms, total %d ms%n",
                (t1 - t0) / 1_000_000, units.parseMillis(), agencies, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
        System.out.printf("  %s%n", units);
        long t3 = System.nanoTime();
        importer.importUnits();
        importer.importAgencies();
        System.out.printf("re-import (idempotent, nothing changes): %d ms%n", (System.nanoTime() - t3) / 1_000_000);
        long t4 = System.nanoTime();
        importer.forget();
        importer.ensureLoaded();
        System.out.printf("ensureLoaded() when already loaded: %.2f ms%n", (System.nanoTime() - t4) / 1e6);

        List<String> codes = jdbc.sql("select distinct code from territory_unit").query(String.class).list();
        LocalDate[] dates = {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1)};
        for (int round = 0; round < 3; round++) {
            SplittableRandom rnd = new SplittableRandom(42);
            int n = 5_000_000;
            int hits = 0;
            long s = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (territory.unit(codes.get(rnd.nextInt(codes.size())), dates[rnd.nextInt(dates.length)]).isPresent()) {
                    hits++;
                }
            }
            double secs = (System.nanoTime() - s) / 1e9;
            System.out.printf("as-of unit lookups, 1 thread, round %d: %,.0f /s (%d of %d found)%n", round + 1, n / secs, hits, n);
        }
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200_000;
        long s = System.nanoTime();
        for (int i = 0; i < n; i++) {
            territory.successors(codes.get(rnd.nextInt(codes.size())), LocalDate.of(2025, 6, 30));
        }
        System.out.printf("successors (transitive), 1 thread: %,.0f /s%n", n / ((System.nanoTime() - s) / 1e9));
        String[] names = {"Phường Đa Kao", "ben nghe", "Phường 1", "Tân Định", "Xa Qui Duc", "Thủy"};
        n = 100_000;
        s = System.nanoTime();
        for (int i = 0; i < n; i++) {
            lookup.resolve(names[i % names.length], null, null, LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1));
        }
        System.out.printf("old-address lookups by name, 1 thread: %,.0f /s%n%n", n / ((System.nanoTime() - s) / 1e9));
    }
}
