package vn.motcua.reorg;

/** What decided a dossier's successor agency. */
public enum RoutingRule {
    /** The old unit or agency went whole to one successor. */
    FULL_MERGE,
    /** The old unit was split (or its level abolished): the applicant's address (unit, street or hamlet) decided. */
    ADDRESS_RULE,
    /** The plan named the target (a dossier, or a procedure transferred to another agency). */
    EXPLICIT,
    /** Nothing decided with certainty: the new province's service centre routes it. */
    TRIAGE
}
