package vn.motcua.catalogue.web;

import vn.motcua.platform.time.VietnamTime;
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
    private final org.springframework.beans.factory.ObjectProvider<vn.motcua.territory.Places> places;
    private final vn.motcua.catalogue.eforms.AddressNames addressNames;

    private final java.time.Clock clock;

    PortalCatalogueController(CatalogueService catalogue, CatalogueRepository repository, EFormService eforms,
                              org.springframework.beans.factory.ObjectProvider<vn.motcua.territory.Places> places,
                              vn.motcua.catalogue.eforms.AddressNames addressNames, java.time.Clock clock) {
        this.clock = clock;
        this.addressNames = addressNames;
        this.catalogue = catalogue;
        this.repository = repository;
        this.eforms = eforms;
        this.places = places;
    }

    /** A place the person may have meant: its code, its name, and the old name typed (null for a current one). */
    record PlaceChoice(String code, String label, String oldName) {
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

    /** A document in the summary, by its short name (to the first ';', at most ~110 characters). */
    record Bring(vn.motcua.catalogue.RequiredDocument document, String name) {
    }

    static String shortName(String name) {
        String n = vn.motcua.catalogue.RequiredDocument.unmarked(name);
        int semi = n.indexOf(';');
        if (semi > 0) {
            n = n.substring(0, semi).strip();
        }
        return n.length() <= 110 ? n : n.substring(0, n.lastIndexOf(' ', 108)) + " …";
    }

    /** Needed only in some cases: "Trường hợp …", "… nếu …", or listed under a case heading. */
    static boolean conditional(vn.motcua.catalogue.RequiredDocument d) {
        String f = vn.motcua.platform.text.VietnameseText.fold(shortName(d.name()));
        return d.condition() != null || f.startsWith("truong hop") || f.contains(" truong hop ") || f.startsWith("neu ")
                || f.contains(" neu ");
    }

    /** A document to hand in or show: some copies, and not a note ("Lưu ý: …", a heading ending in ':'). */
    static boolean isDocument(vn.motcua.catalogue.RequiredDocument d) {
        return d.count() >= 1 && d.name() != null && !d.name().strip().endsWith(":")
                && (d.condition() == null || !vn.motcua.platform.text.VietnameseText.fold(d.condition()).startsWith("luu i"));
    }

    private static List<PlaceChoice> choices(List<vn.motcua.territory.Places.Place> found) {
        List<PlaceChoice> out = new ArrayList<>();
        for (var x : found) {
            if (x.current()) {
                out.add(new PlaceChoice(x.unit().code(), label(x), null));
            } else {
                for (var s : x.successors()) {
                    out.add(new PlaceChoice(s.code(), s.fullName(), x.unit().fullName()));
                }
            }
        }
        return out.stream().filter(c -> out.stream().filter(o -> o.code().equals(c.code())).findFirst().orElse(c) == c)
                .toList();
    }

    private static String label(vn.motcua.territory.Places.Place x) {
        return x.unit().fullName() + (x.province() != null && !x.province().equals(x.unit())
                ? ", " + x.province().fullName() : "");
    }

    @GetMapping("/procedures/{code}")
    String procedure(@PathVariable String code, @RequestParam(required = false) String unit, Model model) {
        LocalDate today = VietnamTime.today(clock);
        ProcedureVersion v = catalogue.requireInForce(code, today);
        model.addAttribute("v", v);
        // What to bring (documents) apart from the published notes about them ("Lưu ý: …", entries of no copies).
        List<vn.motcua.catalogue.RequiredDocument> documents = new ArrayList<>();
        List<vn.motcua.catalogue.RequiredDocument> notes = new ArrayList<>();
        for (var d : v.requiredDocuments()) {
            (isDocument(d) ? documents : notes).add(d);
        }
        model.addAttribute("documents", documents);
        model.addAttribute("bringAlways", documents.stream().filter(d -> !conditional(d)).map(d -> new Bring(d, shortName(d.name()))).toList());
        model.addAttribute("bringSometimes", documents.stream().filter(PortalCatalogueController::conditional).map(d -> new Bring(d, shortName(d.name()))).toList());
        model.addAttribute("documentNotes", notes);
        model.addAttribute("allFree", !v.fees().isEmpty() && v.fees().stream().allMatch(vn.motcua.catalogue.Fee::free));
        model.addAttribute("summary", repository.procedure(code).orElseThrow());
        model.addAttribute("channels", repository.channels(v.versionId()));
        model.addAttribute("territoryAvailable", catalogue.territoryAvailable());
        model.addAttribute("unit", unit == null ? "" : unit.strip());
        if (unit != null && !unit.isBlank()) {
            String unitCode = unit.strip();
            vn.motcua.territory.Places p = places.getIfAvailable();
            if (p != null && !vn.motcua.territory.AdministrativeUnit.isCode(unitCode)) {
                // A name typed without the picker (no JavaScript): the place it names, or the places to choose from.
                List<PlaceChoice> choices = choices(p.search(unitCode, today, vn.motcua.territory.Places.Level.ANY, 6));
                model.addAttribute("placeChoices", choices);
                if (choices.size() != 1) {
                    return "catalogue/procedure";
                }
                unitCode = choices.get(0).code();
                model.addAttribute("placeName", choices.get(0).label());
                model.addAttribute("placeOldName", choices.get(0).oldName());
            } else if (p != null) {
                p.search(unitCode, today, vn.motcua.territory.Places.Level.ANY, 1).stream()
                        .filter(x -> x.current() && x.unit().code().equals(unit.strip())).findFirst()
                        .ifPresent(x -> model.addAttribute("placeName", label(x)));
            }
            model.addAttribute("agencies", catalogue.competentAgencies(code, unitCode, today));
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
    String submit(@PathVariable String code, @RequestParam Map<String, String> posted, Model model) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        FormRenderer.nest(posted, counts);
        String add = posted.get("_add");
        if (add != null) {
            counts.merge(add, 2, (a, b) -> Math.min(a + 1, 50));
            return renderForm(code, posted, List.of(), counts, false, model);
        }
        // Without JavaScript a place is typed by name: resolved here (one place → its code; several → the field asks).
        LocalDate today = VietnamTime.today(clock);
        var names = addressNames.resolve(eforms.schema(catalogue.requireInForce(code, today)), posted, counts, today);
        Map<String, String> params = names.params();
        Map<String, Object> data = FormRenderer.nest(params, counts);
        List<FieldError> errors = new ArrayList<>(names.errors());
        eforms.validate(code, today, data).stream()
                .filter(e -> names.errors().stream().noneMatch(n -> n.field().equals(e.field()))).forEach(errors::add);
        model.addAttribute("placeChoices", names.choices());
        return renderForm(code, params, errors, counts, errors.isEmpty(), model);
    }

    private String renderForm(String code, Map<String, String> values, List<FieldError> errors,
                              Map<String, Integer> counts, boolean ok, Model model) {
        ProcedureVersion v = catalogue.requireInForce(code, VietnamTime.today(clock));
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
