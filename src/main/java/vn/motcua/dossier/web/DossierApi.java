package vn.motcua.dossier.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.dossier.internal.RequestItem;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.throttle.Throttle;

@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Dossiers", description = "Intake, reception decisions, slips and tracking")
class DossierApi {

    private final IntakeService intake;
    private final DossierQueries queries;
    private final DossierStore store;
    private final Officers officers;
    private final SlipResponses slipResponses;
    private final DossierViews views;
    private final DossierAccess access;
    private final Throttle throttle;
    private final vn.motcua.dossier.internal.SubmissionWriter submissions;

    DossierApi(IntakeService intake, DossierQueries queries, DossierStore store, Officers officers,
               SlipResponses slipResponses, DossierViews views, DossierAccess access, Throttle throttle,
               vn.motcua.dossier.internal.SubmissionWriter submissions) {
        this.submissions = submissions;
        this.access = access;
        this.throttle = throttle;
        this.intake = intake;
        this.queries = queries;
        this.store = store;
        this.officers = officers;
        this.slipResponses = slipResponses;
        this.views = views;
    }

    @PostMapping
    // The hot path of intake: the same rule as hasAnyRole, checked against the authorities without a SpEL evaluation.
    @Secured({"ROLE_CITIZEN", "ROLE_RECEPTION_OFFICER"})
    @Operation(summary = "Submit a dossier (citizen online, or a reception officer at the counter)",
            description = "Send an Idempotency-Key header: a repeat with the same key returns the same dossier.")
    ResponseEntity<DossierViews.Created> submit(@Valid @RequestBody SubmitDossier body,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                Authentication auth) {
        boolean officer = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_RECEPTION_OFFICER"));
        Dossier d = submissions.submit(body, officers.actor(auth), officer ? Dossier.Channel.COUNTER : Dossier.Channel.ONLINE, key);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(d.id()).toUri())
                .body(views.created(d));
    }

    @GetMapping("/track")
    @Operation(summary = "Public tracking by dossier code and the last 4 digits of phone or personal ID",
            description = "Throttled: after a few wrong checks from one address, or against one code, the answer is 429 "
                    + "with Retry-After (the code stays locked for a while, the right check included).")
    DossierViews.Tracking track(@RequestParam String code, @RequestParam String check,
                                HttpServletRequest request) {
        Dossier d = throttle.trackingCheck(request, code, () -> queries.track(code, check))
                .orElseThrow(() -> ApiException.notFound("dossier.track.notFound"));
        return views.tracking(d, store.events(d.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A dossier with its history (its applicant, or officers of its agency)")
    DossierViews.Full get(@PathVariable UUID id, Authentication auth) {
        Dossier d = visible(id, auth);
        return views.full(d, store.events(id));
    }

    @GetMapping
    @Operation(summary = "Reception inbox of the officer's agencies (officers), or one's own dossiers (citizens)")
    DossierQueries.Page<DossierViews.Created> list(@RequestParam(required = false) List<DossierState> state,
                                                   @RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "20") int size,
                                                   Authentication auth) {
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.badRequest("dossier.paging.invalid");
        }
        if (hasRole(auth, "CITIZEN")) {
            List<Dossier> own = queries.submittedBy(auth.getName());
            return new DossierQueries.Page<>(own.stream().map(views::created).toList(), own.size(), 0, own.size());
        }
        List<DossierState> states = state == null || state.isEmpty() ? List.of(DossierState.SUBMITTED) : state;
        var inbox = queries.inbox(officers.receptionAgencies(auth.getName()), states, null,
                DossierQueries.InboxSort.RECEPTION_DUE, page, size);
        return new DossierQueries.Page<>(inbox.items().stream().map(views::created).toList(), inbox.total(), page, size);
    }

    record Decision(Integer version, List<RequestItem> items, String note) {
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('RECEPTION_OFFICER')")
    @Operation(summary = "Accept: assigns the dossier code and the appointment (Form 01)")
    DossierViews.Full accept(@PathVariable UUID id, @RequestBody(required = false) Decision body, Principal principal) {
        Dossier d = intake.accept(id, body == null ? null : body.version(), officers.actor(principal));
        return views.full(d, store.events(id));
    }

    @PostMapping("/{id}/supplement-request")
    @PreAuthorize("hasRole('RECEPTION_OFFICER')")
    @Operation(summary = "Ask once, completely, for what is missing or wrong (Form 02)")
    DossierViews.Full requestSupplement(@PathVariable UUID id, @RequestBody Decision body, Principal principal) {
        Dossier d = intake.requestSupplement(id, body.version(), body.items(), body.note(), officers.actor(principal));
        return views.full(d, store.events(id));
    }

    @PostMapping("/{id}/refusal")
    @PreAuthorize("hasRole('RECEPTION_OFFICER')")
    @Operation(summary = "Refuse with reasons (Form 03)")
    DossierViews.Full refuse(@PathVariable UUID id, @RequestBody Decision body, Principal principal) {
        Dossier d = intake.refuse(id, body.version(), body.items(), body.note(), officers.actor(principal));
        return views.full(d, store.events(id));
    }

    record Supplement(Integer version, Map<String, Object> form, List<SubmitDossier.@jakarta.validation.constraints.NotNull @Valid AttachmentData> attachments) {
    }

    @PostMapping("/{id}/supplement")
    @PreAuthorize("hasAnyRole('CITIZEN','RECEPTION_OFFICER')")
    @Operation(summary = "Complete the dossier after a supplement request (applicant online, or reception at the counter)")
    DossierViews.Full supply(@PathVariable UUID id, @Valid @RequestBody Supplement body, Authentication auth) {
        Dossier d = intake.supply(id, body.version(), body.form(), body.attachments(), officers.actor(auth),
                hasRole(auth, "CITIZEN"));
        return views.full(d, store.events(id));
    }

    record RouteBody(Integer version, String agencyCode, String reason) {
    }

    @PostMapping("/{id}/route")
    @PreAuthorize("hasAnyRole('RECEPTION_OFFICER','ADMIN')")
    @Operation(summary = "Triage: send a dossier whose agency was uncertain to the competent agency")
    DossierViews.Full route(@PathVariable UUID id, @RequestBody RouteBody body, Authentication auth) {
        if (body.agencyCode() == null || body.agencyCode().isBlank()) {
            throw ApiException.unprocessable("dossier.route.noAgency");
        }
        Dossier d = intake.route(id, body.version(), body.agencyCode().strip(), body.reason(), officers.actor(auth),
                hasRole(auth, "ADMIN"));
        return views.full(d, store.events(id));
    }

    @GetMapping(value = "/{id}/slips/{form}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Form 01 (receipt), 02 (supplement request) or 03 (refusal) as an A5 PDF")
    ResponseEntity<byte[]> slip(@PathVariable UUID id, @Parameter(description = "01, 02 or 03") @PathVariable String form,
                                Authentication auth, HttpServletRequest request) {
        return slipResponses.pdf(visible(id, auth), form, request);
    }

    private Dossier visible(UUID id, Authentication auth) {
        return access.visible(id, auth);
    }

    static boolean hasRole(Authentication auth, String role) {
        return DossierAccess.hasRole(auth, role);
    }
}
