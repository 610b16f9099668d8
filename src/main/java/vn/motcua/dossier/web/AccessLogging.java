package vn.motcua.dossier.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.privacy.AccessLog;

/**
 * Writes the access log (privacy) when someone other than the applicant is shown a dossier: called by the access
 * checks ({@link DossierAccess#visible}, {@link ProcessingAccess#visible}) that every page, API answer and download
 * of one dossier goes through, for GET requests (an action's POST redirects to the page, which is logged). The
 * purpose is the page or API call ({@code GET /workbench/processing/{id}}).
 */
@Component
class AccessLogging {

    private final AccessLog log;
    private final Officers officers;

    AccessLogging(AccessLog log, Officers officers) {
        this.log = log;
        this.officers = officers;
    }

    void viewed(Dossier d, Authentication auth) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || DossierAccess.hasRole(auth, "CITIZEN")) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p
                ? p : request.getRequestURI();
        // One view, one row: once per request and dossier, and not for a panel (what the page showed: DOSSIER) that
        // names its page's logged view. A slip, form, result or attachment is always a row of its own.
        String once = VIEW_ID + "/" + d.id();
        String what = what(pattern);
        Actor a = officers.actor(auth);
        if (request.getAttribute(once) != null || ("DOSSIER".equals(what) && panel(request, pattern)
                && log.partOfView(uuid(request.getParameter("view")), a.username(), d.id()))) {
            return;
        }
        UUID view = UUID.randomUUID();
        request.setAttribute(once, view);
        request.setAttribute(VIEW_ID, view); // the page's panels send it back (?view=…)
        log.viewed(d.id(), new AccessLog.Viewer(a.username(), a.displayName(), a.agencyCode(), a.postTitle()),
                what, "GET " + pattern, view);
    }

    /** The dossier's own pages: each is a view of its own, whatever {@code view} they are given. */
    private static final java.util.Set<String> PAGES = java.util.Set.of("/workbench/dossiers/{id}",
            "/workbench/processing/{id}");

    /**
     * Whether the request may be a panel of a page's view (the appraisal, questions and training panels are workbench
     * pages). An API answer or a dossier page is never one: a view id sent to them (even one the server issued to
     * this officer for this dossier) would let the same officer read the dossier again and again unlogged.
     */
    private static boolean panel(HttpServletRequest request, String pattern) {
        return !vn.motcua.platform.api.ApiPaths.isApi(request) && !PAGES.contains(pattern);
    }

    /** The request attribute (a template variable) holding the view id the page's panels send back as {@code view}. */
    static final String VIEW_ID = "accessViewId";

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String what(String pattern) {
        if (pattern.contains("/slips/")) {
            return "SLIP";
        } else if (pattern.contains("/forms/")) {
            return "FORM";
        } else if (pattern.endsWith("/result")) {
            return "RESULT";
        } else if (pattern.contains("/attachments/")) {
            return "ATTACHMENT";
        }
        return "DOSSIER";
    }
}
