package vn.motcua.platform.reading;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads the text of an uploaded document: a PDF's text layer with PDFBox; images and scanned PDF pages
 * (rendered at {@link ReadingProperties#dpi()}) by Tesseract OCR with the Vietnamese model. Slow (seconds per
 * scanned page): call it from background work, never while answering a request.
 *
 * <p>Thread-safe. When Tesseract is missing, documents that need OCR come back as
 * {@link ReadStatus#OCR_UNAVAILABLE} ("OCR không khả dụng"); text PDFs are still read.
 */
@Service
public class TextReader {

    private static final Logger log = LoggerFactory.getLogger(TextReader.class);

    private final ReadingProperties properties;
    private final Tesseract tesseract;

    public TextReader(ReadingProperties properties) {
        this.properties = properties;
        this.tesseract = new Tesseract(properties);
    }

    /** Whether OCR can run here (Tesseract and its language model are installed). */
    public boolean ocrAvailable() {
        return tesseract.available();
    }

    /** Why OCR is not available, or {@code null} when it is. */
    public String ocrUnavailableReason() {
        return ocrAvailable() ? null : tesseract.unavailableReason();
    }

    /** Reads a document given its bytes; its kind is recognised from the content (PDF, PNG, JPEG, TIFF, …). */
    public ReadResult read(byte[] content) {
        Kind kind = Kind.sniff(content);
        try {
            return switch (kind) {
                case PDF -> readPdf(content);
                case IMAGE -> readImage(content);
                case OTHER -> ReadResult.of(ReadStatus.UNSUPPORTED, "not a PDF or an image");
            };
        } catch (IOException | RuntimeException e) {
            log.debug("Could not read a {} document", kind, e);
            return ReadResult.of(kind == Kind.OTHER ? ReadStatus.UNSUPPORTED : ReadStatus.UNREADABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Reads an image already in memory (for callers that made or transformed it themselves). */
    public ReadResult read(BufferedImage image) {
        try {
            Path file = Files.createTempFile("motcua-read", ".png");
            try {
                ImageIO.write(image, "png", file.toFile());
                return fromOcr(List.of(ocrPage(1, file)), false);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Tesseract.Unavailable e) {
            return ReadResult.of(ReadStatus.OCR_UNAVAILABLE, e.getMessage());
        } catch (IOException e) {
            return ReadResult.of(ReadStatus.UNREADABLE, e.getMessage());
        }
    }

    private ReadResult readImage(byte[] content) throws IOException {
        Path file = Files.createTempFile("motcua-read", ".img");
        try {
            Files.write(file, content);
            return fromOcr(List.of(ocrPage(1, file)), false);
        } catch (Tesseract.Unavailable e) {
            return ReadResult.of(ReadStatus.OCR_UNAVAILABLE, e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private ReadResult readPdf(byte[] content) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            int total = pdf.getNumberOfPages();
            int count = Math.min(total, Math.max(1, properties.maxPages()));
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            PDFRenderer renderer = null;
            List<PageText> pages = new ArrayList<>();
            boolean ocrMissing = false;
            for (int i = 1; i <= count; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String layer = stripper.getText(pdf).strip();
                if (significantChars(layer) >= properties.minTextChars()) {
                    pages.add(new PageText(i, layer, PageText.Source.TEXT_LAYER, null));
                    continue;
                }
                if (ocrMissing || !tesseract.available()) {
                    ocrMissing = true;
                    pages.add(new PageText(i, layer, layer.isEmpty() ? PageText.Source.NONE : PageText.Source.TEXT_LAYER, null));
                    continue;
                }
                if (renderer == null) {
                    renderer = new PDFRenderer(pdf);
                }
                BufferedImage image = renderer.renderImageWithDPI(i - 1, properties.dpi(), ImageType.GRAY);
                Path file = Files.createTempFile("motcua-read", ".png");
                try {
                    ImageIO.write(image, "png", file.toFile());
                    pages.add(ocrPage(i, file));
                } catch (Tesseract.Unavailable e) {
                    ocrMissing = true;
                    pages.add(new PageText(i, layer, PageText.Source.NONE, null));
                } catch (IOException e) {
                    log.debug("OCR of page {} failed", i, e);
                    pages.add(new PageText(i, "", PageText.Source.NONE, null));
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            boolean truncated = total > count;
            boolean anyText = pages.stream().anyMatch(TextReader::meaningful);
            if (ocrMissing && pages.stream().noneMatch(p -> significantChars(p.text()) >= properties.minTextChars())) {
                return new ReadResult(ReadStatus.OCR_UNAVAILABLE, pages, truncated, tesseract.unavailableReason());
            }
            return new ReadResult(anyText ? ReadStatus.READ : ReadStatus.UNREADABLE, pages, truncated,
                    ocrMissing ? "some pages need OCR, which is not available: " + tesseract.unavailableReason() : null);
        }
    }

    private PageText ocrPage(int number, Path image) throws IOException, Tesseract.Unavailable {
        Tesseract.Ocr ocr = tesseract.ocr(image);
        return new PageText(number, ocr.text(), PageText.Source.OCR, ocr.confidence());
    }

    /**
     * A page that says something: a few letters or digits, and for OCR a mean confidence of at least 30 (Tesseract
     * reads specks of noise on a blank or ruined scan as stray characters with a low confidence).
     */
    static boolean meaningful(PageText p) {
        return significantChars(p.text()) >= 4 && (p.confidence() == null || p.confidence() >= 30);
    }

    private static ReadResult fromOcr(List<PageText> pages, boolean truncated) {
        boolean anyText = pages.stream().anyMatch(TextReader::meaningful);
        return new ReadResult(anyText ? ReadStatus.READ : ReadStatus.UNREADABLE, pages, truncated, null);
    }

    static int significantChars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    enum Kind {
        PDF, IMAGE, OTHER;

        static Kind sniff(byte[] b) {
            if (startsWith(b, '%', 'P', 'D', 'F')) {
                return PDF;
            }
            if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 0xFF, 0xD8, 0xFF)
                    || startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)
                    || startsWith(b, 'B', 'M') || startsWith(b, 'R', 'I', 'F', 'F')) {
                return IMAGE;
            }
            return OTHER;
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            if (b == null || b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
