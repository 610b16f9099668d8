package vn.motcua.dossier;

import java.util.UUID;

import org.springframework.security.core.Authentication;

/**
 * The dossier module's rule for "may this officer act on (see) this dossier", for modules above it that show officers
 * something about one dossier (the assistant's appraisal panel). The same rule as the dossier's own reception and
 * processing pages: officers holding a post today in its agency, its triage owner, the agency where it was handed in,
 * or the agency of one of its steps (a post restricted to a field sees its field only); administrators and auditors.
 * The view is written to the access log.
 */
public interface OfficerDossierAccess {

    /**
     * The dossier, or a 404 {@code ApiException} (unknown id; a citizen's view of someone else's dossier) or a 403 one
     * (an officer of another agency). Callers that serve officers only must turn citizens away themselves.
     */
    Dossier visibleTo(UUID dossierId, Authentication auth);
}
