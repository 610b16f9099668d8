package vn.motcua.privacy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.AccessLog;
import vn.motcua.privacy.RetainedDossiers;
import vn.motcua.privacy.internal.DataExport;

@RestController
@Tag(name = "Privacy", description = "Personal data: who viewed a dossier's personal data, a citizen's own data, encryption keys")
class PrivacyApi {

    private final AccessLog accessLog;
    private final DataExport export;
    /** Who submitted a dossier is the dossier module's to say (absent in a slice of this module alone). */
    private final ObjectProvider<RetainedDossiers> dossiers;

    PrivacyApi(AccessLog accessLog, DataExport export, ObjectProvider<RetainedDossiers> dossiers) {
        this.accessLog = accessLog;
        this.export = export;
        this.dossiers = dossiers;
    }

    /** A row as the applicant sees it (the officer's name, post and agency) and, for auditors, the account too. */
    record View(Instant at, String who, String post, String agency, String what, String purpose, String username) {
    }

    @GetMapping("/api/v1/dossiers/{id}/access-log")
    @Operation(summary = "Who opened this dossier's personal data, newest first (its applicant, or auditors)")
    List<View> dossierLog(@PathVariable UUID id, Authentication auth) {
        boolean auditor = has(auth, "AUDITOR");
        // The applicant is the account that submitted the dossier (dossier.submitted_by, in the register).
        RetainedDossiers owner = dossiers.getIfAvailable();
        String applicant = owner == null ? null : owner.applicantAccount(id);
        if (!auditor && (applicant == null || !has(auth, "CITIZEN") || !applicant.equals(auth.getName()))) {
            throw ApiException.forbidden("privacy.accessLog.forbidden");
        }
        if (applicant == null) {
            throw ApiException.notFound("privacy.dossier.notFound");
        }
        return accessLog.ofDossier(id).stream().map(e -> new View(e.at(), e.who(), e.post(), e.agency(), e.what(),
                e.purpose(), auditor ? e.username() : null)).toList();
    }

    @GetMapping("/api/v1/access-log")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Search the access log by officer (username), dossier and days (auditors); newest first, at most 1000")
    List<AccessLog.Entry> search(@RequestParam(required = false) String officer,
                                 @RequestParam(required = false) UUID dossier,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "200") int limit) {
        return accessLog.search(officer, dossier, from, to, limit);
    }

    @GetMapping("/api/v1/me/data-export")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "All personal data held about the signed-in citizen, as JSON: account, dossiers with applicant "
            + "data and form content, attachments' metadata, history, requests, results, drafts, notifications and "
            + "who viewed them (Law 91/2025/QH15)")
    ObjectNode dataExport(Authentication auth) {
        return export.export(auth.getName());
    }

    static boolean has(Authentication auth, String role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
