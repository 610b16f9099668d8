package vn.motcua.reorg.web;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.internal.StrandedCheck;

/** The administrator's view of the system-wide check, with a one-click route to triage for a stranded dossier. */
@Controller
class StrandedPages {

    private final StrandedCheck check;
    private final MessageSource messages;

    StrandedPages(StrandedCheck check, MessageSource messages) {
        this.check = check;
        this.messages = messages;
    }

    @GetMapping("/admin/reorg/stranded")
    String stranded(Model model) {
        model.addAttribute("result", check.check());
        return "reorg/stranded";
    }

    @PostMapping("/admin/reorg/stranded/{dossierId}/triage")
    String toTriage(@PathVariable UUID dossierId, Authentication auth, RedirectAttributes redirect) {
        try {
            String owner = check.routeToTriage(dossierId, auth.getName());
            redirect.addFlashAttribute("done", messages.getMessage("reorg.stranded.routed", new Object[]{owner},
                    LocaleContextHolder.getLocale()));
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/reorg/stranded";
    }
}
