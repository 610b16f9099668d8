package vn.motcua.dossier.web;

import vn.motcua.platform.time.VietnamTime;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalogue.EFormPages;
import vn.motcua.catalogue.FieldError;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.Drafts;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.platform.api.ApiException;

/**
 * The submission page, for a signed-in citizen online ({@code /my/dossiers/new}) and for a reception
 * officer entering a dossier at the counter on an applicant's behalf ({@code /workbench/counter}):
 * the procedure's e-form, attachments (scans at the counter), submit. The applicant and the place
 * that decides the competent agency are read from the form's "applicant" group (name, personal ID,
 * phone, email, residence ward), so nothing is typed twice. A one-time key in the page makes a double
 * click or a resent form create one dossier only. Citizens can save the form as a draft and finish later.
 */
@Controller
class OnlineSubmissionController {

    static final ZoneId VN = VietnamTime.ZONE;
    private final EFormPages forms;
    private final IntakeService intake;
    private final Officers officers;
    private final Drafts drafts;
    private final MessageSource messages;
    private final ReuseOffers reuseOffers;
    private final Prefills prefills;
    private final SubmissionChecks checks;
    private final vn.motcua.catalogue.EForms eforms;

    private final java.time.Clock clock;

    OnlineSubmissionController(EFormPages forms, IntakeService intake, Officers officers, Drafts drafts,
                               MessageSource messages, ReuseOffers reuseOffers,
                               Prefills prefills, SubmissionChecks checks,
                               vn.motcua.catalogue.EForms eforms, java.time.Clock clock) {
        this.clock = clock;
        this.eforms = eforms;
        this.reuseOffers = reuseOffers;
        this.prefills = prefills;
        this.checks = checks;
        this.forms = forms;
        this.intake = intake;
        this.officers = officers;
        this.drafts = drafts;
        this.messages = messages;
    }

    /** Where the page posts to and who is submitting. */
    enum Desk {
        ONLINE("/my/dossiers", Dossier.Channel.ONLINE), COUNTER("/workbench/counter", Dossier.Channel.COUNTER);

        final String action;
        final Dossier.Channel channel;

        Desk(String action, Dossier.Channel channel) {
            this.action = action;
            this.channel = channel;
        }
    }

    @GetMapping("/my/dossiers/new")
    String online(@RequestParam String procedure, @RequestParam(required = false) UUID draft, Principal principal,
                  Model model) {
        if (draft != null) {
            var saved = drafts.find(principal.getName(), draft)
                    .orElseThrow(() -> ApiException.notFound("dossier.draft.notFound"));
            model.addAttribute("draftId", saved.id());
            return render(Desk.ONLINE, saved.procedureCode(), saved.values(), List.of(),
                    new LinkedHashMap<>(saved.counts()), UUID.randomUUID().toString(), null, model);
        }
        // A new form starts from what is known of the citizen: the last dossier and the account (the assistant),
        // then the profile in the citizen's data store, which wins where both know a field (the sources' order).
        var prefilled = prefills.fill(procedure, principal.getName(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        model.addAttribute("prefillNotes", prefilled.notes());
        return render(Desk.ONLINE, procedure, prefilled.values(), List.of(), new LinkedHashMap<>(), UUID.randomUUID().toString(),
                null, model);
    }

    @GetMapping("/workbench/counter")
    @PreAuthorize("hasRole('RECEPTION_OFFICER')")
    String counter(@RequestParam(required = false) String procedure, Model model) {
        if (procedure == null || procedure.isBlank()) {
            return "dossier/counter-start";
        }
        return render(Desk.COUNTER, procedure.strip(), Map.of(), List.of(), new LinkedHashMap<>(),
                UUID.randomUUID().toString(), null, model);
    }

    @PostMapping("/my/dossiers")
    String submitOnline(@RequestParam Map<String, String> params,
                        @RequestParam(name = "_files", required = false) List<MultipartFile> files,
                        @RequestParam(name = "_reuse", required = false) List<String> reuse,
                        @RequestParam(name = "_held_name", required = false) List<String> heldNames,
                        @RequestParam(name = "_held_data", required = false) List<String> heldData,
                        Principal principal, Model model, RedirectAttributes flash, Locale locale) throws IOException {
        model.addAttribute("reuseChecked", reuse == null ? List.of() : reuse);
        model.addAttribute("held", SubmissionChecks.held(heldNames, heldData));
        return submit(Desk.ONLINE, params, files, principal, model, flash, locale);
    }

    @PostMapping("/workbench/counter")
    @PreAuthorize("hasRole('RECEPTION_OFFICER')")
    String submitAtCounter(@RequestParam Map<String, String> params,
                           @RequestParam(name = "_files", required = false) List<MultipartFile> files,
                           Principal principal, Model model, RedirectAttributes flash, Locale locale) throws IOException {
        return submit(Desk.COUNTER, params, files, principal, model, flash, locale);
    }

    private String submit(Desk desk, Map<String, String> params, List<MultipartFile> files, Principal principal,
                          Model model, RedirectAttributes flash, Locale locale) throws IOException {
        String procedure = params.getOrDefault("_procedure", "");
        String key = params.getOrDefault("_key", "");
        UUID draftId = uuid(params.get("_draft_id"));
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!k.startsWith("_") || k.startsWith("_count.") || k.equals("_add")) {
                fields.put(k, v);
            }
        });
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Object> data = forms.data(fields, counts);
        model.addAttribute("draftId", draftId);
        if (params.get("_add") != null) {
            counts.merge(params.get("_add"), 2, (a, b) -> Math.min(a + 1, 50));
            return render(desk, procedure, fields, List.of(), counts, key, null, model);
        }
        if (desk == Desk.ONLINE && params.containsKey("_save_draft")) {
            Map<String, String> values = new LinkedHashMap<>(fields);
            values.keySet().removeIf(k -> k.startsWith("_"));
            drafts.save(principal.getName(), draftId, procedure, values, counts);
            flash.addFlashAttribute("notice", messages.getMessage("dossier.draft.saved", null, locale));
            return "redirect:/my";
        }
        // Without JavaScript a place is typed by name: resolved here (one place → its code; several → the field asks).
        var names = forms.placeNames(procedure, VietnamTime.today(clock), fields, counts);
        if (!names.errors().isEmpty()) {
            model.addAttribute("placeChoices", names.choices());
            return render(desk, procedure, names.params(), names.errors(), counts, key, null, model);
        }
        Map<String, String> resolved = new LinkedHashMap<>(names.params());
        fields.clear();
        fields.putAll(resolved);
        data = forms.data(fields, counts);
        List<SubmitDossier.AttachmentData> attachments = Uploads.attachments(files);
        if (desk == Desk.ONLINE && model.getAttribute("held") instanceof List<?> h && !h.isEmpty()) {
            // files carried from the check before submit, with any chosen since
            List<SubmissionChecks.Held> held = SubmissionChecks.carry(
                    h.stream().map(SubmissionChecks.Held.class::cast).toList(), attachments);
            model.addAttribute("held", held);
            attachments.clear();
            attachments.addAll(SubmissionChecks.attachments(held));
        }
        if (desk == Desk.ONLINE && model.getAttribute("reuseChecked") instanceof List<?> reuse) {
            // "Dùng lại": documents of the citizen's data store attached without an upload.
            reuse.stream().map(String::valueOf).filter(r -> !r.isBlank()).distinct()
                    .forEach(r -> attachments.add(new SubmitDossier.AttachmentData(null, null, r)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> a = data.get("applicant") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        var applicant = new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON,
                text(a.get("fullName"), principal.getName()), blank(a.get("personalId")), blank(a.get("phone")),
                blank(a.get("email")));
        var address = new SubmitDossier.AddressData(blank(a.get("residence")), blank(a.get("residenceDetail")));
        if (desk == Desk.ONLINE && checkBeforeSubmit(procedure, params, fields, data, attachments, counts, key, model, locale)) {
            return "dossier/submit";
        }
        try {
            Dossier d = intake.submit(new SubmitDossier(procedure, applicant, address, data, attachments),
                    officers.actor(principal), desk.channel, key.isBlank() ? null : key);
            if (draftId != null) {
                drafts.delete(principal.getName(), draftId);
            }
            flash.addFlashAttribute("notice", messages.getMessage("dossier.submitted", new Object[]{
                    DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").format(d.receivedAt().atZone(VN)),
                    vn.motcua.dossier.internal.ReceiptNumbers.display(d.receiptNumber())}, locale));
            return desk == Desk.ONLINE ? "redirect:/my/dossiers/" + d.id() : "redirect:/workbench/dossiers/" + d.id();
        } catch (ApiException e) {
            List<FieldError> errors = fieldErrors(e);
            return render(desk, procedure, fields, errors, counts, key,
                    errors.isEmpty() ? messages.getMessage(e.messageKey(), e.args(), locale) : null, model);
        }
    }

    /**
     * The check before submit (online, when the page asked for it and the citizen has not yet confirmed): what is still
     * missing or does not agree, as a summary above the form; the files chosen are carried in the page. True when the
     * summary is shown instead of submitting. Format errors are the intake's own and come first.
     */
    private boolean checkBeforeSubmit(String procedure, Map<String, String> params, Map<String, String> fields,
                                      Map<String, Object> data, List<SubmitDossier.AttachmentData> attachments,
                                      Map<String, Integer> counts, String key, Model model, Locale locale) {
        if (!checks.offered() || !params.containsKey(SubmissionChecks.CHECK) || params.containsKey(SubmissionChecks.CONFIRMED)
                || !eforms.validate(procedure, VietnamTime.today(clock), data).isEmpty()) {
            return false;
        }
        List<String> names = new java.util.ArrayList<>();
        attachments.stream().map(SubmitDossier.AttachmentData::fileName).filter(n -> n != null).forEach(names::add);
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        List<?> reused = model.getAttribute("reuseChecked") instanceof List<?> r ? r : List.of();
        reuseOffers.offers(auth == null ? null : auth.getName(), procedure, VietnamTime.today(clock)).forEach(o -> o.held().stream()
                .filter(h -> reused.contains(h.id().toString())).forEach(h -> names.add(h.name())));
        var findings = checks.findings(procedure, params, data, names, locale);
        if (findings.isEmpty()) {
            return false;
        }
        model.addAttribute("held", SubmissionChecks.carry(model.getAttribute("held") instanceof List<?> h
                ? h.stream().map(SubmissionChecks.Held.class::cast).toList() : List.of(), attachments));
        model.addAttribute("findings", findings);
        model.addAttribute("findingErrors", findings.stream().anyMatch(vn.motcua.dossier.spi.SubmissionAdvice.Finding::error));
        render(Desk.ONLINE, procedure, fields, List.of(), counts, key, null, model);
        return true;
    }

    private String render(Desk desk, String procedure, Map<String, String> values, List<FieldError> errors,
                          Map<String, Integer> counts, String key, String error, Model model) {
        var page = forms.page(procedure, VietnamTime.today(clock), values, errors, counts);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.rows());
        model.addAttribute("errors", errors);
        model.addAttribute("key", key);
        model.addAttribute("error", error);
        model.addAttribute("action", desk.action);
        model.addAttribute("counter", desk == Desk.COUNTER);
        model.addAttribute("fieldHelp", desk == Desk.ONLINE ? checks.help(procedure, org.springframework.context.i18n.LocaleContextHolder.getLocale())
                : Map.of());
        model.addAttribute("checkOffered", desk == Desk.ONLINE && checks.offered());
        if (desk == Desk.ONLINE) {
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            model.addAttribute("reuseOffers", reuseOffers.offers(auth == null ? null : auth.getName(), procedure,
                    VietnamTime.today(clock)));
            if (!model.containsAttribute("reuseChecked")) {
                model.addAttribute("reuseChecked", List.of());
            }
        }
        return "dossier/submit";
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> fieldErrors(ApiException e) {
        Object errors = e.properties().get("errors");
        return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString().strip();
    }

    private static String text(Object o, String fallback) {
        String s = blank(o);
        return s == null ? fallback : s;
    }
}
