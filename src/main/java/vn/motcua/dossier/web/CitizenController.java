package vn.motcua.dossier.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.security.AccountService;

/** The citizen's own space: their dossiers, what reception asked for, and their slips. */
@Controller
class CitizenController {

    private final DossierQueries queries;
    private final DossierStore store;
    private final IntakeService intake;
    private final Officers officers;
    private final SlipResponses slipResponses;
    private final AccountService accounts;
    private final MessageSource messages;
    private final vn.motcua.dossier.internal.Drafts drafts;

    CitizenController(vn.motcua.dossier.internal.Drafts drafts, DossierQueries queries, DossierStore store, IntakeService intake, Officers officers, SlipResponses slipResponses,
                      AccountService accounts, MessageSource messages) {
        this.queries = queries;
        this.store = store;
        this.intake = intake;
        this.officers = officers;
        this.slipResponses = slipResponses;
        this.accounts = accounts;
        this.messages = messages;
        this.drafts = drafts;
    }

    /** Dossiers per page of "Hồ sơ của tôi". */
    static final int MY_PAGE = 20;

    @GetMapping("/my")
    String myDossiers(@RequestParam(defaultValue = "0") int page, Principal principal, Model model) {
        accounts.find(principal.getName()).ifPresent(a -> model.addAttribute("account", a));
        var found = queries.submittedBy(principal.getName(), page, MY_PAGE);
        model.addAttribute("page", found);
        model.addAttribute("dossiers", found.items());
        model.addAttribute("drafts", drafts.of(principal.getName()));
        return "dossier/my";
    }

    @GetMapping("/my/dossiers/{id}")
    String dossier(@PathVariable UUID id, Principal principal, Model model) {
        Dossier d = own(id, principal);
        model.addAttribute("d", d);
        model.addAttribute("events", store.events(id));
        model.addAttribute("attachments", store.attachments(id));
        model.addAttribute("requests", store.requests(id));
        return "dossier/my-dossier";
    }

    @PostMapping("/my/dossiers/{id}/supplement")
    String supplement(@PathVariable UUID id, @RequestParam int version,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal,
                      RedirectAttributes flash, Locale locale) throws IOException {
        own(id, principal);
        List<SubmitDossier.AttachmentData> attachments = Uploads.attachments(files);
        try {
            intake.supply(id, version, null, attachments, officers.actor(principal), true);
            flash.addFlashAttribute("notice", messages.getMessage("dossier.done.supplied", null, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            flash.addFlashAttribute("error", messages.getMessage("error.concurrent-change", null, locale));
        }
        return "redirect:/my/dossiers/" + id;
    }

    @GetMapping("/my/dossiers/{id}/slips/{form:[0-9][0-9]}")
    String slipPage(@PathVariable UUID id, @PathVariable String form, Principal principal, HttpServletRequest request,
                    Model model) {
        return slipResponses.html(own(id, principal), form, request, model);
    }

    @GetMapping("/my/dossiers/{id}/slips/{form}.pdf")
    ResponseEntity<byte[]> slip(@PathVariable UUID id, @PathVariable String form, Principal principal,
                                HttpServletRequest request) {
        Dossier d = own(id, principal);
        return slipResponses.pdf(d, form, request);
    }

    private Dossier own(UUID id, Principal principal) {
        return store.find(id).filter(d -> d.submittedBy().equals(principal.getName()))
                .orElseThrow(() -> ApiException.notFound("dossier.notFound"));
    }
}
