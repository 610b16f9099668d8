package vn.motcua.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Who holds which open dossier, and the moves of dossiers from one agency to another, in sets. The moves of one
 * <b>order</b> (an id chosen by the caller) are first recorded in one transaction ({@link #record}), then made batch
 * by batch ({@link #moveBatch}), each batch in one transaction that updates the dossiers' agency, appends one
 * {@code TRANSFERRED} event per dossier (past events are never rewritten) and marks the batch done. Idempotent and
 * resumable: a batch already done moves nothing; after a crash, {@link #pendingBatches} tells what is left. The
 * ledger knows nothing of why a dossier moves: {@code basis} is the caller's label for it, kept with the move and in
 * the event.
 * <p>
 * <b>Open</b> means: state not in (REFUSED, DRAFT) and {@code closed_at} is null. A dossier is <b>held</b> by
 * the agency version its {@code agency_code} (or, in triage, {@code triage_owner}) named at the instant it came to
 * that agency (its receipt, or its last move): so a dossier received in old {@code UBND-26737} (Đa Kao, until
 * 2025-07-01) is told apart from one in new {@code UBND-26737} (Tân Định).
 */
public interface CustodyLedger {

    /** An open dossier and its holder. {@code agencyCode} is the triage owner when {@code inTriage}. */
    record OpenDossier(UUID id, String code, String procedureCode, String state, String agencyCode, boolean inTriage,
                       Instant receivedAt, Instant dueAt, String addressUnitCode, String addressLine, Instant heldSince) {
    }

    /**
     * Which open dossiers a set of agencies holds. Two times are kept apart: the legal {@code effective} instant, and
     * {@code until}, the instant up to which the system still routed submissions to these agencies (null: still does).
     * A dossier held by code X since S (its receipt, or its last move) is in scope when S &lt; effective; or when
     * effective &le; S &lt; until and S falls in none of X's {@code continuing} periods, during which X named another
     * agency version the system already knew of (a successor reusing the code).
     */
    record Scope(Collection<String> agencyCodes, Instant effective, Instant until, List<Continuing> continuing) {

        /** Only what came before the effective instant. */
        public static Scope before(Collection<String> agencyCodes, Instant effective) {
            return new Scope(agencyCodes, effective, effective, List.of());
        }
    }

    /** A period {@code [from, to)} ({@code to} null: open-ended) during which {@code agencyCode} named a continuing agency. */
    record Continuing(String agencyCode, Instant from, Instant to) {
    }

    /**
     * One move to record. {@code newDueAt} null keeps the deadline running unchanged. {@code heldSinceEffective}: the
     * dossier came to its agency on or after the effective instant (its event says so).
     */
    record Move(UUID dossierId, String fromAgency, String toAgency, String toAgencyName, String basis,
                Instant newDueAt, boolean heldSinceEffective) {
    }

    /**
     * A recorded move with its dossier as it is now: {@code doneAt} null while its batch has not run. The applicant's
     * name and address come with it, for whoever tells them.
     */
    record Moved(int batchNo, UUID dossierId, String code, String state, String procedureName, String applicantName,
                 String applicantEmail, String fromAgency, String toAgency, String toAgencyName, String basis,
                 Instant dueAt, Instant effective, Instant doneAt) {
    }

    /** Recorded moves per (from agency, to agency, basis). */
    record Flow(String fromAgency, String toAgency, String basis, long count) {
    }

    /** @param batches 0 while nothing is recorded; {@code moved} counts the dossiers of the batches done */
    record Progress(int batches, int batchesDone, long moved) {
    }

    /** The still-open dossiers of an order per state, and how many moved with {@code basis} are still held where they went. */
    record StillOpen(Map<String, Long> byState, long stillHeldWithBasis) {
    }

    // --- open dossiers held by agencies

    /** Streams, in one read transaction, the open dossiers in scope. */
    void forEachOpenHeldBy(Scope scope, Consumer<OpenDossier> each);

    /** Open dossiers in scope, per state. */
    Map<String, Long> countOpenHeldBy(Scope scope);

    /**
     * The procedures of the open dossiers in scope, per holding agency, and, from the same read (one GROUP BY), how many
     * came to their agency on or after the effective instant.
     */
    InFlight inFlight(Scope scope);

    /** See {@link #inFlight}. */
    record InFlight(Map<String, Set<String>> proceduresByHolder, long heldSinceEffective) {
    }

    /**
     * Open dossiers held by one of these agency codes show that agency's name ({@code code → name}). Events and forms
     * already issued keep what they said. Returns how many changed.
     */
    int refreshAgencyNames(Map<String, String> namesByCode);

    // --- the moves of an order

    /**
     * Records the order's moves (batch numbers from 1, {@code batchSize} each) in one transaction; does nothing and
     * returns the existing count when the order has moves recorded already.
     */
    long record(UUID order, Instant effective, int batchSize, Iterable<Move> moves);

    /** Moves recorded for the order (0 = none yet). */
    long recorded(UUID order);

    /** Batch numbers with moves not yet made, ascending. */
    List<Integer> pendingBatches(UUID order);

    /** Makes the moves of one batch, in one transaction. Returns the number moved (0 when the batch was done already). */
    int moveBatch(UUID order, int batchNo, String actor, String reason);

    /**
     * Moves one dossier held in {@code fromAgency} to another agency, with its event, and updates the order's record
     * of it; in the caller's transaction when there is one. False when the dossier is not (or no longer) held there.
     */
    boolean moveOne(UUID order, UUID dossierId, String fromAgency, String toAgency, String toAgencyName, String basis,
                    Instant effective, String actor, String reason);

    /** How far the order's batches have come (two indexed reads: cheap to poll). */
    Progress progress(UUID order);

    /** The order's recorded move of one dossier (one probe per batch through the key: no scan of the order). */
    Optional<Moved> move(UUID order, UUID dossierId);

    /** Up to {@code limit} moves of the order after ({@code afterBatch}, {@code afterDossier}) in batch order; start with (0, null). */
    List<Moved> moves(UUID order, int afterBatch, UUID afterDossier, int limit);

    /** Every move of the order, in batch order, in one read transaction. */
    void forEachMove(UUID order, Consumer<Moved> each);

    /** States, now, of the order's dossiers that are still open, and how many moved with {@code basis} are still held by their new agency. */
    StillOpen stillOpen(UUID order, String basis);

    /**
     * The order's moves read once for its reconciliation: its moves per (from, to, basis), {@link #recorded} and
     * {@link #stillOpen} from one pass over its journal (each of them alone is a pass of its own).
     */
    Tally tally(UUID order, String basis);

    /** See {@link #tally}: {@code recorded} counts every journal row, whether its dossier is open or not. */
    record Tally(List<Flow> flows, long recorded, StillOpen stillOpen) {
    }
}
