package vn.motcua.dossier.internal;

import vn.motcua.platform.time.VietnamTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Renders the reception forms of Circular 03/2025 (01 receipt and appointment, 02 supplement request,
 * 03 refusal) as A5 PDFs. Text uses the embedded DejaVu Sans (all Vietnamese glyphs; licence in
 * {@code fonts/LICENSE-DejaVu.txt}); a QR code links to the public tracking page.
 */
@Component
public class SlipPdf {

    static final ZoneId VN = VietnamTime.ZONE;
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

    private final byte[] regular = load("fonts/DejaVuSans.ttf");
    private final byte[] bold = load("fonts/DejaVuSans-Bold.ttf");

    /** One slip's content; lines are label/value pairs printed in order. */
    public record Slip(String formNumber, String title, String agencyName, String dossierCode,
                       List<Map.Entry<String, String>> lines, List<Map.Entry<String, String>> items,
                       String itemsHeading, String closing, String trackingUrl) {
    }

    /** A free table printed after the items (e.g. the hand-offs of Form 06): headers, rows and relative widths. */
    public record Table(String heading, List<String> headers, List<List<String>> rows, float[] widths) {
    }

    public byte[] render(Slip slip) {
        return render(slip, null);
    }

    public byte[] render(Slip slip, Table extra) {
        try {
            BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    regular, null);
            BaseFont baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, bold, null);
            Font small = new Font(base, 8);
            Font normal = new Font(base, 9.5f);
            Font strong = new Font(baseBold, 9.5f);
            Font title = new Font(baseBold, 12);
            Font headerBold = new Font(baseBold, 8.5f);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A5, 28, 28, 28, 28);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(slip.title());
            doc.addCreator("Motcua");
            doc.open();

            PdfPTable header = new PdfPTable(new float[]{1f, 1.6f});
            header.setWidthPercentage(100);
            header.addCell(cell(new Phrase(slip.agencyName().toUpperCase(java.util.Locale.forLanguageTag("vi")), headerBold)));
            Paragraph republic = new Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", headerBold);
            republic.add(new Phrase("Độc lập - Tự do - Hạnh phúc", normal));
            header.addCell(cell(republic));
            doc.add(header);

            Paragraph form = new Paragraph(slip.formNumber() == null ? "" : "Mẫu số " + slip.formNumber(), small);
            form.setAlignment(Element.ALIGN_RIGHT);
            doc.add(form);
            Paragraph heading = new Paragraph(slip.title(), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingBefore(6);
            doc.add(heading);
            if (slip.dossierCode() != null) {
                Paragraph code = new Paragraph("Mã hồ sơ: " + slip.dossierCode(), strong);
                code.setAlignment(Element.ALIGN_CENTER);
                code.setSpacingAfter(8);
                doc.add(code);
            }
            for (Map.Entry<String, String> line : slip.lines()) {
                Paragraph p = new Paragraph();
                p.add(new Phrase(line.getKey() + ": ", strong));
                p.add(new Phrase(line.getValue() == null ? "" : line.getValue(), normal));
                p.setSpacingAfter(2);
                doc.add(p);
            }
            if (slip.items() != null && !slip.items().isEmpty()) {
                Paragraph h = new Paragraph(slip.itemsHeading(), strong);
                h.setSpacingBefore(6);
                doc.add(h);
                PdfPTable table = new PdfPTable(new float[]{0.3f, 2f, 2f});
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                for (String th : List.of("STT", "Giấy tờ", "Lý do / ghi chú")) {
                    table.addCell(new PdfPCell(new Phrase(th, strong)));
                }
                int i = 1;
                for (Map.Entry<String, String> item : slip.items()) {
                    table.addCell(new PdfPCell(new Phrase(Integer.toString(i++), normal)));
                    table.addCell(new PdfPCell(new Phrase(item.getKey(), normal)));
                    table.addCell(new PdfPCell(new Phrase(item.getValue() == null ? "" : item.getValue(), normal)));
                }
                doc.add(table);
            }
            if (extra != null) {
                Paragraph h = new Paragraph(extra.heading(), strong);
                h.setSpacingBefore(6);
                doc.add(h);
                PdfPTable table = new PdfPTable(extra.widths());
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                table.setHeaderRows(1);
                for (String th : extra.headers()) {
                    table.addCell(new PdfPCell(new Phrase(th, new Font(baseBold, 7))));
                }
                for (List<String> row : extra.rows()) {
                    for (String value : row) {
                        table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, new Font(base, 7))));
                    }
                }
                doc.add(table);
            }
            if (slip.closing() != null) {
                Paragraph closing = new Paragraph(slip.closing(), normal);
                closing.setSpacingBefore(8);
                doc.add(closing);
            }
            Paragraph track = new Paragraph("Tra cứu hồ sơ: " + slip.trackingUrl(), small);
            track.setSpacingBefore(8);
            doc.add(track);
            drawQr(writer.getDirectContent(), slip.trackingUrl(), doc.right() - 62, doc.bottom(), 62);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String dateTime(java.time.Instant instant) {
        return instant == null ? "" : DATE_TIME.format(ZonedDateTime.ofInstant(instant, VN));
    }

    private static PdfPCell cell(Element content) {
        PdfPCell c = new PdfPCell();
        c.addElement(content);
        c.setBorder(0);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        return c;
    }

    private static void drawQr(PdfContentByte canvas, String text, float x, float y, float size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8"));
            float module = size / m.getWidth();
            canvas.saveState();
            canvas.setRGBColorFill(0, 0, 0);
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        canvas.rectangle(x + col * module, y + size - (row + 1) * module, module, module);
                    }
                }
            }
            canvas.fill();
            canvas.restoreState();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the tracking link as a QR code", e);
        }
    }

    private static byte[] load(String path) {
        try (InputStream in = SlipPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
