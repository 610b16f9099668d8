package vn.motcua.platform.reading;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared reading service under {@code motcua.reading.*}.
 *
 * @param tesseract    the Tesseract command (a name on the PATH or an absolute path); when it cannot be run,
 *                     the service answers {@link ReadStatus#OCR_UNAVAILABLE} for anything that needs OCR
 * @param language     Tesseract language model(s), e.g. {@code vie} or {@code vie+eng}
 * @param timeout      how long one page may take in Tesseract before it is stopped
 * @param dpi          resolution at which scanned PDF pages are rendered for OCR
 * @param maxPages     pages read per document at most (the rest are left out, and the result says so)
 * @param minTextChars a PDF page whose text layer has fewer letters and digits than this is treated as a
 *                     scan and read by OCR
 * @param threads      OpenMP threads Tesseract may use per page ({@code OMP_THREAD_LIMIT}); 1 keeps a
 *                     shared machine responsive
 */
@ConfigurationProperties("motcua.reading")
public record ReadingProperties(@DefaultValue("tesseract") String tesseract,
                                @DefaultValue("vie") String language,
                                @DefaultValue("60s") Duration timeout,
                                @DefaultValue("300") int dpi,
                                @DefaultValue("20") int maxPages,
                                @DefaultValue("20") int minTextChars,
                                @DefaultValue("1") int threads) {

    /** The defaults, for use outside a Spring context (tests, benches). */
    public static ReadingProperties defaults() {
        return new ReadingProperties("tesseract", "vie", Duration.ofSeconds(60), 300, 20, 20, 1);
    }

    public ReadingProperties withTesseract(String command) {
        return new ReadingProperties(command, language, timeout, dpi, maxPages, minTextChars, threads);
    }
}
