package vn.motcua.dossier.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.motcua.platform.api.ApiException;

/**
 * What a dossier attachment may be: a PDF, JPEG or PNG decided by parsing the content, not by its first
 * bytes or its name, at most {@value #MAX_BYTES} bytes, with a plain file name whose extension agrees with
 * the content. A PDF must open with PDFBox and must not be encrypted, run JavaScript, launch programs or
 * carry embedded files; an image must decode, within {@value #MAX_PIXELS} pixels and {@value #MAX_SIDE}
 * pixels a side (no decompression bombs). Every refusal names the file and the reason.
 */
public final class AttachmentPolicy {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 20;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int MAX_SIDE = 12_000;
    /** PDF objects walked at most when looking for active content (a bound on work, not on legitimate files). */
    static final int MAX_PDF_NODES = 500_000;

    private AttachmentPolicy() {
    }

    public enum FileType {
        PDF("application/pdf", Set.of("pdf"), new byte[]{'%', 'P', 'D', 'F', '-'}),
        JPEG("image/jpeg", Set.of("jpg", "jpeg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", Set.of("png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

        final String contentType;
        final Set<String> extensions;
        final byte[] magic;

        FileType(String contentType, Set<String> extensions, byte[] magic) {
            this.contentType = contentType;
            this.extensions = extensions;
            this.magic = magic;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** Checks a file and returns its real type; throws a 422 with a message naming the file and the reason otherwise. */
    public static FileType check(String fileName, byte[] content) {
        String name = checkName(fileName);
        if (content == null || content.length == 0) {
            throw ApiException.unprocessable("dossier.attachment.empty", name);
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.unprocessable("dossier.attachment.tooLarge", name, MAX_BYTES / (1024 * 1024));
        }
        FileType type = sniff(content).orElseThrow(() -> refuse("dossier.attachment.type", name));
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!type.extensions.contains(ext)) {
            throw refuse("dossier.attachment.extension", name, ext.isEmpty() ? "—" : "." + ext, type.name());
        }
        switch (type) {
            case PDF -> checkPdf(name, content);
            case JPEG, PNG -> checkImage(name, content, type);
        }
        return type;
    }

    private static ApiException refuse(String key, String name, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = name;
        System.arraycopy(more, 0, args, 1, more.length);
        return ApiException.unprocessable(key, args).with("file", name).with("reason", key);
    }

    static void checkPdf(String name, byte[] content) {
        // Loader.loadPDF(byte[]) with a lighter reader of the same bytes (ByteArrayPdfSource): the same parser, the same judgement.
        try (PDDocument doc = Loader.loadPDF(new ByteArrayPdfSource(content))) {
            if (doc.isEncrypted()) {
                throw refuse("dossier.attachment.pdf.encrypted", name);
            }
            if (doc.getDocumentCatalog() == null) {
                throw refuse("dossier.attachment.pdf.unreadable", name);
            }
            doc.getNumberOfPages();
            String active = activeContent(doc.getDocument().getTrailer());
            if (active != null) {
                throw refuse("dossier.attachment.pdf." + active, name);
            }
        } catch (InvalidPasswordException e) {
            throw refuse("dossier.attachment.pdf.encrypted", name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw refuse("dossier.attachment.pdf.unreadable", name);
        }
    }

    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    /** "javascript", "launch" or "embedded" for the first active content found from the trailer, or null. */
    static String activeContent(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(trailer);
        int walked = 0;
        while (!todo.isEmpty()) {
            COSBase b = todo.pop();
            if (b instanceof COSObject o) {
                b = o.getObject();
            }
            if (b == null || !seen.add(b)) {
                continue;
            }
            if (++walked > MAX_PDF_NODES) {
                return "complex";
            }
            if (b instanceof COSDictionary d) {
                COSName s = d.getCOSName(COSName.S);
                if (d.containsKey(JS) || JAVASCRIPT.equals(s) || d.containsKey(JAVASCRIPT)) {
                    return "javascript";
                }
                if (LAUNCH.equals(s)) {
                    return "launch";
                }
                if (COSName.EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE)) || d.containsKey(COSName.EF)
                        || d.containsKey(EMBEDDED_FILES) || FILE_ATTACHMENT.equals(d.getCOSName(COSName.SUBTYPE))) {
                    return "embedded";
                }
                for (COSBase v : d.getValues()) {
                    todo.push(v);
                }
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.push(a.get(i));
                }
            }
        }
        return null;
    }

    static void checkImage(String name, byte[] content, FileType type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == FileType.PNG ? "png" : "jpeg");
            if (in == null || !readers.hasNext()) {
                throw refuse("dossier.attachment.image.unreadable", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw refuse("dossier.attachment.image.tooLarge", name, w, h);
                }
                // Decode every byte (a truncated or corrupt image fails), keeping 1 pixel in 16 in memory.
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(4, 4, 0, 0);
                BufferedImage img = reader.read(0, param);
                if (img == null) {
                    throw refuse("dossier.attachment.image.unreadable", name);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw refuse("dossier.attachment.image.unreadable", name);
        }
    }

    static String checkName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.unprocessable("dossier.attachment.noName");
        }
        boolean control = vn.motcua.platform.text.InputText.firstForbiddenInLine(fileName) >= 0;
        if (control || fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")
                || fileName.length() > 200) {
            throw ApiException.unprocessable("dossier.attachment.badName",
                    vn.motcua.platform.text.InputText.printable(fileName));
        }
        return fileName.strip();
    }

    static Optional<FileType> sniff(byte[] content) {
        return Arrays.stream(FileType.values())
                .filter(t -> content.length >= t.magic.length
                        && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length))
                .findFirst();
    }
}
