package vn.motcua.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;

/**
 * The indicators of a question per month, quarter or year of its period ({@code &series=month|quarter|year}), with
 * the selection of the whole period (so a merged ward's series runs from its predecessors' months into its own: "before
 * vs after 1 July 2025" in one chart). The first and last entries are clipped to the period. docs/indicators.md.
 */
@Component
public class IndicatorSeries {

    /** The step of a series. */
    public enum Step { MONTH, QUARTER, YEAR }

    /** At most this many entries (a period of 1,098 days has 37 months). */
    static final int MAX_ENTRIES = 40;

    private final IndicatorService service;
    private final Clock clock;

    IndicatorSeries(IndicatorService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** null or blank = no series; otherwise month, quarter or year (a 400 for anything else). */
    public static Step parse(String series) {
        if (series == null || series.isBlank()) {
            return null;
        }
        try {
            return Step.valueOf(series.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("reporting.series", series);
        }
    }

    /** The first day of the step containing {@code d}. */
    static LocalDate start(LocalDate d, Step step) {
        return switch (step) {
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    static LocalDate next(LocalDate start, Step step) {
        return switch (step) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    static String label(LocalDate start, Step step) {
        return switch (step) {
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The periods of a series: [from, to] cut at the steps' boundaries. */
    static List<LocalDate[]> periods(LocalDate from, LocalDate to, Step step) {
        List<LocalDate[]> out = new ArrayList<>();
        for (LocalDate s = start(from, step); !s.isAfter(to); s = next(s, step)) {
            LocalDate f = s.isBefore(from) ? from : s;
            LocalDate e = next(s, step).minusDays(1);
            out.add(new LocalDate[] {f, e.isAfter(to) ? to : e});
        }
        return out;
    }

    public List<Map<String, Object>> of(IndicatorService.Query q, Step step) {
        IndicatorSelection.Selection s = service.select(q);
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate[] p : periods(q.from(), q.to(), step)) {
            IndicatorService.Figures fig = service.figures(s, q.filter(), p[0], p[1], now);
            IndicatorQueries.Totals t = fig.totals();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", label(start(p[0], step), step));
            m.put("from", p[0].toString());
            m.put("to", p[1].toString());
            m.put("dossiers", t.dossiers());
            m.put("onTime", IndicatorService.indicator(t.onTime(), t.toProcess(), IndicatorService.ON_TIME_POINTS, 1.0));
            m.put("onlineSubmission", IndicatorService.indicator(t.online(), t.received(), IndicatorService.ONLINE_POINTS,
                    IndicatorService.ONLINE_FULL_AT));
            m.put("fullyOnline", IndicatorService.indicator(t.fullyOnline(), t.received(), null, 1.0));
            m.put("satisfaction", IndicatorService.indicator(t.satisfied(), t.rated(),
                    IndicatorService.SATISFACTION_POINTS, 1.0));
            m.put("apologyLetters", IndicatorService.indicator(t.lateWithApology(), t.late(), null, 1.0));
            ResultIndicators.put(m, fig.procedures(), code -> service.paperResult(code, q));
            m.put("reuse", IndicatorService.indicator(t.reused(), t.received(), null, 1.0));
            out.add(m);
        }
        return out;
    }
}
