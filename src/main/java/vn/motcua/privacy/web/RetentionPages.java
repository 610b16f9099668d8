package vn.motcua.privacy.web;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.internal.Retention;

/**
 * {@code /admin/privacy/retention} (administrators): the periods, a dry run and what it would do — counts per
 * procedure and a sample of dossier codes, never personal data — its execution, and the last runs from the
 * append-only log.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RetentionPages {

    /** Dossier codes shown per procedure: enough to check a few by hand, not a list of everyone's dossiers. */
    static final int SAMPLE = 5;

    private final Retention retention;
    private final MessageSource messages;
    private final Clock clock;

    RetentionPages(Retention retention, MessageSource messages, Clock clock) {
        this.retention = retention;
        this.messages = messages;
        this.clock = clock;
    }

    /** One procedure's share of a run: how many dossiers and files, and the first few codes. */
    record PerProcedure(String procedureCode, int dossiers, int attachments, List<String> sample) {
    }

    @GetMapping("/admin/privacy/retention")
    String page(@RequestParam(required = false) UUID run, Model model) {
        model.addAttribute("rules", retention.rules());
        model.addAttribute("runs", retention.runs(20));
        if (run != null) {
            Retention.Run r = retention.run(run);
            Map<String, PerProcedure> per = new LinkedHashMap<>();
            for (Retention.Item i : r.items()) {
                PerProcedure p = per.getOrDefault(i.procedureCode(),
                        new PerProcedure(i.procedureCode(), 0, 0, new ArrayList<>()));
                if (p.sample().size() < SAMPLE) {
                    p.sample().add(i.code() != null ? i.code() : i.dossierId().toString());
                }
                per.put(i.procedureCode(), new PerProcedure(p.procedureCode(), p.dossiers() + 1,
                        p.attachments() + i.attachments(), p.sample()));
            }
            model.addAttribute("run", r);
            model.addAttribute("perProcedure", per.values());
            model.addAttribute("execution", "DRY_RUN".equals(r.mode()) ? retention.executionOf(r.id()) : null);
        }
        return "privacy/retention";
    }

    @PostMapping("/admin/privacy/retention/dry-run")
    String dryRun(Principal principal, RedirectAttributes flash, Locale locale) {
        Retention.Run r = retention.dryRun(clock.instant(), principal.getName());
        flash.addFlashAttribute("notice", messages.getMessage("privacy.retention.page.dryRunDone",
                new Object[]{r.dossiers()}, locale));
        return "redirect:/admin/privacy/retention?run=" + r.id();
    }

    @PostMapping("/admin/privacy/retention/runs/{id}/execute")
    String execute(@PathVariable UUID id, Principal principal, RedirectAttributes flash, Locale locale) {
        try {
            Retention.Run r = retention.execute(id, clock.instant(), principal.getName());
            flash.addFlashAttribute("notice", messages.getMessage("privacy.retention.page.executed",
                    new Object[]{r.dossiers(), r.attachments()}, locale));
            return "redirect:/admin/privacy/retention?run=" + r.id();
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/admin/privacy/retention?run=" + id;
        }
    }
}
