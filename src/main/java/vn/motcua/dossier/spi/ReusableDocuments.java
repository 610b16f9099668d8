package vn.motcua.dossier.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents a citizen already holds (in the wallet module's data store) that intake may attach to a dossier instead of
 * an upload. Defined here, implemented by the wallet, so that the dossier module does not depend on it; when no
 * implementation is present, nothing can be reused.
 */
public interface ReusableDocuments {

    /** A document held by {@code owner}, as the e-form offers it for reuse. */
    record Held(UUID id, String type, String name, String issuer, LocalDate issuedOn, LocalDate validUntil) {

        public boolean validOn(LocalDate day) {
            return validUntil == null || !day.isAfter(validUntil);
        }
    }

    /** A document's file, for attaching to a dossier. */
    record Resolved(UUID id, String fileName, String contentType, byte[] content, LocalDate validUntil) {

        public boolean validOn(LocalDate day) {
            return validUntil == null || !day.isAfter(validUntil);
        }
    }

    /** The document with this id if {@code owner} holds it; empty for an unknown id and for another person's document. */
    Optional<Resolved> resolve(String owner, UUID documentId);

    /** The documents {@code owner} holds that are valid on {@code day}. */
    List<Held> held(String owner, LocalDate day);
}
