package vn.motcua.assistant.appraisal.web;

import org.springframework.security.core.Authentication;

import vn.motcua.platform.api.ApiException;

/** The officer assistant is for officers: a citizen (even on their own dossier) gets 403. */
final class OfficersOnly {

    private OfficersOnly() {
    }

    static void require(Authentication auth) {
        boolean officer = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().startsWith("ROLE_") && !"ROLE_CITIZEN".equals(a.getAuthority()));
        if (!officer) {
            throw ApiException.forbidden("appraisal.officersOnly");
        }
    }
}
