package vn.motcua.catalogue.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.FieldError;
import vn.motcua.catalogue.ProcedureSummary;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.eforms.EFormService;
import vn.motcua.catalogue.internal.CatalogueRepository;
import vn.motcua.catalogue.internal.CatalogueService;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Agency;

@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Catalogue", description = "Administrative procedures: search, details in force, e-forms")
class ProcedureApiController {

    private final CatalogueService catalogue;
    private final CatalogueRepository repository;
    private final EFormService eforms;

    private final java.time.Clock clock;

    ProcedureApiController(CatalogueService catalogue, CatalogueRepository repository, EFormService eforms, java.time.Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.repository = repository;
        this.eforms = eforms;
    }

    record Item(String code, String name, String field, String level) {
        static Item of(ProcedureSummary s) {
            return new Item(s.code(), s.name(), s.field(), s.level());
        }
    }

    record Items(List<Item> items) {
    }

    @GetMapping
    @Operation(summary = "Search procedures (best first), or browse by field and level when q is empty")
    Items search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit,
                 @RequestParam(required = false) String field, @RequestParam(required = false) String level) {
        int n = Math.max(1, Math.min(limit, 100));
        List<ProcedureSummary> found = q == null || q.isBlank()
                ? repository.browse(blankToNull(field), blankToNull(level), n, 0)
                : catalogue.search(q, n);
        return new Items(found.stream().map(Item::of).toList());
    }

    @GetMapping("/{code}")
    @Operation(summary = "The version in force on a date (today by default); agencies are given for a unit")
    Map<String, Object> procedure(@PathVariable String code,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(required = false) String unit) {
        LocalDate asOf = date == null ? VietnamTime.today(clock) : date;
        ProcedureVersion v = catalogue.requireInForce(code, asOf);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", v.code());
        out.put("name", v.name());
        out.put("field", v.field());
        out.put("level", repository.procedure(code).map(ProcedureSummary::level).orElse(null));
        out.put("levels", v.levels());
        out.put("version", v.versionNo());
        out.put("validFrom", v.validFrom());
        out.put("validTo", v.validTo());
        out.put("processingTime", v.processingTime() == null ? null
                : Map.of("value", v.processingTime().amount(), "unit", v.processingTime().unit().name()));
        out.put("processingTimeText", v.processingTimeText());
        out.put("requiredDocuments", v.requiredDocuments());
        out.put("fees", v.fees());
        out.put("onlineLevel", v.onlineLevel());
        out.put("channels", v.channels());
        out.put("applicantTypes", v.applicantTypes());
        out.put("result", v.result());
        out.put("legalBasis", v.legalBasis() == null ? List.of() : List.of(v.legalBasis().split("\n")));
        out.put("steps", v.stepsText());
        out.put("process", v.process());
        out.put("pausePolicy", v.pausePolicy());
        out.put("performer", v.performer());
        out.put("agencies", unit == null || unit.isBlank() ? List.of()
                : catalogue.competentAgencies(code, unit.strip(), asOf).stream().map(ProcedureApiController::agency).toList());
        out.put("agenciesAvailable", catalogue.territoryAvailable());
        out.put("needsReview", v.needsReview());
        out.put("reviewNotes", v.reviewNotes());
        return out;
    }

    static Map<String, Object> agency(Agency a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", a.code());
        m.put("name", a.name());
        m.put("level", a.level());
        m.put("kind", a.kind());
        m.put("unitCode", a.unitCode());
        return m;
    }

    @GetMapping("/{code}/agencies")
    @Operation(summary = "Agencies competent for the procedure at a unit (commune or province code) on a date")
    Map<String, Object> agencies(@PathVariable String code, @RequestParam String unit,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate asOf = date == null ? VietnamTime.today(clock) : date;
        catalogue.requireInForce(code, asOf);
        return Map.of("agencies", catalogue.competentAgencies(code, unit.strip(), asOf).stream()
                .map(ProcedureApiController::agency).toList(), "available", catalogue.territoryAvailable());
    }

    @GetMapping("/{code}/form")
    @Operation(summary = "The e-form schema of the version in force")
    JsonNode form(@PathVariable String code) {
        return eforms.schema(code, VietnamTime.today(clock));
    }

    record Validation(boolean valid, List<FieldError> errors) {
    }

    @PostMapping("/{code}/form/validate")
    @Operation(summary = "Validate an e-form submission; field-level messages; nothing is stored")
    Validation validate(@PathVariable String code, @RequestBody(required = false) Map<String, Object> data) {
        if (data == null) {
            throw ApiException.badRequest("catalogue.error.noData");
        }
        List<FieldError> errors = eforms.validate(code, VietnamTime.today(clock), data);
        return new Validation(errors.isEmpty(), errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
