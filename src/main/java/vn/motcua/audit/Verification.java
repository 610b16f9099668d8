package vn.motcua.audit;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing the chains of some days.
 *
 * @param ok          every chained row matches, no chained row is missing, every root matches its chain
 * @param rows        chained rows checked
 * @param firstBroken the first row (by day, then chain, then position) that does not match; null when ok
 * @param pending     rows written but not chained yet (their transaction was still open at the last sealing)
 * @param resealed    the documented anonymisations of rows met (re-seals), e.g. by a retention run; not breaks
 */
public record Verification(boolean ok, long rows, @JsonInclude(JsonInclude.Include.ALWAYS) Broken firstBroken,
                           long pending, LocalDate from, LocalDate to, List<Reseal> resealed) {

    /**
     * Rows met that were anonymised in a documented way (their links unchanged; see {@link HistoryAnonymisation}),
     * grouped by what decided it.
     *
     * @param reason    why, e.g. RETENTION
     * @param reference what decided it, e.g. the retention run's id
     * @param at        the first re-seal of the group
     * @param by        who asked
     * @param reseals   re-seals in the group (one per dossier)
     * @param rows      rows re-sealed by the group in all (in the days verified and others)
     */
    public record Reseal(String reason, String reference, java.time.Instant at, String by, int reseals, int rows) {
    }

    /**
     * A row that does not match its chain.
     *
     * @param table    the chained table ({@code dossier_event} or {@code access_log})
     * @param id       what names the row: the dossier id for the history, the row id for the access log
     * @param seq      the event's number within its dossier (history only)
     * @param number   the row's insertion number (dossier_event.audit_no, access_log.id)
     * @param position its position in the day's chain (1, 2, ...)
     * @param reason   CHANGED (content or link differs), MISSING (the row was deleted), GAP (a link is missing),
     *                 ROOT (the day's root does not match its chain)
     * @param expected the hash recomputed from the row as it is now (hex; null when the row is missing)
     * @param stored   the hash sealed for it (hex)
     */
    public record Broken(String table, String id, Integer seq, long number, long position, LocalDate day,
                         String reason, String expected, String stored) {
    }
}
