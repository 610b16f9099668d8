package vn.motcua.privacy.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.Consents;
import vn.motcua.privacy.internal.DataExport;
import vn.motcua.privacy.internal.DataRequests;

/** {@code /my/privacy}: the citizen's data — the export (JSON, PDF), the consent to reuse, requests and answers. */
@Controller
class PrivacyPages {

    private static final List<String> KINDS = List.of("ACCESS", "CORRECTION", "DELETION", "RESTRICTION");
    private final DataRequests requests;
    private final Consents consents;
    private final DataExport export;
    private final DataRequestApi api;
    private final JsonMapper json;
    private final MessageSource messages;
    private final int workingDays;

    PrivacyPages(DataRequests requests, Consents consents, DataExport export, DataRequestApi api, JsonMapper json,
                 MessageSource messages, @Value("${motcua.privacy.requests.working-days:2}") int workingDays) {
        this.requests = requests;
        this.consents = consents;
        this.export = export;
        this.api = api;
        this.json = json;
        this.messages = messages;
        this.workingDays = workingDays;
    }

    @GetMapping("/my/privacy")
    String page(Principal principal, Model model) {
        var reuse = consents.latest(principal.getName(), Consents.DATA_STORE_REUSE);
        model.addAttribute("reuseGiven", reuse.map(Consents.Consent::given).orElse(false));
        model.addAttribute("reuseDecided", reuse.isPresent());
        model.addAttribute("requests", requests.mine(principal.getName()));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("workingDays", workingDays);
        return "privacy/my-privacy";
    }

    @PostMapping("/my/privacy/requests")
    String file(@RequestParam(required = false) String kind, @RequestParam(required = false) String detail,
                @RequestParam(required = false) String reason, Principal principal, RedirectAttributes flash,
                Locale locale) {
        try {
            var r = requests.file(principal.getName(), kind, detail, reason);
            flash.addFlashAttribute("notice", messages.getMessage("privacy.my.request.sent",
                    new Object[]{r.dueOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))}, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/my/privacy";
    }

    @PostMapping("/my/privacy/consent")
    String consent(@RequestParam String purpose, @RequestParam String action,
                   @RequestParam(required = false) String back, Principal principal,
                   RedirectAttributes flash, Locale locale) {
        if (!Consents.PURPOSES.contains(purpose)) {
            throw ApiException.notFound("privacy.consent.purpose");
        }
        if ("withdraw".equals(action)) {
            consents.withdraw(principal.getName(), purpose, "POST /my/privacy/consent");
            flash.addFlashAttribute("notice", messages.getMessage("privacy.my.consent.withdrawnNotice", null, locale));
        } else {
            consents.give(principal.getName(), purpose, "POST /my/privacy/consent");
            flash.addFlashAttribute("notice", messages.getMessage("privacy.my.consent.givenNotice", null, locale));
        }
        // Back to the data-store page when asked from there; no other target (no open redirect).
        return "/my/data".equals(back) ? "redirect:/my/data" : "redirect:/my/privacy";
    }

    @GetMapping("/my/privacy/export.json")
    ResponseEntity<String> exportJson(Principal principal) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-ca-nhan.json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(export.export(principal.getName())));
    }

    @GetMapping("/my/privacy/export.pdf")
    ResponseEntity<byte[]> exportPdf(Principal principal, Locale locale) {
        return api.exportPdf(principal, locale);
    }
}
