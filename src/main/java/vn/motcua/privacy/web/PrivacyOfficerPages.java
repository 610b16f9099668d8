package vn.motcua.privacy.web;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.time.VietnamTime;
import vn.motcua.privacy.internal.DataExport;
import vn.motcua.privacy.internal.DataRequests;
import vn.motcua.privacy.internal.ExportPdf;

/**
 * The privacy officers' queue (auditors and administrators: the role vocabulary gives them the function, see
 * docs/privacy.md "Who answers"): open data subject requests, the nearest due first, late ones flagged; a request with
 * the citizen's data export and the form that records the answer.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class PrivacyOfficerPages {

    private final DataRequests requests;
    private final DataExport export;
    private final ExportPdf pdf;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    PrivacyOfficerPages(DataRequests requests, DataExport export, ExportPdf pdf, JsonMapper json,
                        MessageSource messages, Clock clock) {
        this.requests = requests;
        this.export = export;
        this.pdf = pdf;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/workbench/privacy/requests")
    String queue(Model model) {
        List<DataRequests.Request> open = requests.queue(true, 200);
        model.addAttribute("open", open);
        model.addAttribute("answered", requests.queue(false, 20));
        model.addAttribute("today", VietnamTime.today(clock));
        model.addAttribute("late", open.stream().filter(r -> r.dueOn().isBefore(VietnamTime.today(clock))).count());
        return "privacy/officer-requests";
    }

    @GetMapping("/workbench/privacy/requests/{id}")
    String request(@PathVariable UUID id, Model model) {
        DataRequests.Request r = requests.find(id);
        model.addAttribute("r", r);
        model.addAttribute("today", VietnamTime.today(clock));
        model.addAttribute("retained", "DELETION".equals(r.kind()) && "OPEN".equals(r.state())
                ? requests.retained(r.username()) : null);
        return "privacy/officer-request";
    }

    @PostMapping("/workbench/privacy/requests/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String answer, @RequestParam(required = false) String corrected,
                  Principal principal, RedirectAttributes flash, Locale locale) {
        try {
            requests.answer(id, outcome, answer, corrected, principal.getName());
            flash.addFlashAttribute("notice", messages.getMessage("privacy.officer.answered", null, locale));
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            flash.addFlashAttribute("outcome", outcome);
            flash.addFlashAttribute("answerText", answer);
            flash.addFlashAttribute("correctedText", corrected);
        }
        return "redirect:/workbench/privacy/requests/" + id;
    }

    @GetMapping("/workbench/privacy/requests/{id}/export.json")
    ResponseEntity<String> exportJson(@PathVariable UUID id, Principal principal) {
        DataRequests.Request r = requests.find(id);
        requests.exported(r, principal.getName(), "GET /workbench/privacy/requests/{id}/export.json");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-ca-nhan.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(export.export(r.username())));
    }

    @GetMapping("/workbench/privacy/requests/{id}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id, Principal principal, Locale locale) {
        DataRequests.Request r = requests.find(id);
        requests.exported(r, principal.getName(), "GET /workbench/privacy/requests/{id}/export.pdf");
        var doc = export.export(r.username());
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
}
