package vn.motcua.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that changes a dossier's state, whenever it does. Listeners run in that
 * transaction (notify writes its outbox row there, so it commits or rolls back with the change). Carries what a
 * notification needs, so listeners need not read the dossier back.
 *
 * @param receiptNumber the short receipt number given at submission (null only in events built by old code)
 */
public record DossierStateChanged(UUID dossierId, String code, DossierState from, DossierState to,
                                  Instant at, String procedureName, String agencyName,
                                  String applicantName, String applicantEmail, Instant dueAt,
                                  String reason, String receiptNumber) {

    public DossierStateChanged(UUID dossierId, String code, DossierState from, DossierState to, Instant at,
                               String procedureName, String agencyName, String applicantName, String applicantEmail,
                               Instant dueAt, String reason) {
        this(dossierId, code, from, to, at, procedureName, agencyName, applicantName, applicantEmail, dueAt, reason,
                null);
    }
}
