package vn.motcua.catalogue.web;

import vn.motcua.calendar.WorkingTimeUnit;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.format.annotation.DateTimeFormat;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.catalogue.internal.CatalogueRepository;
import vn.motcua.catalogue.internal.CatalogueService;
import vn.motcua.platform.api.ApiException;

/** Administrator screens: import report and flagged procedures, versions (create draft, edit, publish). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminCatalogueController {

    private final CatalogueImporter importer;
    private final CatalogueRepository repository;
    private final CatalogueService catalogue;
    private final MessageSource messages;

    AdminCatalogueController(CatalogueImporter importer, CatalogueRepository repository, CatalogueService catalogue,
                             MessageSource messages) {
        this.importer = importer;
        this.repository = repository;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/admin/catalogue")
    String home(Model model) {
        model.addAttribute("report", importer.lastReport().orElse(null));
        return "catalogue/admin";
    }

    @PostMapping("/admin/catalogue/import")
    String runImport() {
        importer.importAll();
        return "redirect:/admin/catalogue";
    }

    @GetMapping("/admin/catalogue/procedures/{code}")
    String procedure(@PathVariable String code, @RequestParam(required = false) String error, Model model) {
        model.addAttribute("summary", repository.procedure(code)
                .orElseThrow(() -> ApiException.notFound("catalogue.error.noProcedure", code)));
        model.addAttribute("versions", repository.versions(code));
        model.addAttribute("pausePolicies", PausePolicy.values());
        model.addAttribute("error", error);
        return "catalogue/admin-procedure";
    }

    /**
     * "Từ ngày" missing or impossible (31/02): the page again with the message on that form's date (several forms on
     * the page post "validFrom"; {@code dateFor} names the one that was sent), status 400.
     */
    private String refuseDate(String code, String dateFor, Model model, jakarta.servlet.http.HttpServletRequest request,
                              jakarta.servlet.http.HttpServletResponse response) {
        var errors = vn.motcua.platform.web.DateInputs.errors(request);
        if (!errors.containsKey("validFrom")) {
            vn.motcua.platform.web.DateInputs.reject(request, "validFrom", "date.error.required");
        }
        model.addAttribute("dateFor", dateFor);
        response.setStatus(400);
        return procedure(code, null, model);
    }

    @PostMapping("/admin/catalogue/procedures/{code}/drafts")
    String createDraft(@PathVariable String code,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                       Model model, jakarta.servlet.http.HttpServletRequest request,
                       jakarta.servlet.http.HttpServletResponse response) {
        if (validFrom == null) {
            return refuseDate(code, "draft-from", model, request, response);
        }
        catalogue.createDraft(code, validFrom);
        return "redirect:/admin/catalogue/procedures/" + code;
    }

    @PostMapping("/admin/catalogue/versions/{id}")
    String updateDraft(@PathVariable UUID id,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                       @RequestParam(required = false) Integer amount, @RequestParam WorkingTimeUnit unit,
                       @RequestParam PausePolicy pause, RedirectAttributes redirect, Model model,
                       jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        ProcedureVersion v = repository.version(id).orElseThrow(() -> ApiException.notFound("catalogue.error.noVersion", id));
        if (validFrom == null) {
            return refuseDate(v.code(), "from-" + v.versionNo(), model, request, response);
        }
        try {
            if (amount != null && (amount < 0 || amount > 9999)) {
                throw ApiException.badRequest("catalogue.error.badTime");
            }
            catalogue.updateDraft(id, amount == null ? null : new ProcessingTime(amount, unit), pause, validFrom);
        } catch (ApiException e) {
            redirect.addAttribute("error", message(e));
        }
        return "redirect:/admin/catalogue/procedures/" + v.code();
    }

    @PostMapping("/admin/catalogue/versions/{id}/publish")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        ProcedureVersion v = repository.version(id).orElseThrow(() -> ApiException.notFound("catalogue.error.noVersion", id));
        try {
            catalogue.publish(id);
        } catch (ApiException e) {
            redirect.addAttribute("error", message(e));
        }
        return "redirect:/admin/catalogue/procedures/" + v.code();
    }

    private String message(ApiException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
