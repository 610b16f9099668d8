package vn.motcua.platform.reading;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the reading service got out of one document.
 *
 * @param status    how it went
 * @param pages     the pages read, in order (empty when nothing could be opened)
 * @param truncated more pages existed than {@link ReadingProperties#maxPages()} allowed
 * @param detail    a short technical note for logs when something went wrong (never shown to citizens)
 */
public record ReadResult(ReadStatus status, List<PageText> pages, boolean truncated, String detail) {

    public ReadResult {
        pages = List.copyOf(pages);
    }

    static ReadResult of(ReadStatus status, String detail) {
        return new ReadResult(status, List.of(), false, detail);
    }

    /** All pages' text, separated by blank lines. */
    public String text() {
        return pages.stream().map(PageText::text).filter(t -> !t.isBlank()).collect(Collectors.joining("\n\n"));
    }

    /** The lowest OCR confidence over the OCR pages, or {@code null} when no page was OCRed. */
    public Double minConfidence() {
        return pages.stream().map(PageText::confidence).filter(Objects::nonNull).min(Double::compare).orElse(null);
    }

    /** Whether any page needed OCR. */
    public boolean usedOcr() {
        return pages.stream().anyMatch(p -> p.source() == PageText.Source.OCR);
    }
}
