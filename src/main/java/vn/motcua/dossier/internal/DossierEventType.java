package vn.motcua.dossier.internal;

/**
 * The kinds of entries in a dossier's history ({@code dossier_event.type}, stored as the constant's name: the column
 * keeps its text values). Set-based writers in SQL use the same names: {@code TRANSFERRED} (reorganisation moves,
 * {@link CustodyLedgerStore}; routing out of a stranded agency, {@link StrandedWorkQueries}) and those of
 * {@link DossierBulkInserts}.
 */
public enum DossierEventType {
    // intake
    SUBMITTED, ROUTED, TRIAGED, SUPPLEMENT_REQUESTED, SUPPLEMENTED, REFUSED, ACCEPTED,
    // steps and assignment
    CLAIMED, ASSIGNED, REASSIGNED, FORWARDED, SENT_BACK, INTER_AGENCY_TRANSFER, TRANSFERRED,
    // pauses and extensions
    PROCESSING_SUPPLEMENT_REQUESTED, PROCESSING_SUPPLEMENTED, EXTENDED, STOPPED,
    // decision and result
    DECIDED, RESULT_RETURNED, RATED
}
