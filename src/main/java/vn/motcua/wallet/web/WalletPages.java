package vn.motcua.wallet.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.privacy.Consents;
import vn.motcua.platform.api.ApiException;
import vn.motcua.wallet.CitizenProfiles;
import vn.motcua.wallet.internal.ProfileService;
import vn.motcua.wallet.internal.Revocations;
import vn.motcua.platform.throttle.Limit;
import vn.motcua.platform.throttle.Throttle;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import vn.motcua.wallet.internal.WalletDocument;
import vn.motcua.wallet.internal.WalletService;

/** {@code /my/data}: the citizen's documents, one document's file, an upload; {@code /verify}: the public check. */
@Controller
class WalletPages {

    private final WalletService wallet;
    private final DocumentViews views;
    private final MessageSource messages;
    private final ProfileService profiles;
    private final Revocations revocations;
    private final Throttle throttle;
    private final Limit rate;
    private final Consents consents;

    WalletPages(WalletService wallet, DocumentViews views, MessageSource messages, ProfileService profiles,
                Revocations revocations, Throttle throttle, @Value("${motcua.wallet.verify-rate:20/PT1M}") String rate,
                Consents consents) {
        this.consents = consents;
        this.revocations = revocations;
        this.throttle = throttle;
        this.rate = Limit.parse(rate);
        this.profiles = profiles;
        this.wallet = wallet;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/my/data")
    String documents(Principal principal, Model model) {
        model.addAttribute("documents", views.views(wallet.documents(principal.getName())));
        var reuse = consents.latest(principal.getName(), Consents.DATA_STORE_REUSE);
        model.addAttribute("reuseGiven", reuse.map(Consents.Consent::given).orElse(false));
        model.addAttribute("reuseDecided", reuse.isPresent());
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", profiles.profile(principal.getName()).orElse(EMPTY));
        }
        if (!model.containsAttribute("profileErrors")) {
            model.addAttribute("profileErrors", List.of());
        }
        return "wallet/my-data";
    }

    private static final CitizenProfiles.CitizenProfile EMPTY =
            new CitizenProfiles.CitizenProfile(null, null, null, null, null, null, null, null, null, null);

    @PostMapping("/my/data/profile")
    String saveProfile(@RequestParam(required = false) String fullName, @RequestParam(required = false) String personalId,
                       @RequestParam(required = false) String birthDate, @RequestParam(required = false) String sex,
                       @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                       @RequestParam(required = false) String permanentUnitCode,
                       @RequestParam(required = false) String permanentDetail,
                       @RequestParam(required = false) String currentUnitCode,
                       @RequestParam(required = false) String currentDetail,
                       Principal principal, Model model, RedirectAttributes flash, Locale locale,
                       jakarta.servlet.http.HttpServletRequest request) {
        LocalDate birth = null;
        List<ProfileApi.FieldProblem> errors = new java.util.ArrayList<>();
        String dateKey = vn.motcua.platform.web.DateInputs.errors(request).get("birthDate");
        if (dateKey != null) { // three boxes that make no date (31/02, a two-digit year)
            errors.add(new ProfileApi.FieldProblem("birthDate", dateKey, vn.motcua.platform.web.DateInputs.wrongDate(
                    request, "birthDate", "wallet.profile.birthDateLabel", messages, locale)));
        }
        try {
            birth = birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new ProfileApi.FieldProblem("birthDate", "wallet.profile.birthDate",
                    messages.getMessage("wallet.profile.birthDate", null, locale)));
        }
        CitizenProfiles.Sex s = "MALE".equals(sex) ? CitizenProfiles.Sex.MALE
                : "FEMALE".equals(sex) ? CitizenProfiles.Sex.FEMALE : null;
        var p = new CitizenProfiles.CitizenProfile(fullName, personalId, birth, s, phone, email, permanentUnitCode,
                permanentDetail, currentUnitCode, currentDetail);
        if (errors.isEmpty()) {
            try {
                ProfileApi.save(profiles, messages, principal.getName(), p, locale);
                flash.addFlashAttribute("notice", messages.getMessage("wallet.profile.saved", null, locale));
                return "redirect:/my/data";
            } catch (ApiException e) {
                @SuppressWarnings("unchecked")
                List<ProfileApi.FieldProblem> list = (List<ProfileApi.FieldProblem>) e.properties().get("errors");
                errors.addAll(list);
            }
        }
        model.addAttribute("profile", p);
        model.addAttribute("profileErrors", errors);
        return documents(principal, model);
    }

    @GetMapping("/my/data/documents/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download,
                                Principal principal) {
        return WalletApi.file(wallet.document(principal.getName(), id), wallet.content(principal.getName(), id), download);
    }

    @PostMapping("/my/data/documents")
    String upload(@RequestParam(required = false) String type, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String issuer,
                  @RequestParam(required = false) LocalDate issuedOn, @RequestParam(required = false) LocalDate validUntil,
                  @RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
                  RedirectAttributes flash, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        String wrongDates = vn.motcua.platform.web.DateInputs.wrongDates(request, f -> "wallet.upload.field." + f,
                messages, locale);
        if (wrongDates != null) { // refused: each wrong date named with its label
            flash.addFlashAttribute("error", wrongDates);
            return "redirect:/my/data";
        }
        try {
            WalletDocument d = wallet.upload(principal.getName(), new WalletService.Upload(type, name, issuer, null,
                    issuedOn, validUntil, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : WalletApi.bytes(file)));
            flash.addFlashAttribute("notice", messages.getMessage("wallet.upload.done", new Object[]{d.name()}, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/my/data";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            model.addAttribute("code", code);
            model.addAttribute("result", wallet.verify(code));
        }
        return "wallet/verify";
    }

    /** The check by upload: anyone, files up to 10 MB, throttled per address like the API. */
    @PostMapping("/verify")
    String verifyFile(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
                      Model model) {
        ResultVerificationApi.throttled(throttle, rate, request);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", true);
            return "wallet/verify";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("result", wallet.verifyFile(WalletApi.bytes(file)));
        return "wallet/verify";
    }

    /** An officer revokes a result of their agency (or of the agency it succeeded), with a reason. */
    @GetMapping("/workbench/results/revoke")
    @PreAuthorize("hasAnyRole('RECEPTION_OFFICER', 'HANDLING_OFFICER', 'UNIT_LEADER')")
    String revokeForm(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            model.addAttribute("result", wallet.verify(code));
        }
        return "wallet/revoke";
    }

    @PostMapping("/workbench/results/revoke")
    @PreAuthorize("hasAnyRole('RECEPTION_OFFICER', 'HANDLING_OFFICER', 'UNIT_LEADER')")
    String revoke(@RequestParam(required = false) String code, @RequestParam(required = false) String reason,
                  Principal principal, Model model, Locale locale) {
        try {
            Revocations.Revoked r = revocations.revoke(code, reason, principal.getName());
            model.addAttribute("notice", messages.getMessage("wallet.revoke.done", new Object[]{r.document(),
                    r.verificationCode()}, locale));
        } catch (ApiException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            model.addAttribute("reason", reason);
        }
        return revokeForm(code, model);
    }
}
