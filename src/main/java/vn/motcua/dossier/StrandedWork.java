package vn.motcua.dossier;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The system-wide half of the reorganisation invariant, independent of any plan: open work that refers to an agency
 * that has no version valid now (a dossier's agency or triage owner, an open step's agency), or an open step assigned
 * to someone who holds no post in its agency. Read-only; each kind one SQL statement (an anti-join against the
 * agency codes and seats given).
 */
public interface StrandedWork {

    /** DOSSIER (its agency), TRIAGE (its triage owner), STEP (an open step's agency), ASSIGNMENT (the step's assignee). */
    enum Kind { DOSSIER, TRIAGE, STEP, ASSIGNMENT }

    record Item(Kind kind, UUID dossierId, String dossierCode, String agencyCode, String agencyName, String state,
                String assignee) {
    }

    /** Counts per kind and the first {@code limit} items of each kind. */
    record Found(long dossiers, long triage, long steps, long assignments, List<Item> sample) {

        public long count() {
            return dossiers + triage + steps + assignments;
        }
    }

    Found find(Collection<String> validAgencyCodes, Collection<StepAssignments.Seat> seats, int limit);

    /**
     * Moves one stranded open dossier (its agency or triage owner has no version valid now) to the triage queue of
     * {@code triageOwner}, with a TRANSFERRED event (rule TRIAGE); its open steps follow, their assignment ends.
     * False when the dossier is not open or no longer held by {@code fromAgency}.
     */
    boolean routeToTriage(UUID dossierId, String fromAgency, String triageOwner, String actor, String reason);

    /** The agency (or triage owner) holding an open dossier; empty when it is not open or unknown. */
    java.util.Optional<String> holder(UUID dossierId);
}
