package vn.motcua.privacy;

import java.util.UUID;

/**
 * The port through which retention empties the e-mails sent about a dossier or a question whose period has ended:
 * the notify module, which owns the outbox ({@code notification}), implements it. In the caller's transaction.
 */
public interface RetainedNotices {

    /** Shown where the subject of an anonymised notice was. */
    String ANONYMOUS = "Đã ẩn danh";
    /** The recipient of an anonymised notice: no address (accounts are lower-case letters and dots). */
    String NO_ACCOUNT = "~anonymised";

    void anonymiseDossierNotices(UUID dossierId);

    void anonymiseQuestionNotices(UUID questionId);
}
