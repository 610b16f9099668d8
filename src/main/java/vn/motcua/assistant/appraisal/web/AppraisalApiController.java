package vn.motcua.assistant.appraisal.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.assistant.appraisal.Appraisal;
import vn.motcua.assistant.appraisal.AppraisalQueries;
import vn.motcua.assistant.appraisal.AppraisalService;
import vn.motcua.assistant.appraisal.DeadlineRisk;
import vn.motcua.dossier.OfficerDossierAccess;
import vn.motcua.platform.api.ApiException;

@RestController
@Tag(name = "Appraisal", description = "Officer assistant: completeness, rules, reading of attachments, duplicates, "
        + "a suggestion (never a decision), deadline risk")
class AppraisalApiController {

    private final OfficerDossierAccess access;
    private final AppraisalService appraisals;
    private final AppraisalQueries queries;
    private final DeadlineRisk risk;

    AppraisalApiController(OfficerDossierAccess access, AppraisalService appraisals, AppraisalQueries queries,
                           DeadlineRisk risk) {
        this.access = access;
        this.appraisals = appraisals;
        this.queries = queries;
        this.risk = risk;
    }

    @GetMapping("/api/v1/dossiers/{id}/appraisal")
    @Operation(summary = "The appraisal of a dossier, for officers who may act on it (citizens: 403, other agencies: 403)")
    Appraisal appraisal(@PathVariable UUID id, Authentication auth) {
        OfficersOnly.require(auth);
        return appraisals.appraise(access.visibleTo(id, auth));
    }

    @GetMapping("/api/v1/appraisal/queue")
    @Operation(summary = "The caller's queues (reception and processing steps) sorted by deadline risk, riskiest first")
    List<DeadlineRisk.Item> queue(@RequestParam(defaultValue = "50") int limit, Authentication auth) {
        OfficersOnly.require(auth);
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("appraisal.limit");
        }
        return risk.queue(auth.getName(), limit);
    }

    @GetMapping("/api/v1/appraisal/precision")
    @Operation(summary = "Per procedure and suggested kind: decided suggestions and how many the officer's decision matched")
    List<AppraisalQueries.PrecisionRow> precision(Authentication auth) {
        OfficersOnly.require(auth);
        return queries.precision();
    }
}
