package vn.motcua.reporting.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reporting.internal.IndicatorService;

/**
 * The public page of the indicators of a province or ward (aggregates only: no dossier, applicant or officer is
 * named). Numbers in an accessible table; the same figures as JSON and CSV under {@code /api/v1/indicators}.
 */
@Controller
class IndicatorPages {

    /** Rows of the table, in order: the key of the answer and whether Decision 766 gives it points here. */
    static final List<String> ROWS = List.of("onTime", "onlineSubmission", "fullyOnline", "satisfaction",
            "apologyLetters", "electronicResults", "digitised", "reuse", "feedbackOnTime", "answerSatisfaction");

    private final IndicatorService indicators;
    private final MessageSource messages;

    private final java.time.Clock clock;

    IndicatorPages(IndicatorService indicators, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/indicators")
    String page(@RequestParam(required = false, defaultValue = "province") String level,
                @RequestParam(required = false, defaultValue = "79") String code,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String lineage,
                Model model, jakarta.servlet.http.HttpServletRequest request) {
        LocalDate today = VietnamTime.today(clock);
        String f = from == null || from.isBlank() ? today.withDayOfYear(1).toString() : from;
        String t = to == null || to.isBlank() ? today.toString() : to;
        boolean lin = "true".equalsIgnoreCase(lineage) || "on".equalsIgnoreCase(lineage);
        model.addAttribute("level", level);
        model.addAttribute("code", code);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("lineage", lin);
        model.addAttribute("rows", ROWS);
        if (!vn.motcua.platform.web.DateInputs.errors(request).isEmpty()) {
            return "reporting/indicators"; // the date fields name what is wrong
        }
        try {
            if ("agency".equalsIgnoreCase(level)) {
                throw ApiException.badRequest("reporting.page.level");
            }
            IndicatorService.Query q = IndicatorService.parse(level, code, f, t, String.valueOf(lin));
            Map<String, Object> answer = indicators.indicators(q);
            model.addAttribute("answer", answer);
            model.addAttribute("query", "level=" + q.level().name().toLowerCase() + "&code=" + q.code() + "&from="
                    + q.from() + "&to=" + q.to() + "&lineage=" + q.lineage());
        } catch (ApiException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "reporting/indicators";
    }
}
