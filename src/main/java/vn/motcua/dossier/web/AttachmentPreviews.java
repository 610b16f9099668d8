package vn.motcua.dossier.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.DossierStore.AttachmentInfo;

/**
 * PDF files shown in the page: each page rendered to a PNG on the server (PDFBox), so an officer reads the file
 * without a PDF viewer, on a phone too. Pages and page counts are cached by the file's SHA-256 (the same file in two
 * dossiers is rendered once), in a bounded least-recently-used cache of at most {@link #CACHE_BYTES}. Used by the
 * templates as {@code @attachmentPreviews} and by {@link AttachmentController}; access is checked by the caller.
 */
@Component
public class AttachmentPreviews {

    /** Pages shown in the page; a longer file says how many more there are and opens whole. */
    public static final int MAX_PAGES = 20;
    /** About 1,100 px wide for an A4 page: readable on a desktop, scaled down on a phone. */
    static final float DPI = 130f;
    /** A page larger than this (in points, either side) is scaled down to it: no giant images from odd PDFs. */
    static final float MAX_SIDE_POINTS = 1200f;
    static final long CACHE_BYTES = 48L * 1024 * 1024;

    private final DossierStore store;
    private final Map<String, byte[]> pngs = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Integer> counts = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    AttachmentPreviews(DossierStore store) {
        this.store = store;
    }

    public static boolean isPdf(AttachmentInfo a) {
        return "application/pdf".equals(a.contentType());
    }

    public static boolean isImage(AttachmentInfo a) {
        return a.contentType() != null && a.contentType().startsWith("image/");
    }

    /** The number of pages of a PDF attachment (0 when it is no PDF or cannot be read). */
    public int pageCount(UUID dossierId, AttachmentInfo a) {
        if (!isPdf(a)) {
            return 0;
        }
        synchronized (this) {
            Integer n = counts.get(a.sha256());
            if (n != null) {
                return n;
            }
        }
        int n = store.attachmentContent(dossierId, a.id()).map(AttachmentPreviews::count).orElse(0);
        synchronized (this) {
            counts.put(a.sha256(), n);
            while (counts.size() > 10_000) {
                counts.remove(counts.keySet().iterator().next());
            }
        }
        return n;
    }

    /** Pages shown: at most {@link #MAX_PAGES}. */
    public int shownPages(UUID dossierId, AttachmentInfo a) {
        return Math.min(MAX_PAGES, pageCount(dossierId, a));
    }

    /** Page {@code page} (1-based) of a PDF attachment as PNG; empty when there is no such page. */
    Optional<byte[]> page(UUID dossierId, AttachmentInfo a, int page) {
        if (!isPdf(a) || page < 1 || page > MAX_PAGES) {
            return Optional.empty();
        }
        String key = a.sha256() + "#" + page;
        synchronized (this) {
            byte[] png = pngs.get(key);
            if (png != null) {
                return Optional.of(png);
            }
        }
        Optional<byte[]> content = store.attachmentContent(dossierId, a.id());
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> png = render(content.get(), page);
        png.ifPresent(p -> remember(key, p));
        return png;
    }

    private synchronized void remember(String key, byte[] png) {
        byte[] old = pngs.put(key, png);
        cachedBytes += png.length - (old == null ? 0 : old.length);
        var it = pngs.entrySet().iterator();
        while (cachedBytes > CACHE_BYTES && it.hasNext()) {
            var e = it.next();
            if (e.getKey().equals(key)) {
                continue;
            }
            cachedBytes -= e.getValue().length;
            it.remove();
        }
    }

    static int count(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            return 0;
        }
    }

    static Optional<byte[]> render(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (page > doc.getNumberOfPages()) {
                return Optional.empty();
            }
            PDRectangle box = doc.getPage(page - 1).getCropBox();
            float side = Math.max(box.getWidth(), box.getHeight());
            float scale = DPI / 72f * Math.min(1f, MAX_SIDE_POINTS / Math.max(1f, side));
            BufferedImage image = new PDFRenderer(doc).renderImage(page - 1, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // A page PDFBox cannot draw: no preview (the file still opens and downloads whole).
            return Optional.empty();
        }
    }

}
