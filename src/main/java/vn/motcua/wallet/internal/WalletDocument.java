package vn.motcua.wallet.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A document of a citizen's data store, without its content. */
public record WalletDocument(UUID id, String owner, String type, String name, String issuerName, String issuerAgencyCode,
                             String issuerUnitCode, LocalDate issuedOn, LocalDate validUntil, Source source,
                             String fileName, String contentType, int size, String sha256, UUID dossierId,
                             String dossierCode, String verificationCode, boolean signed, Instant revokedAt, Instant createdAt) {

    public enum Source { UPLOAD, DIGITISED, RESULT }

    public boolean validOn(LocalDate day) {
        return revokedAt == null && (validUntil == null || !day.isAfter(validUntil));
    }
}
