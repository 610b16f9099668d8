package vn.motcua.reporting.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.web.DateInputs;
import vn.motcua.reporting.internal.DashboardQueries;
import vn.motcua.reporting.internal.IndicatorSeries;
import vn.motcua.reporting.internal.IndicatorService;
import vn.motcua.reporting.internal.SideBySide;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;

/**
 * The officers' indicator dashboards, each table also as XLSX and CSV with the same parameters: the leader's (their
 * agency, the late dossiers, the officers' workloads), the province's (wards and agencies side by side, sortable) and
 * the People's Council's (their units, before vs after the reorganisation through the lineage, no personal data).
 * All numbers come from {@link IndicatorService}, as the open-data API's.
 */
@Controller
class DashboardPages {

    private final IndicatorService indicators;
    private final IndicatorSeries series;
    private final SideBySide sideBySide;
    private final DashboardQueries queries;
    private final IndicatorTables tables;
    private final DashboardAccess access;
    private final Territory territory;

    DashboardPages(IndicatorService indicators, IndicatorSeries series, SideBySide sideBySide,
                   DashboardQueries queries, IndicatorTables tables, DashboardAccess access, Territory territory) {
        this.indicators = indicators;
        this.series = series;
        this.sideBySide = sideBySide;
        this.queries = queries;
        this.tables = tables;
        this.access = access;
        this.territory = territory;
    }

    /** What a page shows: its tables, and the extra things its template names. */
    record View(List<Table> tables, Map<String, Object> answer, String query) {
    }

    static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v.strip();
    }

    // ---- the leader's dashboard ------------------------------------------------------------------

    View leaderView(String agency, String from, String to, Locale locale) {
        IndicatorService.Query q = IndicatorService.parse("agency", agency, from, to, "false");
        Map<String, Object> answer = indicators.indicators(q);
        List<Table> out = new ArrayList<>();
        out.add(tables.indicators(answer, locale));
        out.add(tables.series(series.of(q, IndicatorSeries.Step.MONTH), q.from().toString(), q.to().toString(), locale));
        long late = ((Number) IndicatorTables.part(answer, "onTime").get("late")).longValue();
        out.add(tables.late(queries.late(q), late, locale));
        out.add(tables.workload(queries.workload(List.of(q.code())), locale));
        out.add(tables.resolution(answer, locale));
        return new View(out, answer, "agency=" + q.code() + "&from=" + q.from() + "&to=" + q.to());
    }

    @GetMapping("/workbench/indicators")
    String leader(@RequestParam(required = false) String agency, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Authentication auth, Model model,
                  HttpServletRequest request) {
        LocalDate today = queries.today();
        String a = access.agency(auth, agency, today);
        model.addAttribute("agencies", access.ledAgencies(auth, today));
        model.addAttribute("agency", a);
        model.addAttribute("agencyName", territory.agency(a, today).map(Agency::name).orElse(a));
        String f = orDefault(from, today.withDayOfYear(1).toString());
        String t = orDefault(to, today.toString());
        return render("reporting/dashboard-leader", model, request, f, t, "/workbench/indicators",
                () -> leaderView(a, f, t, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/workbench/indicators.{format}")
    ResponseEntity<byte[]> leaderExport(@PathVariable String format, @RequestParam(required = false) String agency,
                                        @RequestParam String from, @RequestParam String to, Authentication auth) {
        String a = access.agency(auth, agency, queries.today());
        View v = leaderView(a, from, to, LocaleContextHolder.getLocale());
        return TableExport.response(format, "chi-so-" + a + "-" + from + "-" + to, v.tables());
    }

    // ---- the province dashboard ------------------------------------------------------------------

    View provinceView(String code, String from, String to, String sort, String dir, Locale locale) {
        IndicatorService.Query q = IndicatorService.parse("province", code, from, to, "false");
        Map<String, Object> answer = indicators.indicators(q);
        boolean desc = !"asc".equals(dir);
        // Every ward and province agency in one grouped computation (docs/indicators.md, "Cost of the province page").
        SideBySide.Lines lines = sideBySide.under(q.code(), q.from(), q.to(), true);
        List<IndicatorTables.Line> wards = IndicatorTables.lines(lines.units(), null);
        List<IndicatorTables.Line> own = IndicatorTables.lines(lines.agencies(), null);
        List<Table> out = new ArrayList<>();
        out.add(tables.indicators(answer, locale));
        Table w = tables.comparison("wards", tables.msg("reporting.dash.wardsCaption", locale,
                IndicatorTables.day(q.from(), locale), IndicatorTables.day(q.to(), locale)),
                wards, locale);
        Table o = tables.comparison("agencies", tables.msg("reporting.dash.agenciesCaption", locale,
                IndicatorTables.day(q.from(), locale), IndicatorTables.day(q.to(), locale)),
                own, locale);
        String key = orDefault(sort, "points");
        out.add(w.sorted(key, desc));
        out.add(o.sorted(key, desc));
        return new View(out, answer, "code=" + q.code() + "&from=" + q.from() + "&to=" + q.to());
    }

    @GetMapping("/workbench/indicators/province")
    String province(@RequestParam(required = false) String code, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir, Authentication auth, Model model,
                    HttpServletRequest request) {
        LocalDate today = queries.today();
        String c = access.province(auth, code, today);
        model.addAttribute("code", c);
        model.addAttribute("provinceName", territory.unit(c, today).map(u -> u.fullName() == null ? u.name() : u.fullName()).orElse(c));
        model.addAttribute("sort", orDefault(sort, "points"));
        model.addAttribute("dir", "asc".equals(dir) ? "asc" : "desc");
        String f = orDefault(from, today.withDayOfYear(1).toString());
        String t = orDefault(to, today.toString());
        return render("reporting/dashboard-province", model, request, f, t, "/workbench/indicators/province",
                () -> provinceView(c, f, t, sort, dir, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/workbench/indicators/province.{format}")
    ResponseEntity<byte[]> provinceExport(@PathVariable String format, @RequestParam(required = false) String code,
                                          @RequestParam String from, @RequestParam String to,
                                          @RequestParam(required = false) String sort,
                                          @RequestParam(required = false) String dir, Authentication auth) {
        String c = access.province(auth, code, queries.today());
        View v = provinceView(c, from, to, sort, dir, LocaleContextHolder.getLocale());
        return TableExport.response(format, "chi-so-tinh-" + c + "-" + from + "-" + to, v.tables());
    }

    // ---- the council view ------------------------------------------------------------------------

    /** The council looks across the reorganisation of 1 July 2025: from the start of 2025 by default. */
    static final LocalDate COUNCIL_FROM = LocalDate.of(2025, 1, 1);

    View councilView(String code, List<String> scope, String from, String to, String sort, String dir,
                     Locale locale) {
        // The dates and code checked first (a 400 naming what is wrong), then the level from the unit's type.
        IndicatorService.Query checked = IndicatorService.parse("unit", code, from, to, "true");
        AdministrativeUnit u = territory.unit(checked.code(), checked.to())
                .or(() -> territory.unit(checked.code(), checked.from()))
                .orElseThrow(() -> ApiException.badRequest("reporting.unknownUnit", code, from, to));
        String level = u.type().isProvinceLevel() ? "province" : "unit";
        IndicatorService.Query q = IndicatorService.parse(level, code, from, to, "true");
        Map<String, Object> answer = indicators.indicators(q);
        List<Table> out = new ArrayList<>();
        out.add(tables.indicators(answer, locale));
        out.add(tables.series(series.of(q, IndicatorSeries.Step.MONTH), q.from().toString(), q.to().toString(), locale));
        // A province or several units in the scope: its units side by side, as on the province dashboard.
        List<String> units = new ArrayList<>();
        for (AdministrativeUnit s : councilChoices(scope, q.to())) {
            if (!s.type().isProvinceLevel()) {
                units.add(s.code());
            }
        }
        if (units.size() > 1) {
            List<IndicatorTables.Line> lines = IndicatorTables.lines(sideBySide.units(units, q.from(), q.to()),
                    "/workbench/indicators/council?code=%s&from=" + q.from() + "&to=" + q.to());
            out.add(tables.comparison("scope", tables.msg("reporting.dash.scopeCaption", locale,
                    IndicatorTables.day(q.from(), locale), IndicatorTables.day(q.to(), locale)), lines, locale)
                    .sorted(orDefault(sort, "points"), !"asc".equals(dir)));
        }
        return new View(out, answer, "code=" + q.code() + "&from=" + q.from() + "&to=" + q.to());
    }

    @GetMapping("/workbench/indicators/council")
    String council(@RequestParam(required = false) String code, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
                   @RequestParam(required = false) String dir, Authentication auth, Model model,
                   HttpServletRequest request) {
        LocalDate today = queries.today();
        String t = orDefault(to, today.toString());
        String f = orDefault(from, (today.isAfter(COUNCIL_FROM.plusYears(3)) ? today.minusYears(1) : COUNCIL_FROM).toString());
        LocalDate asOf = parseOr(t, today);
        String c = access.councilUnit(auth, code, asOf);
        List<String> scope = access.councilUnits(auth);
        model.addAttribute("code", c);
        model.addAttribute("choices", councilChoices(scope, asOf));
        model.addAttribute("sort", orDefault(sort, "points"));
        model.addAttribute("dir", "asc".equals(dir) ? "asc" : "desc");
        return render("reporting/dashboard-council", model, request, f, t, "/workbench/indicators/council",
                () -> councilView(c, scope, f, t, sort, dir, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/workbench/indicators/council.{format}")
    ResponseEntity<byte[]> councilExport(@PathVariable String format, @RequestParam(required = false) String code,
                                         @RequestParam String from, @RequestParam String to,
                                         @RequestParam(required = false) String sort,
                                         @RequestParam(required = false) String dir, Authentication auth) {
        String c = access.councilUnit(auth, code, parseOr(to, queries.today()));
        View v = councilView(c, access.councilUnits(auth), from, to, sort, dir, LocaleContextHolder.getLocale());
        return TableExport.response(format, "chi-so-hdnd-" + c + "-" + from + "-" + to, v.tables());
    }

    /** The units of the scope and, for a province, the units under it on that day. */
    private List<AdministrativeUnit> councilChoices(List<String> scope, LocalDate asOf) {
        List<AdministrativeUnit> out = new ArrayList<>();
        for (String s : scope) {
            territory.unit(s, asOf).ifPresent(u -> {
                out.add(u);
                if (u.type().isProvinceLevel()) {
                    out.addAll(territory.children(u.code(), asOf));
                }
            });
        }
        return out;
    }

    private static LocalDate parseOr(String s, LocalDate d) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return d;
        }
    }

    private String render(String template, Model model, HttpServletRequest request, String from, String to,
                          String path, java.util.function.Supplier<View> view) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("path", path);
        if (!DateInputs.errors(request).isEmpty()) {
            return template; // the date fields name what is wrong
        }
        try {
            View v = view.get();
            model.addAttribute("tables", v.tables());
            model.addAttribute("answer", v.answer());
            model.addAttribute("query", v.query());
        } catch (ApiException e) {
            model.addAttribute("error", tables.msg(e.messageKey(), LocaleContextHolder.getLocale(), e.args()));
        }
        return template;
    }
}
