package vn.motcua.dossier;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may name a dossier, for modules above the dossier module that link something to one (a citizen's question about
 * their dossier): its applicant's account, or anyone who passes the public tracking check (the dossier code or receipt
 * number and the last four digits of the applicant's phone or personal ID). An unknown code and a wrong check give the
 * same empty answer; the caller counts failures against the tracking throttle.
 */
public interface DossierTracking {

    /** What a linked record keeps of the dossier: {@code code} is the dossier code, or the receipt number before one. */
    record Tracked(UUID id, String code, String agencyCode, String agencyName) {
    }

    /** The dossier with that code or receipt number, when {@code username} submitted it. */
    Optional<Tracked> ofApplicant(String code, String username);

    /** The dossier with that code or receipt number, when {@code last4} passes its tracking check. */
    Optional<Tracked> byTrackingCheck(String code, String last4);
}
