package vn.motcua.dossier.web;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalogue.EFormPages;
import vn.motcua.catalogue.FieldError;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.platform.api.ApiException;

/**
 * Online submission by a signed-in citizen: the procedure's e-form, attachments, submit. The applicant
 * and the place that decides the competent agency are read from the form's "applicant" group
 * (name, personal ID, phone, email, residence ward), so nothing is typed twice. A one-time key in the
 * page makes a double click or a resent form create one dossier only.
 */
@Controller
class OnlineSubmissionController {

    private final EFormPages forms;
    private final IntakeService intake;
    private final Officers officers;
    private final MessageSource messages;

    OnlineSubmissionController(EFormPages forms, IntakeService intake, Officers officers, MessageSource messages) {
        this.forms = forms;
        this.intake = intake;
        this.officers = officers;
        this.messages = messages;
    }

    @GetMapping("/my/dossiers/new")
    String form(@RequestParam String procedure, Model model) {
        return render(procedure, Map.of(), List.of(), new LinkedHashMap<>(), UUID.randomUUID().toString(), null, model);
    }

    @PostMapping("/my/dossiers")
    String submit(@RequestParam Map<String, String> params,
                  @RequestParam(name = "_files", required = false) List<MultipartFile> files,
                  Principal principal, Model model, RedirectAttributes flash, Locale locale) throws IOException {
        String procedure = params.getOrDefault("_procedure", "");
        String key = params.getOrDefault("_key", "");
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!k.startsWith("_") || k.startsWith("_count.") || k.equals("_add")) {
                fields.put(k, v);
            }
        });
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Object> data = forms.data(fields, counts);
        if (params.get("_add") != null) {
            counts.merge(params.get("_add"), 2, (a, b) -> Math.min(a + 1, 50));
            return render(procedure, fields, List.of(), counts, key, null, model);
        }
        List<SubmitDossier.AttachmentData> attachments = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    attachments.add(new SubmitDossier.AttachmentData(f.getOriginalFilename(),
                            Base64.getEncoder().encodeToString(f.getBytes())));
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> a = data.get("applicant") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        var applicant = new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON,
                text(a.get("fullName"), principal.getName()), blank(a.get("personalId")), blank(a.get("phone")),
                blank(a.get("email")));
        var address = new SubmitDossier.AddressData(blank(a.get("residence")), blank(a.get("residenceDetail")));
        try {
            Dossier d = intake.submit(new SubmitDossier(procedure, applicant, address, data, attachments),
                    officers.actor(principal), Dossier.Channel.ONLINE, key.isBlank() ? null : key);
            flash.addFlashAttribute("notice", messages.getMessage("dossier.submitted", new Object[]{
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
                            .format(d.receivedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))}, locale));
            return "redirect:/my/dossiers/" + d.id();
        } catch (ApiException e) {
            List<FieldError> errors = fieldErrors(e);
            return render(procedure, fields, errors, counts, key,
                    errors.isEmpty() ? messages.getMessage(e.messageKey(), e.args(), locale) : null, model);
        }
    }

    private String render(String procedure, Map<String, String> values, List<FieldError> errors,
                          Map<String, Integer> counts, String key, String error, Model model) {
        var page = forms.page(procedure, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), values, errors, counts);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.rows());
        model.addAttribute("errors", errors);
        model.addAttribute("key", key);
        model.addAttribute("error", error);
        return "dossier/submit";
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> fieldErrors(ApiException e) {
        Object errors = e.properties().get("errors");
        return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
    }

    private static String blank(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }

    private static String text(Object o, String fallback) {
        String s = blank(o);
        return s == null ? fallback : s;
    }
}
