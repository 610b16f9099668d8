package vn.motcua.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * A dossier's result returned to its applicant (state RETURNED), as handed to the applicant's data store
 * ({@link vn.motcua.dossier.spi.ResultStore}) after the return commits. Carries the result document, so that the store
 * keeps it without reading the dossier back.
 *
 * @param applicantUsername the account that submitted the dossier (the citizen, or the officer at the counter)
 * @param agencyCode        the agency that decided, as it was
 * @param agencyUnitCode    the administrative unit that agency served, as it was (null if unknown)
 * @param resultName        what the procedure issues (e.g. "Giấy khai sinh"), from the catalogue; null if unknown
 * @param outcome           APPROVED or DENIED
 * @param channel           ONLINE (submitted by the applicant's own account) or COUNTER (by an officer for them)
 */
public record ResultReturned(UUID dossierId, String dossierCode, String procedureCode, String procedureName,
                             String applicantUsername, String applicantName, String agencyCode, String agencyName,
                             String agencyUnitCode, String resultName, String outcome, String fileName,
                             String contentType, byte[] content, String sha256, Instant decidedAt, Instant returnedAt,
                             String delivery, String channel) {
}
