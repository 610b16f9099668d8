package vn.motcua.dossier.internal;

import java.util.Arrays;
import java.util.Optional;

import vn.motcua.platform.api.ApiException;

/**
 * What a dossier attachment may be: a PDF, JPEG or PNG recognised by its content (not by its name),
 * at most {@value #MAX_BYTES} bytes, with a plain file name (no path, no control characters).
 */
public final class AttachmentPolicy {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 20;

    private AttachmentPolicy() {
    }

    public enum FileType {
        PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
        JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

        final String contentType;
        final byte[] magic;

        FileType(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** Checks a file and returns its real type; throws a 422 with a message naming the file otherwise. */
    public static FileType check(String fileName, byte[] content) {
        String name = checkName(fileName);
        if (content == null || content.length == 0) {
            throw ApiException.unprocessable("dossier.attachment.empty", name);
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.unprocessable("dossier.attachment.tooLarge", name, MAX_BYTES / (1024 * 1024));
        }
        return sniff(content).orElseThrow(() -> ApiException.unprocessable("dossier.attachment.type", name));
    }

    static String checkName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.unprocessable("dossier.attachment.noName");
        }
        boolean control = fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0));
        if (control || fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")
                || fileName.length() > 200) {
            throw ApiException.unprocessable("dossier.attachment.badName",
                    fileName.replaceAll("\\p{Cntrl}", "?"));
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
