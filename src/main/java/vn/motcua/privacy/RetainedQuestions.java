package vn.motcua.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The port through which retention (low in the house) reaches the citizens' questions (above it): the questions
 * module implements it with the SQL of its own tables, as {@link vn.motcua.audit.HistoryAnonymisation} keeps the
 * dossier history's re-seal with the audit module. Retention decides when (the period, the dry run, the run's
 * records); the owner decides what a closed question is and what of it names or quotes the asker.
 */
public interface RetainedQuestions {

    /** A closed question whose period, counted from the Vietnam date of closing, has ended. */
    record Due(UUID questionId, String code, Instant closedAt, LocalDate retainedUntil) {
    }

    /** Closed questions (published or refused) past {@code years} on {@code asOf}, not anonymised yet, oldest first. */
    List<Due> due(LocalDate asOf, int years, int limit);

    /** Whether the question is still closed, past its period and not anonymised (an execution re-checks each item). */
    boolean stillDue(UUID questionId, LocalDate asOf, int years);

    /**
     * Clears what names or quotes the asker, in the caller's transaction; what a published answer shows the public
     * stays. The asker's notices are the notify module's ({@link RetainedNotices}). The number of files deleted.
     */
    int anonymise(UUID questionId, Instant now);

    /** The register's personal columns of a question's data that {@link #anonymise} clears, and those it keeps. */
    RetainedColumns columns();
}
