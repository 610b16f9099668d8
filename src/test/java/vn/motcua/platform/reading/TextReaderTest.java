package vn.motcua.platform.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.motcua.platform.text.VietnameseText;

/**
 * The shared reading service on documents made by the test: a text PDF (PDFBox), a scan (DejaVu, rotated,
 * noisy) as PNG and as a scanned PDF (Tesseract, Vietnamese model), and the state without Tesseract.
 */
class TextReaderTest {

    static final List<String> BIRTH_FORM = List.of(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "GIẤY CHỨNG SINH",
            "Họ và tên mẹ: Nguyễn Thị Hồng Nhung",
            "Số định danh cá nhân: 079203001234",
            "Sinh con lúc 08 giờ 30 ngày 12/03/2025",
            "Tại: Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh");

    static TextReader reader;

    @BeforeAll
    static void setUp() {
        assertThat(Scans.fontInstalled()).as("DejaVu Sans (fonts-dejavu-core) must be installed").isTrue();
        reader = new TextReader(ReadingProperties.defaults());
        assertThat(reader.ocrAvailable())
                .as("tesseract with the 'vie' model must be installed (.ci/run installs it): %s",
                        reader.ocrUnavailableReason())
                .isTrue();
    }

    @Test
    void a_text_pdf_is_read_from_its_text_layer_without_ocr() {
        ReadResult r = reader.read(Scans.textPdf(BIRTH_FORM));

        assertThat(r.status()).isEqualTo(ReadStatus.READ);
        assertThat(r.usedOcr()).isFalse();
        assertThat(r.pages()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(PageText.Source.TEXT_LAYER);
            assertThat(p.confidence()).isNull();
        });
        assertThat(r.text().lines().map(String::strip).toList()).containsExactlyElementsOf(BIRTH_FORM);
    }

    @Test
    void a_rotated_noisy_scan_comes_back_as_vietnamese_text_with_a_confidence() {
        var scan = Scans.scan(BIRTH_FORM, 1800, 700, 42f, 2.5, 0.01, 19);

        ReadResult r = reader.read(Scans.png(scan));

        assertThat(r.status()).isEqualTo(ReadStatus.READ);
        assertThat(r.usedOcr()).isTrue();
        assertThat(r.minConfidence()).isBetween(50.0, 100.0);
        String text = r.text();
        assertThat(text).contains("Nguyễn Thị Hồng Nhung", "079203001234", "12/03/2025");
        assertThat(VietnameseText.fold(text)).contains("giay chung sinh", "benh vien tu du");
    }

    @Test
    void a_scanned_pdf_page_is_rendered_and_read_by_ocr() {
        var scan = Scans.scan(BIRTH_FORM, 1800, 700, 42f, -2.0, 0.005, 7);

        ReadResult r = reader.read(Scans.scannedPdf(scan));

        assertThat(r.status()).isEqualTo(ReadStatus.READ);
        assertThat(r.pages()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(PageText.Source.OCR);
            assertThat(p.confidence()).isNotNull();
        });
        assertThat(r.text()).contains("Nguyễn Thị Hồng Nhung", "079203001234");
    }

    @Test
    void a_blank_scan_is_unreadable_and_garbage_is_unsupported() {
        var blank = Scans.scan(List.of(), 600, 400, 42f, 0, 0, 1);
        var specks = Scans.scan(List.of(), 600, 400, 42f, 0, 0.03, 2);

        assertThat(reader.read(Scans.png(blank)).status()).isEqualTo(ReadStatus.UNREADABLE);
        assertThat(reader.read(Scans.png(specks)).status()).as("noise only").isEqualTo(ReadStatus.UNREADABLE);
        assertThat(reader.read("hello, not a document".getBytes()).status()).isEqualTo(ReadStatus.UNSUPPORTED);
        assertThat(reader.read("%PDF-1.7 broken".getBytes()).status()).isEqualTo(ReadStatus.UNREADABLE);
    }

    @Test
    void without_tesseract_scans_say_ocr_unavailable_but_text_pdfs_are_still_read() {
        TextReader none = new TextReader(ReadingProperties.defaults().withTesseract("/nonexistent/tesseract"));
        var scan = Scans.scan(BIRTH_FORM, 900, 400, 30f, 0, 0, 3);

        assertThat(none.ocrAvailable()).isFalse();
        assertThat(none.ocrUnavailableReason()).contains("/nonexistent/tesseract");
        assertThat(none.read(Scans.png(scan)).status()).isEqualTo(ReadStatus.OCR_UNAVAILABLE);
        assertThat(none.read(Scans.scannedPdf(scan)).status()).isEqualTo(ReadStatus.OCR_UNAVAILABLE);
        assertThat(none.read(Scans.textPdf(BIRTH_FORM)).status()).isEqualTo(ReadStatus.READ);
    }

    @Test
    void tesseract_tsv_becomes_lines_and_a_mean_confidence() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t
                5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tHọ
                5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\ttên
                5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t70\tAn
                5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t60\tKý
                """;

        Tesseract.Ocr ocr = Tesseract.parseTsv(tsv);

        assertThat(ocr.text()).isEqualTo("Họ tên\nAn\n\nKý");
        assertThat(ocr.confidence()).isEqualTo(75.0);
    }
}
