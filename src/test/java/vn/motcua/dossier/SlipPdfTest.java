package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.internal.SlipPdf;

class SlipPdfTest {

    @Test
    void receiptSlipIsA5WithVietnameseTextExtractableFromThePdf() throws Exception {
        var slip = new SlipPdf.Slip("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Ủy ban nhân dân phường Sài Gòn",
                "UBND-26740-251125-0007",
                List.of(Map.entry("Người nộp", "Nguyễn Thị Thủy Tiên"), Map.entry("Thủ tục", "Đăng ký khai sinh"),
                        Map.entry("Hẹn trả kết quả", "17 giờ 00 phút, ngày 28/11/2025")),
                List.of(Map.entry("Tờ khai đăng ký khai sinh", "Bản chính: 1")), "Giấy tờ đã nhận",
                "Khi đến nhận kết quả, xin mang theo giấy này.", "http://localhost:8080/track?code=UBND-26740-251125-0007");
        byte[] pdf = new SlipPdf().render(slip);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            var box = doc.getPage(0).getMediaBox();
            assertThat(Math.round(box.getWidth())).isEqualTo(420);   // A5: 148 mm
            assertThat(Math.round(box.getHeight())).isEqualTo(595);  // 210 mm
            // Line breaks depend on the layout; the words must all be there, with their diacritics.
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Nguyễn Thị Thủy Tiên",
                    "Đăng ký khai sinh", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND-26740-251125-0007", "Tờ khai đăng ký khai sinh");
            assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }
}
