package vn.motcua.reorg;

import java.util.UUID;

/**
 * Published in the transaction of a decision on a dossier a plan had left in triage (a service centre held it): it now
 * goes to {@code toAgency}. Its move is the dossier module's {@code CustodyLedger} move of order {@code planId}.
 *
 * @param notifyApplicant whether the plan asked for applicants to be told
 */
public record TriageDecided(UUID planId, UUID dossierId, String toAgency, boolean notifyApplicant) {
}
