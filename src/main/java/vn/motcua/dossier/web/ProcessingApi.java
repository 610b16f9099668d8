package vn.motcua.dossier.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.ProcessingForms;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.dossier.internal.ProcessingRules;
import vn.motcua.dossier.internal.ProcessingService;
import vn.motcua.dossier.internal.ProcessingStore;
import vn.motcua.dossier.internal.RequestItem;
import vn.motcua.platform.api.ApiException;

/** Processing actions on one dossier, queues, workload and the register (Form 07). */
@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Dossier processing", description = "Steps, assignment, supplement, extension (Form 04), stop (Form 05), "
        + "decision, result return, rating, control sheet (Form 06) and register (Form 07)")
class ProcessingApi {

    static final String OFFICER = "hasAnyRole('RECEPTION_OFFICER','HANDLING_OFFICER','UNIT_LEADER')";

    private final ProcessingService processing;
    private final ProcessingQueries queries;
    private final ProcessingStore steps;
    private final ProcessingForms forms;
    private final DossierStore store;
    private final DossierViews views;
    private final ProcessingAccess access;

    ProcessingApi(ProcessingService processing, ProcessingQueries queries, ProcessingStore steps, ProcessingForms forms,
                  DossierStore store, DossierViews views, ProcessingAccess access) {
        this.processing = processing;
        this.queries = queries;
        this.steps = steps;
        this.forms = forms;
        this.store = store;
        this.views = views;
        this.access = access;
    }

    record Versioned(Integer version) {
    }

    record AssignBody(Integer version, String assignee, String reason) {
    }

    record ForwardBody(Integer version, String note, String to) {
    }

    record ReasonBody(Integer version, String reason) {
    }

    record TransferBody(Integer version, String agencyCode, String reason) {
    }

    record SupplementRequestBody(Integer version, List<RequestItem> items, String note) {
    }

    record SupplyBody(Integer version, List<SubmitDossier.@jakarta.validation.constraints.NotNull @Valid AttachmentData> attachments, String note) {
    }

    record ExtensionBody(Integer version, Integer workingDays, String reason) {
    }

    record DecisionBody(Integer version, ProcessingService.Outcome outcome, String summary,
                        SubmitDossier.@Valid AttachmentData document) {
    }

    record ReturnBody(Integer version, ProcessingService.Delivery delivery) {
    }

    record RatingBody(Integer rating, String comment) {
    }

    /** The processing view of a dossier: its steps (Form 06 rows) and what this user may do now. */
    /**
     * @param field      the procedure's field (lĩnh vực) as in the catalogue at acceptance
     * @param queueField the field key the open step's queue is narrowed to (null: every post of its agency and role)
     */
    record ProcessingView(UUID id, String code, DossierState state, int version, Object dueAt, String field,
                          String queueField, List<ProcessingForms.ControlRow> steps, Set<ProcessingRules.Action> actions,
                          ProcessingStore.Result result) {
    }

    @GetMapping("/{id}/processing")
    @Operation(summary = "Steps (hand-offs with early/on-time/late), allowed actions for the caller, and the result")
    ProcessingView view(@PathVariable UUID id, Authentication auth) {
        Dossier d = access.visible(id, auth);
        return new ProcessingView(d.id(), d.code(), d.state(), d.version(), DossierViews.odt(d.dueAt()),
                steps.field(id).name(), steps.openStep(id).map(ProcessingStore.Step::fieldKey).orElse(null),
                forms.controlRows(d), processing.available(d, auth.getName(), processing.now()),
                steps.result(id).orElse(null));
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Claim the open step from the queue of your agency and post")
    DossierViews.Full claim(@PathVariable UUID id, @RequestBody(required = false) Versioned body, Authentication auth) {
        return full(processing.claim(id, v(body == null ? null : body.version()), auth.getName(), processing.now()));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasRole('UNIT_LEADER')")
    @Operation(summary = "Leader: assign or reassign the open step to an officer holding its post")
    DossierViews.Full assign(@PathVariable UUID id, @RequestBody AssignBody body, Authentication auth) {
        return full(processing.assign(id, body.version(), auth.getName(), body.assignee(), body.reason(), processing.now()));
    }

    @PostMapping("/{id}/forward")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Finish the open step and hand the dossier to the next step (its queue, or officer `to`)")
    DossierViews.Full forward(@PathVariable UUID id, @RequestBody(required = false) ForwardBody body, Authentication auth) {
        ForwardBody b = body == null ? new ForwardBody(null, null, null) : body;
        return full(processing.forward(id, b.version(), auth.getName(), b.note(), b.to(), processing.now()));
    }

    @PostMapping("/{id}/send-back")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Send the dossier back one step, with a reason")
    DossierViews.Full sendBack(@PathVariable UUID id, @RequestBody ReasonBody body, Authentication auth) {
        return full(processing.sendBack(id, body.version(), auth.getName(), body.reason(), processing.now()));
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Inter-agency processing (liên thông): continue the step in another agency")
    DossierViews.Full transfer(@PathVariable UUID id, @RequestBody TransferBody body, Authentication auth) {
        return full(processing.transfer(id, body.version(), auth.getName(), body.agencyCode(), body.reason(),
                processing.now()));
    }

    @PostMapping("/{id}/processing-supplement-request")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Ask the applicant for a supplement during appraisal (Form 02 again); the clock pauses")
    DossierViews.Full requestSupplement(@PathVariable UUID id, @RequestBody SupplementRequestBody body,
                                        Authentication auth) {
        return full(processing.requestSupplement(id, body.version(), auth.getName(), body.items(), body.note(),
                processing.now()));
    }

    @PostMapping("/{id}/processing-supplement")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Applicant: answer a supplement request during processing; the clock resumes")
    DossierViews.Full supply(@PathVariable UUID id, @Valid @RequestBody SupplyBody body, Authentication auth) {
        return full(processing.supply(id, body.version(), auth.getName(), body.attachments(), body.note(),
                processing.now()));
    }

    @PostMapping("/{id}/extension")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Form 04: apology, reason and new appointment (extension in working days), before the "
            + "appointment passes; the applicant is notified")
    DossierViews.Full extend(@PathVariable UUID id, @RequestBody ExtensionBody body, Authentication auth) {
        if (body.workingDays() == null) {
            throw ApiException.unprocessable("processing.extend.days");
        }
        return full(processing.extend(id, body.version(), auth.getName(), body.workingDays(), body.reason(),
                processing.now()));
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasAnyRole('RECEPTION_OFFICER','UNIT_LEADER')")
    @Operation(summary = "Form 05: stop processing with a reason (e.g. the applicant withdrew)")
    DossierViews.Full stop(@PathVariable UUID id, @RequestBody ReasonBody body, Authentication auth) {
        return full(processing.stop(id, body.version(), auth.getName(), body.reason(), processing.now()));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Record the decision with the result document (uploaded PDF/image, or generated when absent)")
    DossierViews.Full decide(@PathVariable UUID id, @Valid @RequestBody DecisionBody body, Authentication auth) {
        return full(processing.decide(id, body.version(), auth.getName(), body.outcome(), body.summary(),
                body.document(), processing.now()));
    }

    @PostMapping("/{id}/result-return")
    @PreAuthorize("hasRole('RECEPTION_OFFICER')")
    @Operation(summary = "Return the result at the counter or electronically; the dossier closes")
    DossierViews.Full returnResult(@PathVariable UUID id, @RequestBody(required = false) ReturnBody body,
                                   Authentication auth) {
        ReturnBody b = body == null ? new ReturnBody(null, null) : body;
        return full(processing.returnResult(id, b.version(), auth.getName(), b.delivery(), processing.now()));
    }

    @PostMapping("/{id}/rating")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Applicant: rate the service once, 1–5, with an optional comment")
    DossierViews.Full rate(@PathVariable UUID id, @RequestBody RatingBody body, Authentication auth) {
        if (body.rating() == null) {
            throw ApiException.unprocessable("processing.rate.range");
        }
        return full(processing.rate(id, auth.getName(), body.rating(), body.comment(), processing.now()));
    }

    @GetMapping("/{id}/result")
    @Operation(summary = "The result document (officers of the agency; the applicant once it is returned)")
    ResponseEntity<byte[]> result(@PathVariable UUID id, Authentication auth) {
        Dossier d = access.visible(id, auth);
        var r = steps.result(id).orElseThrow(() -> ApiException.notFound("processing.result.none"));
        if (DossierApi.hasRole(auth, "CITIZEN") && d.state() != DossierState.RETURNED) {
            throw ApiException.notFound("processing.result.none");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(r.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + r.fileName() + "\"")
                .body(steps.resultContent(id).orElseThrow());
    }

    @GetMapping(value = "/{id}/forms/{form}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Form 04 (apology, new appointment), 05 (stop) or 06 (process control sheet) as an A5 PDF")
    ResponseEntity<byte[]> form(@PathVariable UUID id, @Parameter(description = "04, 05 or 06") @PathVariable String form,
                                Authentication auth, HttpServletRequest request) {
        Dossier d = access.visible(id, auth);
        return access.formPdf(d, form, request);
    }

    @GetMapping("/queue")
    @PreAuthorize(OFFICER)
    @Operation(summary = "Open steps in the caller's queues (their agency and post), or of the agencies they lead")
    List<ProcessingQueries.QueueRow> queue(@RequestParam(defaultValue = "ALL") ProcessingQueries.Filter filter,
                                           Authentication auth) {
        var scope = queries.scope(auth.getName(), LocalDate.ofInstant(processing.now(), DossierViews.VN));
        return queries.queue(auth.getName(), scope, filter, 200);
    }

    @GetMapping("/workload")
    @PreAuthorize("hasRole('UNIT_LEADER')")
    @Operation(summary = "Leader: open steps per officer (and unassigned), with due-soon and late counts")
    List<ProcessingQueries.Workload> workload(Authentication auth) {
        var scope = queries.scope(auth.getName(), LocalDate.ofInstant(processing.now(), DossierViews.VN));
        return queries.workload(scope.ledAgencies());
    }

    @GetMapping("/register")
    @PreAuthorize("hasAnyRole('RECEPTION_OFFICER','HANDLING_OFFICER','UNIT_LEADER','ADMIN','AUDITOR')")
    @Operation(summary = "Form 07: the dossier register of an agency for a period, as JSON, CSV or XLSX")
    ResponseEntity<?> register(@RequestParam String agency,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) DossierState state,
                               @RequestParam(defaultValue = "json") String format, Authentication auth) {
        return access.register(agency, from, to, state, format, auth);
    }

    private DossierViews.Full full(Dossier d) {
        return views.full(d, store.events(d.id()));
    }

    private static Integer v(Integer version) {
        return version;
    }
}
