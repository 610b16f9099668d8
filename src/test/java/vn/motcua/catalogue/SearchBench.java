package vn.motcua.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.support.IntegrationTest;

/** Search latency over the imported catalogue, and the hit rate on the citizen question dev set. */
@IntegrationTest
class SearchBench {

    @Autowired
    CatalogueImporter importer;
    @Autowired
    Catalogue catalogue;

    @Test
    void searchLatencyAndDevSetHitRate() throws Exception {
        importer.importAll();
        List<String[]> dev = new ArrayList<>();
        Path tsv = Path.of("../shared/eval/assistant-questions-dev.tsv");
        if (!Files.exists(tsv)) {
            tsv = Path.of("/work/shared/eval/assistant-questions-dev.tsv");
        }
        if (Files.exists(tsv)) {
            for (String line : Files.readAllLines(tsv)) {
                if (!line.startsWith("#") && line.contains("\t")) {
                    dev.add(line.split("\t"));
                }
            }
        }
        List<String> queries = new ArrayList<>(List.of("dang ky khai sinh", "đăng ký khai sinh", "ket hon", "thường trú",
                "ly lich tu phap", "ho chieu", "chung thuc ban sao", "tam tru", "cap doi can cuoc", "dang ky xe"));
        dev.forEach(d -> queries.add(d[0]));
        for (int i = 0; i < 200; i++) { // warm-up
            catalogue.search(queries.get(i % queries.size()), 10);
        }
        int n = 2000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            catalogue.search(queries.get(i % queries.size()), 10);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%nSEARCH BENCH over %d queries (%d distinct): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, queries.size(), nanos[n / 2] / 1e6, nanos[n * 95 / 100] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6);
        int top1 = 0;
        int top5 = 0;
        int answerable = 0;
        for (String[] d : dev) {
            if (d[1].strip().equals("NONE")) {
                continue;
            }
            answerable++;
            List<String> ok = List.of(d[1].strip().split(","));
            List<String> got = catalogue.search(d[0], 5).stream().map(ProcedureSummary::code).toList();
            if (!got.isEmpty() && ok.contains(got.get(0))) {
                top1++;
            }
            if (got.stream().anyMatch(ok::contains)) {
                top5++;
            } else {
                System.out.println("  miss: " + d[0] + " -> " + got + " (want " + ok + ")");
            }
        }
        System.out.printf("DEV SET: %d answerable questions, top-1 %d (%.0f%%), top-5 %d (%.0f%%)%n%n", answerable, top1,
                100.0 * top1 / Math.max(1, answerable), top5, 100.0 * top5 / Math.max(1, answerable));
    }
}
