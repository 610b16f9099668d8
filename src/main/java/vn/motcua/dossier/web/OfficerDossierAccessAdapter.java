package vn.motcua.dossier.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.OfficerDossierAccess;
import vn.motcua.platform.api.ApiException;

/** {@link OfficerDossierAccess} by the reception page's rule, then the processing page's (steps in other agencies). */
@Component
class OfficerDossierAccessAdapter implements OfficerDossierAccess {

    private final DossierAccess reception;
    private final ProcessingAccess processing;

    OfficerDossierAccessAdapter(DossierAccess reception, ProcessingAccess processing) {
        this.reception = reception;
        this.processing = processing;
    }

    @Override
    public Dossier visibleTo(UUID dossierId, Authentication auth) {
        try {
            return reception.visible(dossierId, auth);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.FORBIDDEN) {
                throw e;
            }
            return processing.visible(dossierId, auth);
        }
    }
}
