package vn.motcua.privacy;

import java.util.Collection;

/**
 * The port through which retention forgets what was read out of the files of an anonymised dossier (the officer
 * assistant's OCR of ID cards …): the appraisal, which owns those readings, implements it. In the caller's
 * transaction.
 */
public interface RetainedReadings {

    /** Deletes the readings of these files (SHA-256), unless another dossier still holds the same file. */
    void forgetReadings(Collection<String> attachmentHashes);
}
