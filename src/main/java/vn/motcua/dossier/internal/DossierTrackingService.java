package vn.motcua.dossier.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTracking;

/** {@link DossierTracking} by the public tracking page's own lookup ({@link DossierQueries#track}). */
@Component
@Transactional(readOnly = true)
class DossierTrackingService implements DossierTracking {

    private final DossierQueries queries;
    private final DossierStore store;

    DossierTrackingService(DossierQueries queries, DossierStore store) {
        this.queries = queries;
        this.store = store;
    }

    @Override
    public Optional<Tracked> ofApplicant(String code, String username) {
        if (code == null || code.isBlank() || username == null) {
            return Optional.empty();
        }
        String c = code.strip();
        Optional<Dossier> found = ReceiptNumbers.parse(c).flatMap(store::findByReceiptNumber);
        if (found.isEmpty()) {
            found = store.findByCode(c.toUpperCase(Locale.ROOT));
        }
        return found.filter(d -> username.equals(d.submittedBy())).map(DossierTrackingService::tracked);
    }

    @Override
    public Optional<Tracked> byTrackingCheck(String code, String last4) {
        if (code == null || code.isBlank() || last4 == null || !Dossier.Applicant.isCheck(last4.strip())) {
            return Optional.empty();
        }
        return queries.track(code, last4).map(DossierTrackingService::tracked);
    }

    private static Tracked tracked(Dossier d) {
        return new Tracked(d.id(), d.code() != null ? d.code() : d.receiptNumber(), d.agencyCode(), d.agencyName());
    }
}
