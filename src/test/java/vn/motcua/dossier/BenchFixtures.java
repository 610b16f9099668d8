package vn.motcua.dossier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Gives the benchmarks (another package) the same valid submission the tests use. */
public final class BenchFixtures {

    /** A minimal valid PDF, base64-encoded, as attachments and results carry it. */
    public static final String PDF_B64 = DossierFixtures.PDF_B64;

    /**
     * The same one-page document as {@link DossierFixtures#PDF}, written as real files are: with a cross-reference
     * table whose offsets are right and a {@code startxref} pointing at it. Without one (the legacy fixture) PDFBox
     * rebuilds the trailer by scanning the whole file, which a scanner's or a word processor's PDF never makes it do.
     */
    public static final byte[] PDF_WITH_XREF = withCrossReferenceTable(List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"));

    private BenchFixtures() {
    }

    /** Which attachment the bench sends: {@code xref} (default, a well-formed file) or {@code legacy} (sessions 1–9). */
    public enum BenchPdf {
        XREF, LEGACY;

        public static BenchPdf fromProperty(String value) {
            return value == null || value.isBlank() ? XREF : valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }

        public byte[] bytes() {
            return this == XREF ? PDF_WITH_XREF : DossierFixtures.PDF;
        }

        public String describe() {
            return this == XREF
                    ? "PDF with a cross-reference table (" + bytes().length + " bytes, as real files are)"
                    : "legacy PDF without a cross-reference table (" + bytes().length
                    + " bytes, PDFBox rebuilds its trailer; sessions 1-9)";
        }
    }

    public static Map<String, Object> birthSubmission(String phone) {
        return birthSubmission(phone, BenchPdf.LEGACY);
    }

    public static Map<String, Object> birthSubmission(String phone, BenchPdf pdf) {
        return DossierFixtures.birthSubmission(phone, "bench@example.vn", DossierFixtures.SAI_GON, pdf.bytes());
    }

    /** Objects numbered 1..n (the first is the catalogue), each offset recorded as it is written. */
    static byte[] withCrossReferenceTable(List<String> objects) {
        var out = new ByteArrayOutputStream();
        // A binary comment on line two, as PDF writers add so that transfers treat the file as binary.
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f\r\n");
        for (long offset : offsets) {
            // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end of line.
            table.append(String.format("%010d 00000 n\r\n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
