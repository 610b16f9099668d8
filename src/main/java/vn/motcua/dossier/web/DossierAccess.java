package vn.motcua.dossier.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.dossier.internal.ProcessingStore;
import vn.motcua.platform.api.ApiException;

/**
 * Who may see a dossier: its applicant; officers holding a post today in its agency, its triage owner
 * or the agency where it was handed in (a post restricted to a field: see {@link ProcessingAccess#reaches});
 * administrators and auditors. Others get 404 (citizens, so a
 * dossier's existence is not revealed) or 403 (officers).
 */
@Component
class DossierAccess {

    private final DossierStore store;
    private final Officers officers;
    private final ProcessingAccess processing;
    private final ProcessingStore steps;
    private final AccessLogging accessLog;

    DossierAccess(DossierStore store, Officers officers, ProcessingAccess processing, ProcessingStore steps,
                  AccessLogging accessLog) {
        this.accessLog = accessLog;
        this.store = store;
        this.officers = officers;
        this.processing = processing;
        this.steps = steps;
    }

    Dossier visible(UUID id, Authentication auth) {
        Dossier d = store.find(id).orElseThrow(() -> ApiException.notFound("dossier.notFound"));
        if (hasRole(auth, "ADMIN") || hasRole(auth, "AUDITOR")) {
            accessLog.viewed(d, auth);
            return d;
        }
        if (hasRole(auth, "CITIZEN")) {
            if (!d.submittedBy().equals(auth.getName())) {
                throw ApiException.notFound("dossier.notFound");
            }
            return d;
        }
        String triageOwner = store.triageOwner(id);
        java.util.function.Predicate<String> mine = code -> code.equals(d.agencyCode()) || code.equals(triageOwner)
                || code.equals(d.receptionPoint());
        boolean ofMyAgency = officers.posts(auth.getName()).stream().map(p -> p.agency().code()).anyMatch(mine);
        // A handling post restricted to a field (lĩnh vực) sees the accepted dossiers of its field only.
        if (!ofMyAgency || !processing.reaches(d, auth.getName(), steps.steps(id), mine)) {
            throw ApiException.forbidden("dossier.forbidden.agency");
        }
        accessLog.viewed(d, auth);
        return d;
    }

    static boolean hasRole(Authentication auth, String role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
