package vn.motcua.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an officer issues Form 04 before the appointment passes: an apology, the reason and
 * the new appointment (the old one extended by so many working days). Consumed by notifications.
 */
public record DossierApologyIssued(UUID dossierId, String code, Instant at, String procedureName, String agencyName,
                                   String applicantName, String applicantEmail, Instant previousDueAt,
                                   Instant newDueAt, int workingDays, String reason) {
}
