package vn.motcua.platform.reading;

/**
 * The text of one page.
 *
 * @param page       1-based page number (1 for a single image)
 * @param text       the text, lines separated by {@code \n}
 * @param source     where the text came from
 * @param confidence Tesseract's mean word confidence 0–100 for OCR pages, {@code null} for a text layer
 */
public record PageText(int page, String text, Source source, Double confidence) {

    public enum Source {
        /** The PDF's own text layer (PDFBox). */
        TEXT_LAYER,
        /** Optical character recognition (Tesseract). */
        OCR,
        /** Nothing could be read from this page. */
        NONE
    }
}
