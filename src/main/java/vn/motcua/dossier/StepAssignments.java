package vn.motcua.dossier;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who open processing steps are assigned to, for the reorganisation engine's reconciliation: an open step of an
 * open dossier must not stay assigned to an officer who no longer holds a post in the step's agency (their post
 * holding ended, or their post closed with its agency). Read-only, one SQL statement.
 */
public interface StepAssignments {

    /** An account allowed in an agency's queues on the date checked: it holds a post there. */
    record Seat(String agencyCode, String username) {
    }

    /** An open step assigned to someone holding no seat in the step's agency. */
    record StaleAssignment(UUID dossierId, String dossierCode, int seq, String stepCode, String agencyCode,
                           String assignee, String assigneeName) {
    }

    /** How many, and the first {@code limit} of them. */
    record Stale(long count, List<StaleAssignment> sample) {
    }

    /**
     * Among the open steps of open dossiers that are in the plan's transfer journal, or that are assigned to one of
     * {@code usernames}: those whose assignee is not among the {@code seats} of the step's agency.
     */
    Stale staleAssignments(UUID planId, Collection<String> usernames, Collection<Seat> seats, int limit);
}
