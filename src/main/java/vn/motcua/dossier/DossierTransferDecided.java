package vn.motcua.dossier;

import java.util.UUID;

/**
 * Published inside the transaction of a triage decision taken after a reorganisation plan, when the applicant is to be
 * told: the dossier the plan had left with the service centre now goes to {@code toAgency}.
 */
public record DossierTransferDecided(UUID planId, String toAgency, DossierTransfers.TransferNotice notice) {
}
