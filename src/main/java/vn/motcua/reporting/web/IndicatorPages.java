package vn.motcua.reporting.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.time.VietnamTime;
import vn.motcua.reporting.internal.IndicatorSeries;
import vn.motcua.reporting.internal.IndicatorService;

/**
 * The public page of the indicators of a province or ward (aggregates only: no dossier, applicant or officer is
 * named): the indicators as a bar chart and a table, the monthly series ("before vs after" with the lineage) as a line
 * chart and a table, the resolution times; the same tables as XLSX and CSV ({@code /indicators.xlsx}, {@code .csv})
 * and the same figures as JSON and CSV under {@code /api/v1/indicators}.
 */
@Controller
class IndicatorPages {

    private final IndicatorService indicators;
    private final IndicatorSeries series;
    private final IndicatorTables tables;
    private final java.time.Clock clock;

    IndicatorPages(IndicatorService indicators, IndicatorSeries series, IndicatorTables tables, java.time.Clock clock) {
        this.indicators = indicators;
        this.series = series;
        this.tables = tables;
        this.clock = clock;
    }

    /** The query of the page (agency level is API-only: a 400 with its own message). */
    static IndicatorService.Query query(String level, String code, String from, String to, boolean lineage) {
        if ("agency".equalsIgnoreCase(level)) {
            throw ApiException.badRequest("reporting.page.level");
        }
        return IndicatorService.parse(level, code, from, to, String.valueOf(lineage));
    }

    DashboardPages.View view(IndicatorService.Query q, Locale locale) {
        Map<String, Object> answer = indicators.indicators(q);
        List<Table> out = new ArrayList<>();
        out.add(tables.indicators(answer, locale));
        out.add(tables.series(series.of(q, IndicatorSeries.Step.MONTH), q.from().toString(), q.to().toString(), locale));
        out.add(tables.resolution(answer, locale));
        return new DashboardPages.View(out, answer, "level=" + q.level().name().toLowerCase(Locale.ROOT) + "&code="
                + q.code() + "&from=" + q.from() + "&to=" + q.to() + "&lineage=" + q.lineage());
    }

    private static boolean lineage(String lineage) {
        return "true".equalsIgnoreCase(lineage) || "on".equalsIgnoreCase(lineage);
    }

    @GetMapping("/indicators")
    String page(@RequestParam(required = false, defaultValue = "province") String level,
                @RequestParam(required = false, defaultValue = "79") String code,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String lineage,
                Model model, HttpServletRequest request) {
        LocalDate today = VietnamTime.today(clock);
        String f = from == null || from.isBlank() ? today.withDayOfYear(1).toString() : from;
        String t = to == null || to.isBlank() ? today.toString() : to;
        boolean lin = lineage(lineage);
        model.addAttribute("level", level);
        model.addAttribute("code", code);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("lineage", lin);
        if (!vn.motcua.platform.web.DateInputs.errors(request).isEmpty()) {
            return "reporting/indicators"; // the date fields name what is wrong
        }
        try {
            DashboardPages.View v = view(query(level, code, f, t, lin), LocaleContextHolder.getLocale());
            model.addAttribute("answer", v.answer());
            model.addAttribute("tables", v.tables());
            model.addAttribute("query", v.query());
        } catch (ApiException e) {
            model.addAttribute("error", tables.msg(e.messageKey(), LocaleContextHolder.getLocale(), e.args()));
        }
        return "reporting/indicators";
    }

    /** The page's tables as a workbook or CSV, with the page's parameters (all required here). */
    @GetMapping("/indicators.{format}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam String level, @RequestParam String code,
                                  @RequestParam String from, @RequestParam String to,
                                  @RequestParam(required = false) String lineage) {
        IndicatorService.Query q = query(level, code, from, to, lineage(lineage));
        DashboardPages.View v = view(q, LocaleContextHolder.getLocale());
        return TableExport.response(format, "chi-so-" + q.level().name().toLowerCase(Locale.ROOT) + "-" + q.code()
                + "-" + q.from() + "-" + q.to(), v.tables());
    }
}
