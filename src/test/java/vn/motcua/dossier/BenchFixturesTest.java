package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.internal.AttachmentPolicy;

/** The bench's attachment is a well-formed PDF: its cross-reference table points at its objects. */
class BenchFixturesTest {

    @Test
    void theXrefFixtureIsOnePageAndPassesTheAttachmentCheck() throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(BenchFixtures.PDF_WITH_XREF)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(AttachmentPolicy.check("giay-chung-sinh.pdf", BenchFixtures.PDF_WITH_XREF))
                .isEqualTo(AttachmentPolicy.FileType.PDF);
    }

    @Test
    void everyCrossReferenceEntryPointsAtItsObject() {
        String pdf = new String(BenchFixtures.PDF_WITH_XREF, StandardCharsets.ISO_8859_1);
        int xref = Integer.parseInt(pdf.substring(pdf.lastIndexOf("startxref\n") + 10, pdf.lastIndexOf("\n%%EOF")).trim());
        assertThat(pdf.substring(xref)).startsWith("xref\n0 4\n");
        String[] lines = pdf.substring(xref).split("\r?\n");
        for (int object = 1; object <= 3; object++) {
            int offset = Integer.parseInt(lines[2 + object].substring(0, 10));
            assertThat(pdf.substring(offset)).as("object %d", object).startsWith(object + " 0 obj\n");
        }
    }

    @Test
    void theLegacyFixtureHasNoTableYetPassesTheCheck() {
        assertThat(new String(DossierFixtures.PDF, StandardCharsets.ISO_8859_1)).doesNotContain("startxref").doesNotContain("xref\n");
        assertThat(AttachmentPolicy.check("giay-chung-sinh.pdf", DossierFixtures.PDF)).isEqualTo(AttachmentPolicy.FileType.PDF);
    }

    @Test
    void theBenchChoosesTheWellFormedFileUnlessAskedForTheLegacyOne() {
        assertThat(BenchFixtures.BenchPdf.fromProperty(null)).isEqualTo(BenchFixtures.BenchPdf.XREF);
        assertThat(BenchFixtures.BenchPdf.fromProperty("legacy").bytes()).isEqualTo(DossierFixtures.PDF);
    }
}
