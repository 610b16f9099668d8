package vn.motcua.wallet.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document of a citizen's data store, without its content.
 *
 * @param digitisedBy for a DIGITISED copy: the officer and agency ("Trần Thị Bình, UBND phường Sài Gòn")
 * @param keyFields   for a DIGITISED copy: the key fields the officer confirmed, as JSON
 */
public record WalletDocument(UUID id, String owner, String type, String name, String issuerName, String issuerAgencyCode,
                             String issuerUnitCode, LocalDate issuedOn, LocalDate validUntil, Source source,
                             String fileName, String contentType, int size, String sha256, UUID dossierId,
                             String dossierCode, String verificationCode, boolean signed, Instant revokedAt, Instant createdAt,
                             String digitisedBy, Instant digitisedAt, String keyFields) {

    public enum Source { UPLOAD, DIGITISED, RESULT }

    public boolean validOn(LocalDate day) {
        return revokedAt == null && (validUntil == null || !day.isAfter(validUntil));
    }
}
