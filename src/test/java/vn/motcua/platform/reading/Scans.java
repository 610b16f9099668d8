package vn.motcua.platform.reading;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;

/**
 * Test documents made on the spot with a real font (DejaVu, installed with Chromium by {@code .ci/run}):
 * "scans" (text drawn at 300 dpi, rotated a few degrees, speckled with noise), scanned PDFs (such an image
 * on a page) and text PDFs (a real text layer). Reused by the appraisal tests and benches.
 */
public final class Scans {

    public static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** Serif faces installed with the same packages (fonts-dejavu-core, fonts-liberation). */
    public static final Path DEJAVU_SERIF = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    public static final Path LIBERATION_SERIF = Path.of("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf");

    private Scans() {
    }

    /** Whether the font is installed (tests assume it is; CI installs it). */
    public static boolean fontInstalled() {
        return Files.isReadable(DEJAVU_SANS);
    }

    /**
     * A scan of the given lines: white page {@code width}×{@code height} pixels, text at {@code fontPx}, rotated by
     * {@code degrees}, with {@code noise} (0–1) of the pixels flipped to random grey, seeded for repeatability.
     */
    public static BufferedImage scan(List<String> lines, int width, int height, float fontPx, double degrees,
                                     double noise, long seed) {
        return scan(lines, width, height, fontPx, degrees, noise, seed, DEJAVU_SANS);
    }

    /** The same, drawn with another TrueType font (e.g. {@link #DEJAVU_SERIF}, {@link #LIBERATION_SERIF}). */
    public static BufferedImage scan(List<String> lines, int width, int height, float fontPx, double degrees,
                                     double noise, long seed, Path font) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0));
            g.setColor(new Color(25, 25, 25));
            g.setFont(font(font, fontPx));
            float y = fontPx * 3;
            for (String line : lines) {
                g.drawString(line, fontPx * 2, y);
                y += fontPx * 1.6f;
            }
        } finally {
            g.dispose();
        }
        Random random = new Random(seed);
        long flips = Math.round(width * (long) height * noise);
        for (long i = 0; i < flips; i++) {
            int grey = random.nextInt(256);
            img.getRaster().setSample(random.nextInt(width), random.nextInt(height), 0, grey);
        }
        return img;
    }

    /** An A4 page at 300 dpi (2480×3508) with the lines in 10-point type (42 px). */
    public static BufferedImage a4Scan(List<String> lines, double degrees, double noise, long seed) {
        return scan(lines, 2480, 3508, 42f, degrees, noise, seed);
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose only page is the image (a scanner's PDF: no text layer), scaled to A4. */
    public static byte[] scannedPdf(BufferedImage image) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            float w = PDRectangle.A4.getWidth();
            float h = w * image.getHeight() / image.getWidth();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 0, PDRectangle.A4.getHeight() - h, w, h);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a real text layer (DejaVu embedded), one line per text line. */
    public static byte[] textPdf(List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, DEJAVU_SANS.toFile());
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 780;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(60, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 20;
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(Path file, float px) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(px);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the font is needed at " + file, e);
        }
    }
}
