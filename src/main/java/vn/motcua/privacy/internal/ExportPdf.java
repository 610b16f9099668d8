package vn.motcua.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The citizen's export as a PDF: the same JSON document ({@link DataExport}), section by section and row by row, each
 * field on a line ("column: value"), long values wrapped. DejaVu Sans carries the Vietnamese letters.
 */
@Component
public class ExportPdf {

    private static final float MARGIN = 48;
    private static final float SIZE = 9;
    private static final float LEADING = 12;
    private final byte[] regular;
    private final byte[] bold;

    ExportPdf() {
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    public byte[] render(ObjectNode export, Map<String, String> headings) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font f = PDType0Font.load(doc, new java.io.ByteArrayInputStream(regular), true);
            PDType0Font b = PDType0Font.load(doc, new java.io.ByteArrayInputStream(bold), true);
            Writer w = new Writer(doc, f, b);
            w.line(headings.getOrDefault("title", "Dữ liệu cá nhân"), true, 13);
            w.line(headings.getOrDefault("subject", "") + " " + export.path("subject").asString(""), false, SIZE);
            w.line(headings.getOrDefault("generatedAt", "") + " " + export.path("generatedAt").asString(""), false, SIZE);
            w.line(export.path("legalBasis").asString(""), false, SIZE);
            for (var e : export.properties()) {
                if (!e.getValue().isArray()) {
                    continue;
                }
                w.gap();
                w.line(headings.getOrDefault(e.getKey(), e.getKey()) + " (" + e.getValue().size() + ")", true, 11);
                int n = 0;
                for (JsonNode row : e.getValue()) {
                    w.line("#" + (++n), true, SIZE);
                    for (var field : row.properties()) {
                        JsonNode v = field.getValue();
                        w.line(field.getKey() + ": " + (v.isNull() ? "—" : v.isValueNode() ? v.asString() : v.toString()),
                                false, SIZE);
                    }
                }
            }
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines down the page, a new page when full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private PDPageContentStream cs;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, PDType0Font regular, PDType0Font bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            page();
        }

        private void page() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            cs = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void line(String text, boolean strong, float size) throws IOException {
            PDType0Font f = strong ? bold : regular;
            for (String part : wrap(clean(text), f, size)) {
                if (y < MARGIN + LEADING) {
                    page();
                }
                y -= Math.max(LEADING, size + 3);
                cs.beginText();
                cs.setFont(f, size);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(part);
                cs.endText();
            }
        }

        private List<String> wrap(String text, PDType0Font f, float size) throws IOException {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = f.getStringWidth(ch) / 1000 * size;
                if (cur.length() > 0 && used + w > width) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    used = 0;
                }
                used += w;
                cur.append(ch);
                i += Character.charCount(cp);
            }
            out.add(cur.toString());
            return out;
        }

        void close() throws IOException {
            cs.close();
        }

        /** Line breaks and tabs as spaces; characters the font lacks as '?'. */
        private String clean(String s) {
            StringBuilder out = new StringBuilder();
            s.codePoints().forEach(cp -> {
                if (Character.isWhitespace(cp)) {
                    out.append(' ');
                } else if (Character.isISOControl(cp) || !printable(cp)) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }

        private boolean printable(int cp) {
            try {
                String ch = new String(Character.toChars(cp));
                regular.encode(ch);
                bold.encode(ch);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = ExportPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + path + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
