package vn.motcua.reorg.web;

import vn.motcua.platform.time.VietnamTime;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.internal.DocumentValidity;
import vn.motcua.reorg.internal.OfficerMoves;
import vn.motcua.reorg.internal.PlanDefinition;
import vn.motcua.reorg.internal.PlanExecutor;
import vn.motcua.reorg.internal.PlanStore;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.reorg.internal.Reports;

@RestController
@RequestMapping("/api/v1/reorg")
@Tag(name = "Reorganisation", description = "Plans that merge, split, rename, reclassify and dissolve units and agencies, "
        + "with every in-flight dossier moved (administrators)")
class ReorgApiController {

    private final ReorgEngine engine;
    private final DocumentValidity validity;
    private final OfficerMoves officers;

    private final BackgroundExecutions background;

    private final java.time.Clock clock;

    ReorgApiController(ReorgEngine engine, DocumentValidity validity, OfficerMoves officers,
                       BackgroundExecutions background, java.time.Clock clock) {
        this.clock = clock;
        this.background = background;
        this.engine = engine;
        this.validity = validity;
        this.officers = officers;
    }

    record Created(UUID id, String state) {
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a plan from its JSON definition (schema in docs/reorg.md)")
    Created create(@RequestBody PlanDefinition plan, Authentication auth) {
        PlanStore.Created c = engine.create(plan, auth.getName());
        return new Created(c.id(), c.state().name());
    }

    record ImportedView(UUID id, String state, List<String> skippedOldCodes, Map<String, String> aliasedNewCodes) {
    }

    @PostMapping("/plans/import")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import a plan for one province from a mapping file (format dvhcvn-merges; empty body = the shipped file)")
    ImportedView importPlan(@RequestParam(defaultValue = "dvhcvn-merges") String format, @RequestParam String province,
                            @RequestParam(required = false) String effective,
                            @RequestBody(required = false) byte[] body, Authentication auth) {
        if (!"dvhcvn-merges".equals(format)) {
            throw ApiException.badRequest("reorg.import.formatUnknown", format);
        }
        PlanStore.Imported i = engine.importMerges(body, province, effective, auth.getName());
        return new ImportedView(i.id(), i.state().name(), i.skippedOldCodes(), i.aliasedNewCodes());
    }

    @GetMapping("/plans")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "Plans, newest first")
    List<Reports.PlanView> list() {
        return engine.list();
    }

    @GetMapping("/plans/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "A plan with its state and stored results")
    Reports.PlanView get(@PathVariable UUID id) {
        return engine.view(id);
    }

    @GetMapping("/plans/{id}/definition")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "The plan's definition (JSON as authored or imported)")
    PlanDefinition definition(@PathVariable UUID id) {
        return engine.definition(id);
    }

    @PostMapping("/plans/{id}/routing-rules")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add routing rules (streets or hamlets of a split unit → successor); the plan goes back to DRAFT")
    Reports.PlanView addRules(@PathVariable UUID id, @RequestBody List<PlanDefinition.RoutingRuleSpec> rules) {
        return engine.addRoutingRules(id, rules);
    }

    @PostMapping("/plans/{id}/validate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Validate: successors, no successor closing, no cycles, agencies, procedures, posts")
    Reports.Validation validate(@PathVariable UUID id) {
        return engine.validate(id);
    }

    @PostMapping("/plans/{id}/dry-run")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Dry run: where every in-flight dossier would go, and why. Changes nothing (422 if invalid)")
    Reports.DryRun dryRun(@PathVariable UUID id) {
        return engine.dryRun(id);
    }

    @GetMapping("/plans/{id}/dry-run.csv")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "Dry run, one CSV line per in-flight dossier")
    void dryRunCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"dry-run-" + id + ".csv\"");
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        engine.dryRunCsv(id, w);
        w.flush();
    }

    @PostMapping("/plans/{id}/execute")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Execute (or resume) the plan: unit changes, then journaled batches of dossier transfers. "
            + "Returns the execution report when done; with async=true, 202 at once (Location: the progress)")
    org.springframework.http.ResponseEntity<?> execute(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean async,
                                                        Authentication auth, java.util.Locale locale) {
        if (async) {
            background.start(id, auth.getName(), locale);
            return org.springframework.http.ResponseEntity.accepted()
                    .location(java.net.URI.create("/api/v1/reorg/plans/" + id + "/progress")).body(progress(id));
        }
        return org.springframework.http.ResponseEntity.ok(engine.execute(id, auth.getName()));
    }

    /**
     * Progress of an execution, and why the last background run stopped if it did; {@code running}: on this node;
     * {@code executor}: the node executing it (here, elsewhere, or silent: interrupted, another node will resume it).
     */
    record ProgressView(String state, long moved, int batches, int batchesDone, int percent, boolean running,
                        String failure, ExecutorView executor) {
    }

    /** The executing node, from its heartbeat: {@code status} HERE, ELSEWHERE or SILENT. */
    record ExecutorView(String node, java.time.Instant since, java.time.Instant lastBeat, String status) {
    }

    @GetMapping("/plans/{id}/progress")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "How far the plan's execution has come: batches done of the journal's, running on this node, "
            + "and which node executes it since when (or that it stopped beating: interrupted, another node resumes it)")
    ProgressView progress(@PathVariable UUID id) {
        PlanExecutor.Progress p = engine.progress(id);
        PlanExecutor.Executor x = p.executor();
        return new ProgressView(p.state(), p.moved(), p.batches(), p.batchesDone(), p.percent(), p.running(),
                background.failure(id).orElse(null),
                x == null ? null : new ExecutorView(x.node(), x.since(), x.lastBeat(), x.status().name()));
    }

    @GetMapping("/plans/{id}/journal.csv")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "The execution journal: batch, dossier, from, to, rule, done")
    void journal(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        engine.journalCsv(id, w);
        w.flush();
    }

    @GetMapping("/plans/{id}/reconciliation")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "The stored reconciliation (counts before/after per state, invariant, triage)")
    Reports.Reconciliation reconciliation(@PathVariable UUID id) {
        Reports.PlanView v = engine.view(id);
        if (v.reconciliation() == null) {
            throw ApiException.conflict("reorg.plan.notExecuted", id);
        }
        return v.reconciliation();
    }

    @PostMapping("/plans/{id}/reconciliation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reconcile again now (after triage decisions)")
    Reports.Reconciliation reconcile(@PathVariable UUID id) {
        return engine.reconcile(id);
    }

    @GetMapping("/plans/{id}/officers")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "After execution: officers whose post changed, who take on new procedures (train first), "
            + "and who await a decision (409 before the plan's officers were moved)")
    OfficerMoves.OfficersReport officers(@PathVariable UUID id) {
        engine.view(id);
        return officers.report(id).orElseThrow(() -> ApiException.conflict("reorg.plan.notExecuted", id));
    }

    record Appointment(String post) {
    }

    @PostMapping("/plans/{id}/officers/{officerId}/appointment")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Decide for an officer awaiting a decision: appoint them to a post (its code); returns the "
            + "officers list (404 when the officer awaits no decision in this plan, 422 for an unknown post)")
    OfficerMoves.OfficersReport appoint(@PathVariable UUID id, @PathVariable UUID officerId,
                                        @RequestBody Appointment body) {
        engine.view(id);
        officers.appointAwaiting(id, officerId, body == null ? null : body.post());
        return officers.report(id).orElseThrow(() -> ApiException.conflict("reorg.plan.notExecuted", id));
    }

    record TriageDecision(String agencyCode) {
    }

    @PostMapping("/plans/{id}/triage/{dossierId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Send a dossier left in triage by the plan to an agency (rule EXPLICIT)")
    Map<String, Object> triage(@PathVariable UUID id, @PathVariable UUID dossierId, @RequestBody TriageDecision d,
                               Authentication auth) {
        if (d == null || d.agencyCode() == null || d.agencyCode().isBlank()) {
            throw ApiException.badRequest("reorg.triage.agency");
        }
        return Map.of("moved", engine.decideTriage(id, dossierId, d.agencyCode().strip(), auth.getName()));
    }

    @GetMapping("/document-validity")
    @Operation(summary = "Public: for a document issued by a unit on a date, who issued it, its validity and who is competent now")
    DocumentValidity.Answer documentValidity(@RequestParam String unit,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return validity.answer(unit, issuedOn, asOf != null ? asOf : VietnamTime.today(clock));
    }
}
