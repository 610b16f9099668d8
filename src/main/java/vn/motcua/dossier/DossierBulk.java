package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Set-based creation of many dossiers at once (one COPY and one INSERT … SELECT), for fixtures of the
 * reorganisation engine's tests and benchmarks and for migrations of dossiers from legacy systems. Each dossier
 * gets one RECEIVED event (and one ACCEPTED event when accepted). No routing, no validation of the procedure.
 */
public interface DossierBulk {

    record NewDossier(UUID id, String code, String procedureCode, String procedureName, DossierState state,
                      String applicantName, String applicantPhone, String applicantEmail, String addressUnitCode,
                      String addressLine, String agencyCode, String agencyName, Instant receivedAt, Instant dueAt) {
    }

    /** Inserts the dossiers and their first events; returns how many were inserted. */
    int insert(List<NewDossier> dossiers);
}
