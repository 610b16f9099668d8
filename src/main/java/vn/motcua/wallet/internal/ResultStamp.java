package vn.motcua.wallet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
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
 * <p>
 * The font is parsed once (loading DejaVu Sans was about half of a stamp's time, session 13) and its subset is
 * embedded into each document when that document is saved; a parsed font reads its tables through one shared
 * buffer, so one document at a time uses it: {@link #stamp(byte[], String, String, Save)} holds the lock from the
 * loading to the save.
 */
@Component
class ResultStamp {

    /** How the stamped document is written: a full save, or a signature appended in the same pass. */
    interface Save {
        byte[] save(PDDocument doc, int sizeHint) throws IOException;
    }

    private final TrueTypeFont font;

    ResultStamp() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }

    /** The stamped PDF, fully saved. */
    byte[] stamp(byte[] pdf, String code, String dossierCode) throws IOException {
        return stamp(pdf, code, dossierCode, ResultStamp::save);
    }

    /** Stamps the PDF and writes it with {@code save} (the signer appends its signature to the same document). */
    synchronized byte[] stamp(byte[] pdf, String code, String dossierCode, Save save) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDType0Font f = PDType0Font.load(doc, font, true);
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
            return save.save(doc, pdf.length);
        }
    }

    static byte[] save(PDDocument doc, int sizeHint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint + 16_384);
        doc.save(out);
        return out.toByteArray();
    }
}
