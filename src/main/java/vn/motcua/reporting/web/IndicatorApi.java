package vn.motcua.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reporting.internal.IndicatorSeries;
import vn.motcua.reporting.internal.IndicatorService;

/** Open data: the Decision 766 indicators of an agency, a commune-level unit or a province for a period. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Service-quality indicators of Decision 766/QĐ-TTg (public, open data)")
class IndicatorApi {

    static final List<String> CSV_INDICATORS = List.of("onTime", "onlineSubmission", "fullyOnline", "satisfaction",
            "apologyLetters", "electronicResults", "digitised", "reuse", "feedbackOnTime", "answerSatisfaction");
    /** The transparency group's criteria, after the other rows (rows named {@code transparency.<criterion>}). */
    static final List<String> CSV_TRANSPARENCY = List.of("proceduresPublished", "trackable", "resultsPublished");

    private final IndicatorService indicators;
    private final IndicatorSeries series;

    IndicatorApi(IndicatorService indicators, IndicatorSeries series) {
        this.indicators = indicators;
        this.series = series;
    }

    @GetMapping
    @Operation(summary = "Indicators of Decision 766 for an agency, unit or province and a period",
            description = "rate is a fraction (0–1; percent beside it); points per Decision 766 where it gives them; "
                    + "lineage=true adds the predecessors of a reorganised unit. Formulas: docs/indicators.md.")
    ResponseEntity<?> indicators(
            @Parameter(description = "agency | unit | province") @RequestParam(required = false) String level,
            @Parameter(description = "agency code (UBND-26740) or unit code (26740, 79)") @RequestParam(required = false) String code,
            @Parameter(description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(description = "last day, YYYY-MM-DD (included)") @RequestParam(required = false) String to,
            @Parameter(description = "include the predecessors through the lineage") @RequestParam(required = false) String lineage,
            @Parameter(description = "only dossiers of this field (lĩnh vực, e.g. HO_TICH)") @RequestParam(required = false) String field,
            @Parameter(description = "only dossiers of this procedure code") @RequestParam(required = false) String procedure,
            @Parameter(description = "month | quarter | year: adds the indicators per step of the period") @RequestParam(required = false) String series,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false, defaultValue = "json") String format) {
        IndicatorService.Query q = IndicatorService.parse(level, code, from, to, lineage, field, procedure);
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("reporting.format", format);
        }
        IndicatorSeries.Step step = IndicatorSeries.parse(series);
        Map<String, Object> out = indicators.indicators(q);
        if (step != null) {
            out.put("series", this.series.of(q, step));
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-so-" + q.level().name().toLowerCase()
                            + "-" + q.code() + "-" + q.from() + "-" + q.to() + ".csv\"")
                    .body(csv(out));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
    }

    /** One row per indicator (UTF-8 with a BOM, so spreadsheet programs read Vietnamese). */
    @SuppressWarnings("unchecked")
    static String csv(Map<String, Object> out) {
        StringBuilder b = new StringBuilder("\uFEFFindicator,rate,percent,points,numerator,denominator,notAvailable\r\n");
        for (String name : CSV_INDICATORS) {
            Map<String, Object> m = (Map<String, Object>) out.get(name);
            b.append(name).append(',').append(cell(m.get("rate"))).append(',').append(cell(m.get("percent")))
                    .append(',').append(cell(m.get("points"))).append(',').append(cell(m.get("numerator")))
                    .append(',').append(cell(m.get("denominator"))).append(',')
                    .append(Boolean.TRUE.equals(m.get("notAvailable"))).append("\r\n");
        }
        b.append("dossiers,,,,").append(out.get("dossiers")).append(",,false\r\n");
        Map<String, Object> transparency = (Map<String, Object>) out.get("transparency");
        for (String name : CSV_TRANSPARENCY) {
            Map<String, Object> m = (Map<String, Object>) transparency.get(name);
            b.append("transparency.").append(name).append(',').append(cell(m.get("rate"))).append(',')
                    .append(cell(m.get("percent"))).append(",,").append(cell(m.get("numerator"))).append(',')
                    .append(cell(m.get("denominator"))).append(",false\r\n");
        }
        return b.toString();
    }

    private static String cell(Object v) {
        return v == null ? "" : v.toString();
    }
}
