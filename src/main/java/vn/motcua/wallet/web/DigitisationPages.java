package vn.motcua.wallet.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.wallet.internal.DigitisationWorker;
import vn.motcua.wallet.internal.Digitisations;

/**
 * {@code /workbench/digitise}: the reception officer's counter digitisation — upload a scan (for a dossier), see what
 * was read once OCR is done, confirm type and key fields with the citizen's consent.
 */
@Controller
@PreAuthorize("hasRole('RECEPTION_OFFICER')")
class DigitisationPages {

    private final Digitisations digitisations;
    private final DigitisationWorker worker;
    private final MessageSource messages;

    DigitisationPages(Digitisations digitisations, DigitisationWorker worker, MessageSource messages) {
        this.digitisations = digitisations;
        this.worker = worker;
        this.messages = messages;
    }

    @GetMapping("/workbench/digitise")
    String start(@RequestParam(required = false) UUID dossier, Principal principal, Model model) {
        model.addAttribute("dossier", dossier);
        model.addAttribute("recent", digitisations.recent(principal.getName()));
        return "wallet/digitise";
    }

    @PostMapping("/workbench/digitise")
    String upload(@RequestParam(required = false) String citizen, @RequestParam(required = false) UUID dossier,
                  @RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
                  RedirectAttributes flash, Locale locale) {
        try {
            var d = digitisations.upload(principal.getName(), citizen, dossier,
                    file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : WalletApi.bytes(file));
            worker.wake();
            return "redirect:/workbench/digitise/" + d.id();
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/workbench/digitise" + (dossier == null ? "" : "?dossier=" + dossier);
        }
    }

    @GetMapping("/workbench/digitise/{id}")
    String one(@PathVariable UUID id, Principal principal, Model model) {
        model.addAttribute("scan", digitisations.find(principal.getName(), id));
        return "wallet/digitise-confirm";
    }

    @GetMapping("/workbench/digitise/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id, Principal principal) {
        var d = digitisations.find(principal.getName(), id);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(d.contentType()))
                .header("Content-Security-Policy", WalletApi.CSP).header("X-Content-Type-Options", "nosniff")
                .cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
                .body(digitisations.content(principal.getName(), id));
    }

    @PostMapping("/workbench/digitise/{id}")
    String confirm(@PathVariable UUID id, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String issuer, @RequestParam(required = false) LocalDate issuedOn,
                   @RequestParam(required = false) LocalDate validUntil, @RequestParam(required = false) String fullName,
                   @RequestParam(required = false) String personalId, @RequestParam(required = false) String number,
                   @RequestParam(required = false) String consent, Authentication auth, Model model,
                   RedirectAttributes flash, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        String wrongDates = vn.motcua.platform.web.DateInputs.wrongDates(request, f -> "wallet.upload.field." + f,
                messages, locale);
        if (wrongDates != null) { // shown again with each wrong date named on its field (the fragment reads them)
            model.addAttribute("error", wrongDates);
            return one(id, () -> auth.getName(), model);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "fullName", fullName);
        put(fields, "personalId", personalId);
        put(fields, "number", number);
        try {
            var doc = digitisations.confirm(auth, id, new Digitisations.Confirmation(type, null, issuer, issuedOn,
                    validUntil, fields, "yes".equals(consent)));
            flash.addFlashAttribute("notice", messages.getMessage("wallet.digitise.done", new Object[]{doc.type()}, locale));
            return "redirect:/workbench/digitise/" + id;
        } catch (ApiException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            return one(id, () -> auth.getName(), model);
        }
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value.strip());
        }
    }
}
