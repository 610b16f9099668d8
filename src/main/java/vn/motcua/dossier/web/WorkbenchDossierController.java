package vn.motcua.dossier.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.spi.QueueRisk;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.ProcessingForms;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.dossier.internal.ProcessingRules.Action;
import vn.motcua.dossier.internal.ProcessingService;
import vn.motcua.dossier.internal.ProcessingStore;
import vn.motcua.platform.api.ApiException;

/**
 * The officer's processing workbench: inbox with counts and due badges, the dossier page with its
 * steps, history and the actions allowed for this officer now, Forms 04–06 and the register (Form 07);
 * and the applicant's part on {@code /my/dossiers/{id}}: supplement during processing, result, rating.
 */
@Controller
class WorkbenchDossierController {

    private final ProcessingService processing;
    private final ProcessingQueries queries;
    private final ProcessingStore steps;
    private final ProcessingForms forms;
    private final DossierStore store;
    private final ProcessingAccess access;
    private final MessageSource messages;
    private final List<QueueRisk> risk;

    WorkbenchDossierController(ProcessingService processing, ProcessingQueries queries, ProcessingStore steps,
                               ProcessingForms forms, DossierStore store, ProcessingAccess access,
                               MessageSource messages, List<QueueRisk> risk) {
        this.processing = processing;
        this.queries = queries;
        this.steps = steps;
        this.forms = forms;
        this.store = store;
        this.access = access;
        this.messages = messages;
        this.risk = List.copyOf(risk);
    }

    /** Rows per page of the processing queue (it showed a fixed 200 before). */
    static final int QUEUE_PAGE = 50;

    /** The inbox's orders: by due time (the default), or by deadline risk when a module rates it ({@link QueueRisk}). */
    enum QueueSort { DUE, RISK }

    @GetMapping("/workbench/processing")
    String inbox(@RequestParam(defaultValue = "ALL") ProcessingQueries.Filter filter,
                 @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                 @RequestParam(defaultValue = "DUE") QueueSort sort, Authentication auth, Model model) {
        var scope = queries.scope(auth.getName(), access.today());
        model.addAttribute("filter", filter);
        model.addAttribute("filters", ProcessingQueries.Filter.values());
        String search = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", search);
        QueueSort order = sort == QueueSort.RISK && !risk.isEmpty() ? QueueSort.RISK : QueueSort.DUE;
        model.addAttribute("sort", order);
        model.addAttribute("riskSort", !risk.isEmpty());
        if (order == QueueSort.RISK) {
            // The risk is time-dependent (typical time / time left), so it is rated here over the first MAX_ROWS rows
            // in due order (read from the open-steps index, not all of the agency's work) and paged by number.
            var found = RiskOrder.page(risk.get(0), queries.queue(auth.getName(), scope, filter, search,
                    RiskOrder.MAX_ROWS), page, QUEUE_PAGE, model);
            model.addAttribute("page", found);
            model.addAttribute("rows", found.items());
        } else {
            var found = queries.seek(auth.getName(), scope, filter, search, after, before, QUEUE_PAGE);
            model.addAttribute("seek", found);
            model.addAttribute("after", ProcessingQueries.Cursor.parse(after) == null ? null : after);
            model.addAttribute("rows", found.items());
        }
        model.addAttribute("countCap", ProcessingQueries.COUNT_CAP);
        model.addAttribute("searchScan", ProcessingQueries.SEARCH_SCAN);
        model.addAttribute("counts", queries.countsByState(scope.agencies()));
        model.addAttribute("warned", queries.warned(auth.getName(), scope));
        model.addAttribute("workload", queries.workload(scope.ledAgencies()));
        model.addAttribute("scope", scope);
        return "dossier/processing-inbox";
    }

    @GetMapping("/workbench/processing/{id}")
    String dossier(@PathVariable UUID id, Authentication auth, Model model) {
        Dossier d = access.visible(id, auth);
        model.addAttribute("d", d);
        model.addAttribute("rows", forms.controlRows(d));
        model.addAttribute("open", steps.openStep(id).orElse(null));
        model.addAttribute("field", steps.field(id).name());
        model.addAttribute("events", store.events(id));
        model.addAttribute("attachments", store.attachments(id));
        model.addAttribute("actions", processing.available(d, auth.getName(), processing.now()));
        model.addAttribute("result", steps.result(id).orElse(null));
        model.addAttribute("extensions", steps.extensions(id));
        model.addAttribute("dossierWarning", queries.row(auth.getName(), queries.scope(auth.getName(), access.today()),
                id).map(ProcessingQueries.QueueRow::badge).orElse(null));
        return "dossier/processing-dossier";
    }

    @PostMapping("/workbench/processing/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) Integer version,
               @RequestParam(required = false) String note, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String assignee, @RequestParam(required = false) String agencyCode,
               @RequestParam(required = false) String items, @RequestParam(required = false) Integer workingDays,
               @RequestParam(required = false) ProcessingService.Outcome outcome,
               @RequestParam(required = false) String summary,
               @RequestParam(required = false) MultipartFile document,
               @RequestParam(required = false) ProcessingService.Delivery delivery,
               Authentication auth, RedirectAttributes flash, Locale locale) throws IOException {
        String user = auth.getName();
        var now = processing.now();
        Action a;
        try {
            a = Action.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("dossier.notFound");
        }
        SubmitDossier.AttachmentData file = document == null || document.isEmpty() ? null
                : new SubmitDossier.AttachmentData(document.getOriginalFilename(),
                Base64.getEncoder().encodeToString(document.getBytes()));
        Supplier<Dossier> run = switch (a) {
            case CLAIM -> () -> processing.claim(id, version, user, now);
            case ASSIGN -> () -> processing.assign(id, version, user, assignee, reason, now);
            case FORWARD -> () -> processing.forward(id, version, user, note, null, now);
            case SEND_BACK -> () -> processing.sendBack(id, version, user, reason, now);
            case TRANSFER -> () -> processing.transfer(id, version, user, agencyCode, reason, now);
            case REQUEST_SUPPLEMENT -> () -> processing.requestSupplement(id, version, user,
                    ReceptionController.parse(items == null ? "" : items), note, now);
            case EXTEND -> () -> processing.extend(id, version, user, workingDays == null ? 0 : workingDays, reason, now);
            case STOP -> () -> processing.stop(id, version, user, reason, now);
            case DECIDE -> () -> processing.decide(id, version, user, outcome, summary, file, now);
            case RETURN_RESULT -> () -> processing.returnResult(id, version, user, delivery, now);
            case SUPPLY, RATE -> throw ApiException.notFound("dossier.notFound");
        };
        perform(run, a, flash, locale);
        return "redirect:/workbench/processing/" + id;
    }

    private void perform(Supplier<Dossier> run, Action a, RedirectAttributes flash, Locale locale) {
        try {
            run.get();
            flash.addFlashAttribute("notice", messages.getMessage("processing.done",
                    new Object[]{messages.getMessage("processing.action." + a.name(), null, locale)}, locale));
        } catch (ApiException e) {
            flash.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            flash.addFlashAttribute("error", messages.getMessage("error.concurrent-change", null, locale));
        }
    }

    @GetMapping("/workbench/processing/{id}/forms/{form}.pdf")
    ResponseEntity<byte[]> form(@PathVariable UUID id, @PathVariable String form, Authentication auth,
                                HttpServletRequest request) {
        return access.formPdf(access.visible(id, auth), form, request);
    }

    @GetMapping("/workbench/processing/{id}/result")
    ResponseEntity<byte[]> result(@PathVariable UUID id, Authentication auth) {
        access.visible(id, auth);
        var r = steps.result(id).orElseThrow(() -> ApiException.notFound("processing.result.none"));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(r.contentType()))
                .header("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"")
                .body(steps.resultContent(id).orElseThrow());
    }

    @GetMapping("/workbench/register")
    String register(@RequestParam(required = false) String agency,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) DossierState state, Authentication auth, Model model,
                    jakarta.servlet.http.HttpServletRequest request) {
        var scope = queries.scope(auth.getName(), access.today());
        String a = agency != null ? agency : scope.agencies().isEmpty() ? "" : scope.agencies().get(0);
        LocalDate t = to != null ? to : access.today();
        LocalDate f = from != null ? from : t.withDayOfMonth(1);
        model.addAttribute("agencies", scope.agencies());
        model.addAttribute("agency", a);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        // A date typed that cannot be (31/02): the field says so and no rows are shown for a range not asked for.
        boolean badDate = !vn.motcua.platform.web.DateInputs.errors(request).isEmpty();
        model.addAttribute("rows", a.isEmpty() || badDate ? List.of() : access.registerRows(a, f, t, state, auth));
        return "dossier/processing-register";
    }

    @GetMapping("/workbench/register.{format}")
    ResponseEntity<?> registerExport(@PathVariable String format, @RequestParam String agency,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) DossierState state, Authentication auth) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ApiException.badRequest("processing.register.format", format);
        }
        return access.register(agency, from, to, state, format, auth);
    }

    // ---- the applicant's part (loaded with htmx into /my/dossiers/{id}) ----------------------------

    @GetMapping("/my/dossiers/{id}/processing")
    String citizenPanel(@PathVariable UUID id, Authentication auth, Model model) {
        Dossier d = access.visible(id, auth);
        model.addAttribute("d", d);
        model.addAttribute("actions", processing.available(d, auth.getName(), processing.now()));
        model.addAttribute("result", steps.result(id).orElse(null));
        model.addAttribute("extensions", steps.extensions(id));
        return "dossier/processing-citizen :: panel";
    }

    @PostMapping("/my/dossiers/{id}/processing-supplement")
    String citizenSupply(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                         @RequestParam(required = false) String note,
                         @RequestParam(name = "files", required = false) List<MultipartFile> files,
                         Authentication auth, RedirectAttributes flash, Locale locale) throws IOException {
        access.visible(id, auth);
        List<SubmitDossier.AttachmentData> attachments = Uploads.attachments(files);
        perform(() -> processing.supply(id, version, auth.getName(), attachments, note, processing.now()),
                Action.SUPPLY, flash, locale);
        return "redirect:/my/dossiers/" + id;
    }

    @PostMapping("/my/dossiers/{id}/rating")
    String citizenRate(@PathVariable UUID id, @RequestParam(required = false) Integer rating,
                       @RequestParam(required = false) String comment, Authentication auth, RedirectAttributes flash,
                       Locale locale) {
        access.visible(id, auth);
        perform(() -> processing.rate(id, auth.getName(), rating == null ? 0 : rating, comment, processing.now()),
                Action.RATE, flash, locale);
        return "redirect:/my/dossiers/" + id;
    }

    @GetMapping("/my/dossiers/{id}/result")
    ResponseEntity<byte[]> citizenResult(@PathVariable UUID id, Authentication auth) {
        Dossier d = access.visible(id, auth);
        var r = steps.result(id).filter(x -> d.state() == DossierState.RETURNED)
                .orElseThrow(() -> ApiException.notFound("processing.result.none"));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(r.contentType()))
                .header("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"")
                .body(steps.resultContent(id).orElseThrow());
    }
}
