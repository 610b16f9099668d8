package vn.motcua.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (through the event publication registry, so never lost after commit) whenever a dossier
 * changes state. Carries what a notification needs, so listeners need not read the dossier back.
 */
public record DossierStateChanged(UUID dossierId, String code, DossierState from, DossierState to,
                                  Instant at, String procedureName, String agencyName,
                                  String applicantName, String applicantEmail, Instant dueAt,
                                  String reason) {
}
