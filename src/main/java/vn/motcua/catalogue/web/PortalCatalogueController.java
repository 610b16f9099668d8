package vn.motcua.catalogue.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.FieldError;
import vn.motcua.catalogue.ProcedureSummary;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.eforms.EFormService;
import vn.motcua.catalogue.eforms.FormRenderer;
import vn.motcua.catalogue.internal.CatalogueRepository;
import vn.motcua.catalogue.internal.CatalogueService;
import vn.motcua.catalogue.internal.ProcedureSearch;

/** Public portal pages: search and browse, the procedure page, "where can I submit", the e-form. */
@Controller
class PortalCatalogueController {

    private final CatalogueService catalogue;
    private final CatalogueRepository repository;
    private final EFormService eforms;

    PortalCatalogueController(CatalogueService catalogue, CatalogueRepository repository, EFormService eforms) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.eforms = eforms;
    }

    record Hit(ProcedureSummary procedure, List<ProcedureSearch.Segment> name) {
    }

    @GetMapping("/procedures")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
                  @RequestParam(required = false) String level, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("fields", repository.fields());
        model.addAttribute("field", field);
        model.addAttribute("level", level);
        model.addAttribute("levels", List.of("COMMUNE", "PROVINCE", "CENTRAL"));
        List<Hit> hits = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            for (ProcedureSummary s : catalogue.search(q, 30)) {
                hits.add(new Hit(s, ProcedureSearch.highlight(s.name(), q)));
            }
            model.addAttribute("searched", true);
        } else if (field != null && !field.isBlank() || level != null && !level.isBlank()) {
            for (ProcedureSummary s : repository.browse(blank(field), blank(level), 200, 0)) {
                hits.add(new Hit(s, List.of(new ProcedureSearch.Segment(s.name(), false))));
            }
            model.addAttribute("searched", true);
        }
        model.addAttribute("hits", hits);
        return "catalogue/search";
    }

    @GetMapping("/procedures/{code}")
    String procedure(@PathVariable String code, @RequestParam(required = false) String unit, Model model) {
        LocalDate today = LocalDate.now(EFormService.VN);
        ProcedureVersion v = catalogue.requireInForce(code, today);
        model.addAttribute("v", v);
        model.addAttribute("summary", repository.procedure(code).orElseThrow());
        model.addAttribute("channels", repository.channels(v.versionId()));
        model.addAttribute("territoryAvailable", catalogue.territoryAvailable());
        model.addAttribute("unit", unit == null ? "" : unit.strip());
        if (unit != null && !unit.isBlank()) {
            model.addAttribute("agencies", catalogue.competentAgencies(code, unit.strip(), today));
        }
        return "catalogue/procedure";
    }

    /** A reorganisation seen from one old unit: which agencies now perform its procedures. */
    @GetMapping("/procedures/reorganisations/{date}")
    String reorganisation(@PathVariable @org.springframework.format.annotation.DateTimeFormat(
            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate date,
                          @RequestParam(required = false) String unit, Model model) {
        model.addAttribute("date", date);
        model.addAttribute("unit", unit == null ? "" : unit.strip());
        model.addAttribute("territoryAvailable", catalogue.territoryAvailable());
        if (unit != null && !unit.isBlank()) {
            model.addAttribute("changes", catalogue.agencyChanges(unit.strip(), date));
        }
        return "catalogue/reorganisation";
    }

    @GetMapping("/procedures/{code}/form")
    String form(@PathVariable String code, Model model) {
        return renderForm(code, Map.of(), List.of(), new LinkedHashMap<>(), false, model);
    }

    @PostMapping("/procedures/{code}/form")
    String submit(@PathVariable String code, @RequestParam Map<String, String> params, Model model) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Object> data = FormRenderer.nest(params, counts);
        String add = params.get("_add");
        if (add != null) {
            counts.merge(add, 2, (a, b) -> Math.min(a + 1, 50));
            return renderForm(code, params, List.of(), counts, false, model);
        }
        List<FieldError> errors = eforms.validate(code, LocalDate.now(EFormService.VN), data);
        return renderForm(code, params, errors, counts, errors.isEmpty(), model);
    }

    private String renderForm(String code, Map<String, String> values, List<FieldError> errors,
                              Map<String, Integer> counts, boolean ok, Model model) {
        ProcedureVersion v = catalogue.requireInForce(code, LocalDate.now(EFormService.VN));
        JsonNode schema = eforms.schema(v);
        model.addAttribute("v", v);
        model.addAttribute("title", schema.path("title").asString(v.name()));
        model.addAttribute("rows", FormRenderer.rows(schema, values, errors, counts));
        model.addAttribute("errors", errors);
        model.addAttribute("ok", ok);
        return "catalogue/form";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
