package vn.motcua.reorg.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.internal.DocumentValidity;
import vn.motcua.reorg.internal.OfficerMoves;
import vn.motcua.reorg.internal.PlanExecutor;
import vn.motcua.reorg.internal.ReorgEngine;

/** Administrator pages (list, plan page with its stages) and the public document-validity page. */
@Controller
class ReorgPages {

    private final ReorgEngine engine;
    private final DocumentValidity validity;
    private final MessageSource messages;
    private final OfficerMoves officers;
    private final BackgroundExecutions background;

    private final java.time.Clock clock;

    ReorgPages(ReorgEngine engine, DocumentValidity validity, MessageSource messages, OfficerMoves officers,
               BackgroundExecutions background, java.time.Clock clock) {
        this.clock = clock;
        this.background = background;
        this.engine = engine;
        this.validity = validity;
        this.messages = messages;
        this.officers = officers;
    }

    @GetMapping("/admin/reorg")
    String plans(Model model) {
        model.addAttribute("plans", engine.list());
        return "reorg/plans";
    }

    @PostMapping("/admin/reorg/import")
    String importPlan(@RequestParam String province, @RequestParam(required = false) String effective,
                      Authentication auth, RedirectAttributes redirect, Model model,
                      jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if (!vn.motcua.platform.web.DateInputs.errors(request).isEmpty()) {
            response.setStatus(400); // refused; the date field names what is wrong
            return plans(model);
        }
        try {
            UUID id = engine.importMerges(null, province, effective, auth.getName()).id();
            return "redirect:/admin/reorg/plans/" + id;
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", message(e));
            return "redirect:/admin/reorg";
        }
    }

    @GetMapping("/admin/reorg/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        model.addAttribute("plan", engine.view(id));
        model.addAttribute("progress", engine.progress(id));
        background.failure(id).filter(f -> !model.containsAttribute("error")).ifPresent(f -> model.addAttribute("error", f));
        return "reorg/plan";
    }

    /**
     * The progress panel alone, polled by the plan page while the plan executes (on any node) or waits to be resumed;
     * reloads the page when that is over.
     */
    @GetMapping("/admin/reorg/plans/{id}/progress")
    String progress(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        PlanExecutor.Progress progress = engine.progress(id);
        if (!progress.active()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("plan", engine.view(id));
        model.addAttribute("progress", progress);
        return "reorg/plan :: progress";
    }

    /** Officers with new duties after execution: to train first; and those awaiting a decision. */
    @GetMapping("/admin/reorg/plans/{id}/officers")
    String officers(@PathVariable UUID id, Model model) {
        model.addAttribute("plan", engine.view(id));
        model.addAttribute("report", officers.report(id).orElse(null));
        return "reorg/officers";
    }

    @PostMapping("/admin/reorg/plans/{id}/officers/{officerId}/appointment")
    String appoint(@PathVariable UUID id, @PathVariable UUID officerId, @RequestParam(required = false) String post,
                   RedirectAttributes redirect) {
        try {
            officers.appointAwaiting(id, officerId, post);
            redirect.addFlashAttribute("info", messages.getMessage("reorg.officers.appointed", new Object[] {post},
                    LocaleContextHolder.getLocale()));
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/admin/reorg/plans/" + id + "/officers";
    }

    /**
     * Executing a plan is the one action nobody can undo: the plan page only links here, to a page that restates the
     * dry run (dossiers moved, near their deadline, left to triage) and the decisions still open, in a warning style,
     * and asks for a deliberate confirmation.
     */
    @GetMapping("/admin/reorg/plans/{id}/execute")
    String confirmExecute(@PathVariable UUID id, Model model) {
        var plan = engine.view(id);
        model.addAttribute("plan", plan);
        model.addAttribute("progress", engine.progress(id));
        model.addAttribute("officersAwaiting", plan.dryRun() == null ? 0
                : plan.dryRun().officers().stream().filter(o -> o.toPost() == null).count());
        model.addAttribute("dryRunAt", plan.dryRun() == null ? "" : plan.dryRun().generatedAt().toString());
        return "reorg/confirm-execute";
    }

    @PostMapping("/admin/reorg/plans/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String confirmed,
               @RequestParam(required = false) String dryRunAt, Authentication auth, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "validate" -> engine.validate(id);
                case "dry-run" -> engine.dryRun(id);
                case "execute" -> {
                    // Only from the confirmation page, and only for the dry run it showed.
                    var plan = engine.view(id);
                    String shown = plan.dryRun() == null ? null : plan.dryRun().generatedAt().toString();
                    if (!"true".equals(confirmed) || shown == null || !shown.equals(dryRunAt)) {
                        redirect.addFlashAttribute("error", messages.getMessage(shown == null
                                ? "reorg.confirm.noDryRun" : "reorg.confirm.required", null, LocaleContextHolder.getLocale()));
                        return "redirect:/admin/reorg/plans/" + id + "/execute";
                    }
                    background.start(id, auth.getName(), LocaleContextHolder.getLocale());
                }
                case "reconcile" -> engine.reconcile(id);
                default -> throw ApiException.notFound("reorg.plan.notFound", id);
            }
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/admin/reorg/plans/" + id;
    }

    @GetMapping("/reorg/document-validity")
    String documentValidity(@RequestParam(required = false) String unit,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                            Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("unit", unit);
        model.addAttribute("issuedOn", issuedOn);
        if (unit != null && !unit.isBlank() && issuedOn != null
                && vn.motcua.platform.web.DateInputs.errors(request).isEmpty()) {
            try {
                model.addAttribute("answer", validity.answer(unit, issuedOn, VietnamTime.today(clock)));
            } catch (ApiException e) {
                model.addAttribute("error", message(e));
            }
        }
        return "reorg/document-validity";
    }

    private String message(ApiException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
