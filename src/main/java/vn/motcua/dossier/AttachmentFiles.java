package vn.motcua.dossier;

import vn.motcua.dossier.internal.AttachmentPolicy;

/**
 * The attachment policy of dossiers, for other modules that take files from citizens (the data store): the same
 * checks by parsing (PDF, JPEG or PNG; no active content; size and pixel limits; a plain name whose extension agrees).
 */
public final class AttachmentFiles {

    public static final int MAX_BYTES = AttachmentPolicy.MAX_BYTES;

    private AttachmentFiles() {
    }

    /**
     * Checks a file and returns its content type ({@code application/pdf}, {@code image/jpeg}, {@code image/png});
     * throws a 422 {@code ApiException} naming the file and the reason otherwise.
     */
    public static String check(String fileName, byte[] content) {
        return AttachmentPolicy.check(fileName, content).contentType();
    }
}
