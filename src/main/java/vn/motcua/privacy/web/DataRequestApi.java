package vn.motcua.privacy.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.Consents;
import vn.motcua.privacy.internal.DataExport;
import vn.motcua.privacy.internal.DataRequests;
import vn.motcua.privacy.internal.ExportPdf;

/** Data subject requests, the export as PDF and consents (the citizen's side), and the privacy officers' queue. */
@RestController
@Tag(name = "Privacy", description = "Personal data: who viewed a dossier's personal data, a citizen's own data, encryption keys")
class DataRequestApi {

    private final DataRequests requests;
    private final DataExport export;
    private final ExportPdf pdf;
    private final Consents consents;
    private final MessageSource messages;

    DataRequestApi(DataRequests requests, DataExport export, ExportPdf pdf, Consents consents, MessageSource messages) {
        this.requests = requests;
        this.export = export;
        this.pdf = pdf;
        this.consents = consents;
        this.messages = messages;
    }

    record NewRequest(String kind, String detail, String reason) {
    }

    record Answer(String outcome, String answer, String corrected) {
    }

    @PostMapping("/api/v1/me/data-requests")
    @PreAuthorize("hasRole('CITIZEN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a request about one's own personal data: ACCESS, CORRECTION (detail: what, reason: why), "
            + "DELETION or RESTRICTION; due in the legal time limit of working days. Access is answered at once (the "
            + "export), a deletion too when dossiers are under archival retention (refused, with the date until when)")
    DataRequests.Request file(@RequestBody NewRequest body, Principal principal) {
        if (body == null) {
            throw ApiException.badRequest("privacy.request.kind");
        }
        return requests.file(principal.getName(), body.kind(), body.detail(), body.reason());
    }

    @GetMapping("/api/v1/me/data-requests")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "The signed-in citizen's requests about their data, newest first, with their answers")
    List<DataRequests.Request> mine(Principal principal) {
        return requests.mine(principal.getName());
    }

    @GetMapping("/api/v1/me/data-export/pdf")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "The signed-in citizen's data export (as GET /api/v1/me/data-export) as a PDF")
    ResponseEntity<byte[]> exportPdf(Principal principal, Locale locale) {
        var doc = export.export(principal.getName());
        Map<String, String> headings = new LinkedHashMap<>();
        for (String key : List.of("title", "subject", "generatedAt")) {
            headings.put(key, messages.getMessage("privacy.export." + key, null, locale));
        }
        doc.properties().forEach(e -> headings.put(e.getKey(),
                messages.getMessage("privacy.export.section." + e.getKey(), null, e.getKey(), locale)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-ca-nhan.pdf\"")
                .body(pdf.render(doc, headings));
    }

    @GetMapping("/api/v1/privacy/data-requests")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Operation(summary = "The privacy officers' queue (auditors, administrators): open requests, the nearest due "
            + "first; state=ANSWERED for the answered ones, newest first")
    List<DataRequests.Request> queue(@RequestParam(defaultValue = "OPEN") String state,
                                     @RequestParam(defaultValue = "200") int limit) {
        if (!state.equals("OPEN") && !state.equals("ANSWERED")) {
            throw ApiException.badRequest("privacy.request.state");
        }
        return requests.queue(state.equals("OPEN"), limit);
    }

    @PostMapping("/api/v1/privacy/data-requests/{id}/answer")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Operation(summary = "Record the answer to a request (outcome DONE, PARTLY or REFUSED, and its text); a deletion "
            + "cannot be DONE while the citizen's dossiers are under retention (409 with the reason); a correction carried "
            + "out (DONE, PARTLY) says what was corrected (corrected, required). The citizen is e-mailed the answer")
    DataRequests.Request answer(@PathVariable UUID id, @RequestBody Answer body, Principal principal) {
        if (body == null) {
            throw ApiException.badRequest("privacy.request.outcome");
        }
        return requests.answer(id, body.outcome(), body.answer(), body.corrected(), principal.getName());
    }

    record ConsentView(String purpose, boolean given, String action, java.time.Instant at, String source) {
    }

    @GetMapping("/api/v1/me/consents")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "The signed-in citizen's consents, per purpose (DATA_STORE_REUSE: reuse of the data store's "
            + "documents and profile in new dossiers)")
    List<ConsentView> consents(Principal principal) {
        return Consents.PURPOSES.stream().map(p -> consents.latest(principal.getName(), p)
                .map(c -> new ConsentView(p, c.given(), c.action(), c.at(), c.source()))
                .orElse(new ConsentView(p, false, null, null, null))).toList();
    }

    @PutMapping("/api/v1/me/consents/{purpose}")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Give consent for a purpose")
    ConsentView give(@PathVariable String purpose, Principal principal) {
        consents.give(principal.getName(), known(purpose), "PUT /api/v1/me/consents/{purpose}");
        return consents(principal).stream().filter(c -> c.purpose().equals(purpose)).findFirst().orElseThrow();
    }

    @DeleteMapping("/api/v1/me/consents/{purpose}")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Withdraw consent for a purpose; honoured from the next request (no more reuse offer or prefill)")
    ConsentView withdraw(@PathVariable String purpose, Principal principal) {
        consents.withdraw(principal.getName(), known(purpose), "DELETE /api/v1/me/consents/{purpose}");
        return consents(principal).stream().filter(c -> c.purpose().equals(purpose)).findFirst().orElseThrow();
    }

    private static String known(String purpose) {
        if (!Consents.PURPOSES.contains(purpose)) {
            throw ApiException.notFound("privacy.consent.purpose");
        }
        return purpose;
    }
}
