package vn.motcua.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Moves in-flight dossiers to successor agencies when units or agencies are reorganised (used by the
 * reorganisation engine). Set-based and batched: the transfers of a plan are first written to a journal in one
 * transaction ({@link #journal}), then moved batch by batch ({@link #transferBatch}), each batch in one
 * transaction that updates the dossiers' agency, appends one {@code TRANSFERRED} event per dossier (past events
 * are never rewritten) and marks its journal rows done. Idempotent and resumable: a batch already done moves
 * nothing; after a crash, {@link #pendingBatches} tells what is left.
 * <p>
 * <b>Open</b> means: state not in (REFUSED, DRAFT) and {@code closed_at} is null. A dossier is <b>held</b> by
 * the agency version its {@code agency_code} (or, in triage, {@code triage_owner}) named at the instant it came to
 * that agency (its receipt, or its last transfer): so a dossier received in old {@code UBND-26737} (Đa Kao, until
 * 2025-07-01) is told apart from one in new {@code UBND-26737} (Tân Định).
 */
public interface DossierTransfers {

    /** An open dossier as the router needs it. {@code agencyCode} is the triage owner when {@code inTriage}. */
    record OpenDossier(UUID id, String code, String procedureCode, String state, String agencyCode, boolean inTriage,
                       Instant receivedAt, Instant dueAt, String addressUnitCode, String addressLine, Instant heldSince) {
    }

    /**
     * One planned move. {@code newDueAt} null keeps the deadline running unchanged (the default policy).
     * {@code rule} is the name of the routing rule that decided (e.g. FULL_MERGE, ADDRESS_RULE, EXPLICIT, TRIAGE).
     * {@code receivedAfterEffective}: the dossier came to the closing agency on or after the effective instant (a plan
     * recorded late).
     */
    record Transfer(UUID dossierId, String fromAgency, String toAgency, String toAgencyName, String rule,
                    Instant newDueAt, boolean receivedAfterEffective) {
    }

    /** A journal row joined with its dossier. */
    record JournalEntry(int batchNo, UUID dossierId, String code, String state, String fromAgency, String toAgency,
                        String rule, Instant dueAt, Instant doneAt) {
    }

    /** What an applicant is told about a transfer of their dossier. */
    record TransferNotice(UUID dossierId, String code, String procedureName, String applicantName,
                          String applicantEmail, String toAgencyName, Instant dueAt, Instant effective) {
    }

    /** Count of journal rows per (from agency, to agency, rule). */
    record Flow(String fromAgency, String toAgency, String rule, long count) {
    }

    /**
     * Which open dossiers a set of agencies holds for a reorganisation. Two times are kept apart: the legal
     * {@code effective} instant, and {@code until}, the instant up to which the system still routed submissions to these
     * agencies (when the plan's unit changes were applied; null while they are not). A dossier held by code X since S
     * (its receipt, or its last transfer) is in scope when S &lt; effective; or when effective &le; S &lt; until and S
     * falls in none of X's {@code continuing} periods, during which X named another agency version the system already
     * knew of (a successor reusing the code): a plan recorded after its effective date leaves nothing received in
     * between behind.
     */
    record Scope(Collection<String> agencyCodes, Instant effective, Instant until, List<Continuing> continuing) {

        /** The old rule: only what came before the effective instant. */
        public static Scope before(Collection<String> agencyCodes, Instant effective) {
            return new Scope(agencyCodes, effective, effective, List.of());
        }
    }

    /** A period {@code [from, to)} ({@code to} null: open-ended) during which {@code agencyCode} named a continuing agency. */
    record Continuing(String agencyCode, Instant from, Instant to) {
    }

    /** Streams, in one read transaction, the open dossiers in scope. */
    void forEachOpenHeldBy(Scope scope, Consumer<OpenDossier> each);

    /** Open dossiers in scope, per state. */
    Map<String, Long> countOpenHeldBy(Scope scope);

    /** Open dossiers in scope that came to their agency on or after the effective instant. */
    long countHeldSinceEffective(Scope scope);

    /** The procedures of the open dossiers in scope, per holding agency (one GROUP BY). */
    Map<String, java.util.Set<String>> openProceduresByHolder(Scope scope);

    /**
     * Writes the plan's transfers to the journal (batch numbers from 1, {@code batchSize} rows each) in one
     * transaction; does nothing and returns the existing size when the plan already has a journal.
     */
    long journal(UUID planId, Instant effective, int batchSize, Iterable<Transfer> transfers);

    /** Rows in the plan's journal (0 = not journaled yet). */
    long journalSize(UUID planId);

    /** Batch numbers with rows not yet done, ascending. */
    List<Integer> pendingBatches(UUID planId);

    /**
     * Moves the not-yet-done dossiers of one batch, in one transaction, and publishes one
     * {@link DossiersTransferred}. Returns the number moved (0 when the batch was already done).
     */
    int transferBatch(UUID planId, int batchNo, String actor, String reason, boolean notifyApplicants);

    /** How far a plan's batches have come, read from the batch records and the journal's primary key (cheap to poll). */
    BatchProgress batchProgress(UUID planId);

    /** @param batches 0 while the journal is not written; {@code moved} counts the dossiers of the batches done */
    record BatchProgress(int batches, int batchesDone, long moved) {
    }

    /** States, now, of the dossiers in the plan's journal that are still open. */
    Map<String, Long> journaledOpenByState(UUID planId);

    /** Journal rows per (from, to, rule). */
    List<Flow> flows(UUID planId);

    /**
     * {@link #journaledOpenByState} and, in the same read, how many dossiers moved by the plan with {@code rule} are
     * still held by the agency they were moved to (one pass over the journal and the dossiers instead of two).
     */
    JournaledOpen journaledOpen(UUID planId, String rule);

    record JournaledOpen(Map<String, Long> byState, long stillHeldByRule) {
    }

    /**
     * In the caller's transaction, locks and returns the oldest batch whose applicants are still to be told, among the
     * plans whose batches are all done (notices follow the moves, they do not compete with them); empty when none.
     */
    Optional<BatchToAnnounce> claimBatchToAnnounce();

    record BatchToAnnounce(UUID planId, int batchNo) {
    }

    /** The applicants to tell about one batch (those with an email address). */
    List<TransferNotice> notices(UUID planId, int batchNo);

    /** Records, in the caller's transaction, that the batch's applicants have been told. */
    void announced(UUID planId, int batchNo);

    /** Every journal row of the plan with its dossier, in batch order. */
    void forEachJournalEntry(UUID planId, Consumer<JournalEntry> each);

    /** The plan's journal row for one dossier (found per batch through the journal's key: no scan of the plan). */
    Optional<Transfer> journaled(UUID planId, UUID dossierId);

    /**
     * Moves one dossier held in {@code fromAgency} to another agency (triage decision), with its event; when
     * {@code notifyApplicant} and the applicant gave an e-mail, publishes {@link DossierTransferDecided} in the same
     * transaction.
     */
    boolean transferOne(UUID planId, UUID dossierId, String fromAgency, String toAgency, String toAgencyName,
                        String rule, Instant effective, String actor, String reason, boolean notifyApplicant);

    /**
     * Open dossiers held by one of these agency codes show that agency's name ({@code code → name}): names follow a
     * RENAME or RECLASSIFY that kept the code. Events and forms already issued keep what they said. Returns how many changed.
     */
    int refreshAgencyNames(Map<String, String> namesByCode);
}
