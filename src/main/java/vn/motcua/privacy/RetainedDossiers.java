package vn.motcua.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The port through which retention (low in the house) reaches the dossiers (above it): the dossier module implements
 * it with the SQL of its own tables, as {@link RetainedQuestions} does for the questions. Retention decides when (the
 * periods, the dry run, the run's records); the dossier module decides what a closed dossier is and which of its
 * tables name the applicant. Each call is for one dossier, in the caller's transaction.
 */
public interface RetainedDossiers {

    /** A closed dossier whose period, counted from the Vietnam date of closing, has ended. */
    record Due(UUID dossierId, String code, String procedureCode, Instant closedAt, LocalDate retainedUntil,
               int attachments) {
    }

    /**
     * The periods in years after closing: {@code byProcedure} a procedure's own (a null value: kept permanently), else
     * {@code defaultYears} (null: every procedure without its own rule is kept).
     */
    record Periods(Map<String, Integer> byProcedure, Integer defaultYears) {
    }

    /** What {@link #anonymise} removed: the number of files, and the SHA-256 of the attachments deleted. */
    record Anonymised(int files, List<String> attachmentHashes) {
    }

    /**
     * Closed dossiers (refused, returned, stopped) past their period on {@code asOf}, not anonymised yet, oldest first.
     * Open dossiers are never listed.
     */
    List<Due> due(LocalDate asOf, Periods periods, int limit);

    /** Whether the dossier is still closed, past its period and not anonymised (an execution re-checks each item). */
    boolean stillDue(UUID dossierId, LocalDate asOf, Periods periods);

    /** A dossier the account submitted (not a draft), as a data request's answer about retention reads it. */
    record Held(UUID id, String code, String procedureCode, String state, Instant closedAt) {
    }

    /** The dossiers the account submitted, drafts excepted, in the order they were received. */
    List<Held> heldBy(String account);

    /** The account that submitted the dossier (read before it is anonymised: its history names it), else null. */
    String applicantAccount(UUID dossierId);

    /**
     * Clears what names the applicant in the dossier's data and deletes its attachments and result files. The history
     * is re-sealed through the audit module, the notices are notify's ({@link RetainedNotices}): both called by
     * retention, not by this.
     */
    Anonymised anonymise(UUID dossierId);

    /**
     * The register's personal columns of a dossier's data cleared (by this and through the other modules), and those
     * kept.
     */
    RetainedColumns columns();
}
