package vn.motcua.wallet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;

/**
 * Writes the verification code at the foot of every page of a result PDF ("Mã xác thực: … — kiểm tra tại
 * /verify"), in DejaVu Sans (Vietnamese glyphs). The stamped file is the one the citizen holds and the one whose
 * SHA-256 the verification compares.
 */
@Component
class ResultStamp {

    private final byte[] font;

    ResultStamp() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            font = in.readAllBytes();
        }
    }

    byte[] stamp(byte[] pdf, String code, String dossierCode) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDType0Font f = PDType0Font.load(doc, new java.io.ByteArrayInputStream(font), true);
            String line = "Mã xác thực: " + code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8)
                    + (dossierCode == null ? "" : " · Hồ sơ " + dossierCode) + " · Kiểm tra tại /verify";
            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getMediaBox();
                float size = Math.max(5f, Math.min(7f, box.getWidth() / 60f));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    cs.beginText();
                    cs.setFont(f, size);
                    cs.newLineAtOffset(box.getLowerLeftX() + 12, box.getLowerLeftY() + 8);
                    cs.showText(line);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
