package vn.motcua.assistant.appraisal;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.platform.reading.Scans;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue 19's targets on the labelled set ({@link LabelledSet}: the 9 e-form procedures, good and bad attachments and
 * forms, expected findings written with the set). The application runs on embedded PostgreSQL; the dossiers are
 * submitted through the API, read in the background by the real reader (Tesseract), and, once every file has a stored
 * reading (a condition polled with a timeout), appraised through {@code GET /api/v1/dossiers/{id}/appraisal}. Prints:
 * precision and recall of the MISSING, disagreement and unreadable findings per procedure and overall; the CPU time of
 * Tesseract on one A4 page at 300 dpi with the reader's command; the rules' time per procedure; the API's and the HTML
 * panel's p50/p95/max for dossiers with 3 attachments, as an officer who may act on them.
 * Run: {@code ./mvnw -q -B -Pbench test -Dtest=AppraisalBench} (the full set, 150 dossiers; {@code
 * -Dappraisal.bench.size=20} for a quick look, {@code -Dappraisal.bench.rounds=5} timed passes). Prints; asserts
 * nothing but that the submissions are taken.
 */
@IntegrationTest
class AppraisalBench {

    static final String[] KINDS = {"completeness (MISSING)", "consistency (DISAGREES)", "unreadable"};

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuleBook book;
    @Autowired
    Clock clock;

    /** True and false positives and negatives of one kind of finding. */
    static final class Count {
        int tp;
        int fp;
        int fn;

        String format() {
            return String.format("precision %5.1f %%  recall %5.1f %%  (tp %3d, fp %2d, fn %2d)",
                    tp + fp == 0 ? 100.0 : 100.0 * tp / (tp + fp), tp + fn == 0 ? 100.0 : 100.0 * tp / (tp + fn), tp, fp, fn);
        }
    }

    @Test
    void labelledSet() throws Exception {
        int size = Integer.getInteger("appraisal.bench.size", 150);
        int rounds = Integer.getInteger("appraisal.bench.rounds", 5);
        referenceData.ensureAll();
        Http http = new Http(port);
        LocalDate today = LocalDate.now(clock.withZone(AppraisalService.VN));
        long t0 = System.nanoTime();
        List<LabelledSet.Case> cases = LabelledSet.generate(size, 19, today);
        System.out.printf("AppraisalBench: %d dossiers generated in %.1f s (seed 19, %s)%n", cases.size(),
                (System.nanoTime() - t0) / 1e9, today);

        Map<Integer, String> ids = new LinkedHashMap<>();
        long t1 = System.nanoTime();
        for (LabelledSet.Case c : cases) {
            var r = http.postJson("congdan", "demo", "/api/v1/dossiers", c.body());
            if (r.status() != 201) {
                throw new AssertionError("#" + c.n() + " " + c.procedure() + " not taken: " + r.status() + " " + r.body());
            }
            ids.put(c.n(), r.json().get("id").asString());
        }
        System.out.printf("  submitted in %.1f s; waiting for the background reading%n", (System.nanoTime() - t1) / 1e9);
        long t2 = System.nanoTime();
        String[] idArray = ids.values().toArray(String[]::new);
        await().atMost(Duration.ofMinutes(Math.max(10, size / 2))).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql("""
                        select count(*) from dossier_attachment a left join appraisal_reading r on r.sha256 = a.sha256
                        where a.dossier_id = any(?::uuid[]) and (r.status is null or r.status = 'PENDING')""")
                .param(idArray).query(Long.class).single() == 0);
        int files = cases.stream().mapToInt(c -> c.files().size()).sum();
        System.out.printf("  %d files read in the background in %.1f s (wall, one reader thread)%n", files,
                (System.nanoTime() - t2) / 1e9);

        // Quality: every dossier once, as an officer who may act on it (an administrator where no demo officer can).
        Map<String, Count[]> perProcedure = new TreeMap<>();
        Count[] overall = {new Count(), new Count(), new Count()};
        Map<Integer, String> users = new LinkedHashMap<>();
        for (LabelledSet.Case c : cases) {
            String id = ids.get(c.n());
            String user = "tiepnhan";
            var r = http.getAs(user, "demo", "/api/v1/dossiers/" + id + "/appraisal");
            if (r.status() == 403) {
                user = "quantri";
                r = http.getAs(user, "demo", "/api/v1/dossiers/" + id + "/appraisal");
            }
            if (r.status() != 200) {
                throw new AssertionError("#" + c.n() + " appraisal " + r.status() + " " + r.body());
            }
            users.put(c.n(), user);
            Count[] p = perProcedure.computeIfAbsent(c.procedure(), k -> new Count[]{new Count(), new Count(), new Count()});
            score(c, r.json(), p, overall);
        }
        System.out.printf("  findings on %d dossiers (%s):%n", cases.size(), Arrays.toString(LabelledSet.Defect.values()));
        perProcedure.forEach((code, p) -> {
            for (int k = 0; k < 3; k++) {
                System.out.printf("    %-9s %-24s %s%n", code, KINDS[k], p[k].format());
            }
        });
        for (int k = 0; k < 3; k++) {
            System.out.printf("    %-9s %-24s %s%n", "overall", KINDS[k], overall[k].format());
        }

        ocrA4();
        rules(cases);
        panel(http, cases, ids, users, rounds);
    }

    /** Compares one appraisal with the case's expected findings, printing every false or missed one. */
    void score(LabelledSet.Case c, JsonNode a, Count[] p, Count[] overall) {
        Map<String, String> fieldOfLabel = new LinkedHashMap<>();
        book.of(c.procedure()).identity().forEach(f -> fieldOfLabel.put(f.label(), f.field()));
        // completeness
        List<String> reported = new ArrayList<>();
        a.get("documents").forEach(d -> {
            if ("MISSING".equals(d.get("status").asString())) {
                reported.add(VietnameseText.fold(d.get("name").asString()).toLowerCase());
            }
        });
        // an expected item is found when a reported document matches one of its alternatives; a reported document
        // that matches no expected item is a false finding
        List<List<String>> expected = c.expected().missing().stream().map(m -> List.of(m.split("\\|"))).toList();
        for (List<String> item : expected) {
            if (reported.stream().anyMatch(d -> item.stream().anyMatch(d::contains))) {
                tally(true, 0, p, overall, c, null);
            } else {
                miss(0, p, overall, c, "MISSING " + item);
            }
        }
        for (String doc : reported) {
            if (expected.stream().noneMatch(item -> item.stream().anyMatch(doc::contains))) {
                tally(false, 0, p, overall, c, "reported MISSING: " + doc.substring(0, Math.min(120, doc.length())));
            }
        }
        // consistency and unreadable
        List<String> fields = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        a.get("findings").forEach(f -> {
            String kind = f.get("kind").asString();
            if (kind.equals("DISAGREES") || kind.equals("NOT_FOUND")) {
                fields.add(fieldOfLabel.getOrDefault(f.get("label").asString(), f.get("label").asString()));
                boolean ok = c.expected().disagree().contains(fields.get(fields.size() - 1));
                tally(ok, 1, p, overall, c, ok ? null : f.get("message").asString());
            } else if (kind.equals("UNREADABLE")) {
                unreadable.add(f.get("file").asString());
                boolean ok = c.expected().unreadable().contains(f.get("file").asString());
                tally(ok, 2, p, overall, c, ok ? null : f.get("message").asString());
            }
        });
        c.expected().disagree().stream().filter(f -> !fields.contains(f)).forEach(f -> miss(1, p, overall, c, "disagreement on " + f));
        c.expected().unreadable().stream().filter(f -> !unreadable.contains(f)).forEach(f -> miss(2, p, overall, c, "unreadable " + f));
    }

    private static void tally(boolean ok, int k, Count[] p, Count[] overall, LabelledSet.Case c, String why) {
        if (ok) {
            p[k].tp++;
            overall[k].tp++;
        } else {
            p[k].fp++;
            overall[k].fp++;
            System.out.printf("    false %s on #%d %s %s: %s%n", KINDS[k], c.n(), c.procedure(), c.defect(), why);
        }
    }

    private static void miss(int k, Count[] p, Count[] overall, LabelledSet.Case c, String what) {
        p[k].fn++;
        overall[k].fn++;
        System.out.printf("    missed %s on #%d %s %s: %s%n", KINDS[k], c.n(), c.procedure(), c.defect(), what);
    }

    /** Tesseract's CPU time (user + system, /usr/bin/time) on one A4 page at 300 dpi, with the reader's command. */
    static void ocrA4() throws Exception {
        Path dir = Files.createTempDirectory("appraisal-bench");
        Path png = dir.resolve("a4.png");
        Files.write(png, Scans.png(Scans.a4Scan(vn.motcua.platform.reading.OcrSettingsBench.DOCUMENT, 1.5, 0.004, 3)));
        Path times = dir.resolve("time.txt");
        double[] cpu = new double[3];
        for (int i = 0; i < cpu.length; i++) {
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", times.toString(), "tesseract",
                    png.toString(), "-", "-l", "vie", "--oem", "1", "--psm", "3", "-c", "tessedit_do_invert=0", "tsv")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            long t = System.nanoTime();
            if (pb.start().waitFor() != 0) {
                throw new IllegalStateException("tesseract failed");
            }
            String[] f = Files.readString(times).strip().split("\\s+");
            cpu[i] = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
            System.out.printf("  OCR of one A4 page at 300 dpi (30 lines, the reader's command, OMP_THREAD_LIMIT=1): CPU %.2f s, wall %.2f s%n",
                    cpu[i], (System.nanoTime() - t) / 1e9);
        }
    }

    void rules(List<LabelledSet.Case> cases) {
        for (String code : LabelledSet.PROCEDURES) {
            LabelledSet.Case c = cases.stream().filter(x -> x.procedure().equals(code)).findFirst().orElse(null);
            if (c == null) {
                continue;
            }
            ProcedureRules pr = book.of(code);
            LocalDate on = LocalDate.now(clock.withZone(AppraisalService.VN));
            for (int i = 0; i < 20_000; i++) {
                RuleEngine.evaluate(pr, c.form(), on);
            }
            long t = System.nanoTime();
            for (int i = 0; i < 50_000; i++) {
                RuleEngine.evaluate(pr, c.form(), on);
            }
            System.out.printf("  rules of %s (%d rules): %.1f µs%n", code, pr.rules().size(), (System.nanoTime() - t) / 1000.0 / 50_000);
        }
    }

    /** The API and the HTML panel, timed over the dossiers with 3 attachments, once warmed up. */
    void panel(Http http, List<LabelledSet.Case> cases, Map<Integer, String> ids, Map<Integer, String> users, int rounds) {
        List<LabelledSet.Case> timed = cases.stream().filter(c -> c.files().size() == 3).toList();
        Map<String, Http> pages = new LinkedHashMap<>();
        for (String user : Set.copyOf(users.values())) {
            Http h = new Http(port);
            if (h.login(user, "demo").status() != 302) {
                throw new IllegalStateException("cannot sign in as " + user);
            }
            pages.put(user, h);
        }
        List<Long> api = new ArrayList<>();
        List<Long> html = new ArrayList<>();
        var cpu = new vn.motcua.support.CpuMeter(jdbc);
        vn.motcua.support.CpuMeter.Sample apiCpu = null;
        vn.motcua.support.CpuMeter.Sample htmlCpu = null;
        for (boolean page : new boolean[]{false, true}) {
            var before = cpu.sample();
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                if (round == 0) {
                    before = cpu.sample();
                }
                for (LabelledSet.Case c : timed) {
                    String id = ids.get(c.n());
                    String user = users.get(c.n());
                    long t = System.nanoTime();
                    var r = page ? pages.get(user).get("/workbench/appraisal/" + id)
                            : http.getAs(user, "demo", "/api/v1/dossiers/" + id + "/appraisal");
                    long took = System.nanoTime() - t;
                    if (r.status() != 200) {
                        throw new IllegalStateException("#" + c.n() + ": " + r.status());
                    }
                    if (round >= 0) {
                        (page ? html : api).add(took);
                    }
                }
            }
            var spent = cpu.sample().minus(before);
            if (page) {
                htmlCpu = spent;
            } else {
                apiCpu = spent;
            }
        }
        long officers = timed.stream().filter(c -> users.get(c.n()).equals("tiepnhan")).count();
        System.out.printf("  panel, %d dossiers with 3 attachments (%d as the ward's reception officer, the rest as an administrator), %d rounds:%n",
                timed.size(), officers, rounds);
        System.out.println("    GET /api/v1/dossiers/{id}/appraisal  " + percentiles(api));
        System.out.println("      CPU (the client's included): " + apiCpu.perOperation(api.size()));
        System.out.println("    GET /workbench/appraisal/{id} (HTML) " + percentiles(html));
        System.out.println("      CPU (the client's included): " + htmlCpu.perOperation(html.size()));
    }

    static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no requests";
        }
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)", s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] / 1e6, s[s.length - 1] / 1e6, s.length);
    }
}
