package vn.motcua.assistant.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.reading.ReadResult;
import vn.motcua.platform.reading.ReadingProperties;
import vn.motcua.platform.reading.Scans;
import vn.motcua.platform.reading.TextReader;

/**
 * The labelled set ({@link LabelledSet}: generated birth registrations with good and bad scans), read by real OCR
 * and appraised by the same completeness and consistency code the panel uses (no database: the panel's SQL is not
 * measured here). Prints precision and recall of the MISSING, disagreement and unreadable findings, OCR time per
 * scan and per A4 page at 300 dpi, and the rules' time. {@code ./mvnw -Pbench test -Dtest=AppraisalBench
 * -Dappraisal.bench.size=140}. Prints; asserts nothing.
 */
class AppraisalBench {

    @Test
    void labelledSet() {
        int size = Integer.getInteger("appraisal.bench.size", 140);
        TextReader reader = new TextReader(ReadingProperties.defaults());
        RuleBook book = new RuleBook();
        ProcedureRules birth = book.of("1.001193");
        List<LabelledSet.Case> cases = LabelledSet.generate(size, 19);
        long[] ocrMillis = new long[cases.size()];
        int[] tp = new int[3];
        int[] fp = new int[3];
        int[] fn = new int[3];
        String[] kinds = {"completeness (MISSING)", "consistency (disagreement)", "unreadable"};
        for (LabelledSet.Case c : cases) {
            List<AppraisalQueries.Attachment> files = new ArrayList<>();
            Map<String, AppraisalQueries.Reading> readings = new HashMap<>();
            List<Consistency.Text> texts = new ArrayList<>();
            boolean unreadable = false;
            long t0 = System.nanoTime();
            for (LabelledSet.Scan s : c.files()) {
                files.add(new AppraisalQueries.Attachment(UUID.randomUUID(), s.fileName(), "image/png", s.sha256(), null));
                ReadResult r = reader.read(s.png());
                readings.put(s.sha256(), new AppraisalQueries.Reading(s.sha256(), r.status().name(), r.text(), r.pages().size(),
                        r.usedOcr(), r.minConfidence(), 0L, r.detail()));
                if (!r.status().name().equals("READ")) {
                    unreadable = true;
                }
            }
            ocrMillis[c.n()] = (System.nanoTime() - t0) / 1_000_000;
            var docs = AppraisalService.completeness(LabelledSet.BIRTH_DOCUMENTS, birth, c.form(), c.received(), files, readings);
            for (LabelledSet.Scan s : c.files()) {
                var read = readings.get(s.sha256());
                if (read.status().equals("READ") && AppraisalService.recognised(docs, s.fileName())) {
                    texts.add(new Consistency.Text(s.fileName(), read.text()));
                }
            }
            boolean missing = docs.stream().anyMatch(d -> d.status() == Appraisal.Status.MISSING);
            boolean disagree = Consistency.compare(birth.identity(), c.form(), texts).stream()
                    .anyMatch(f -> f.kind() == Appraisal.FindingKind.DISAGREES || f.kind() == Appraisal.FindingKind.NOT_FOUND);
            boolean[] got = {missing, disagree, unreadable};
            boolean[] want = {c.missingExpected(), c.disagreeExpected(), c.unreadableExpected()};
            for (int k = 0; k < 3; k++) {
                if (got[k] && want[k]) {
                    tp[k]++;
                } else if (got[k]) {
                    fp[k]++;
                    System.out.println("  false " + kinds[k] + " on #" + c.n() + " " + c.defect());
                } else if (want[k]) {
                    fn[k]++;
                    System.out.println("  missed " + kinds[k] + " on #" + c.n() + " " + c.defect());
                }
            }
        }
        System.out.printf("Labelled set: %d dossiers (%s), seed 19%n", cases.size(), Arrays.toString(LabelledSet.Defect.values()));
        for (int k = 0; k < 3; k++) {
            System.out.printf("  %-28s precision %5.1f %%  recall %5.1f %%  (tp %d, fp %d, fn %d)%n", kinds[k],
                    100.0 * tp[k] / Math.max(1, tp[k] + fp[k]), 100.0 * tp[k] / Math.max(1, tp[k] + fn[k]), tp[k], fp[k], fn[k]);
        }
        long[] sorted = ocrMillis.clone();
        Arrays.sort(sorted);
        System.out.printf("  OCR per scan (1600x520 px): median %d ms, p95 %d ms%n", sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]);

        var a4 = Scans.a4Scan(java.util.Collections.nCopies(30, "Họ và tên mẹ: Nguyễn Thị Hồng Nhung — Số định danh 079203001234"), 1.5, 0.004, 3);
        byte[] png = Scans.png(a4);
        reader.read(png);
        long t = System.nanoTime();
        ReadResult r = reader.read(png);
        System.out.printf("  OCR one A4 page at 300 dpi (30 lines, one Tesseract thread): %d ms, %s, confidence %.0f%n",
                (System.nanoTime() - t) / 1_000_000, r.status(), r.minConfidence());

        Map<String, Object> form = cases.get(0).form();
        LocalDate received = cases.get(0).received();
        for (int i = 0; i < 20_000; i++) {
            RuleEngine.evaluate(birth, form, received);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            RuleEngine.evaluate(birth, form, received);
        }
        System.out.printf("  rules of one procedure (1.001193, %d rules): %.2f µs%n", birth.rules().size(),
                (System.nanoTime() - t1) / 1000.0 / 100_000);
    }
}
