package vn.motcua.reporting.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The indicators that carry points (on time 20, online submission 12, satisfaction 18) of one selection, for pages
 * that set many units side by side: the same selection and figures as {@link IndicatorService#indicators}, without the
 * per-procedure and feedback parts a comparison does not show. {@link SideBySide} computes many lines at once with the
 * same figures (the reference its test compares with).
 */
@Component
public class IndicatorComparison {

    /** The points of the three indicators compared (20 + 12 + 18). */
    public static final double MAX_POINTS = IndicatorService.ON_TIME_POINTS + IndicatorService.ONLINE_POINTS
            + IndicatorService.SATISFACTION_POINTS;

    private final IndicatorService service;
    private final java.time.Clock clock;

    IndicatorComparison(IndicatorService service, java.time.Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** {@code dossiers}, {@code onTime}, {@code onlineSubmission}, {@code satisfaction} and their {@code points}. */
    public Map<String, Object> headline(IndicatorService.Query q) {
        IndicatorSelection.Selection s = service.select(q);
        Instant now = clock.instant();
        return headline(service.figures(s, q.filter(), q.from(), q.to(), now).totals());
    }

    /** The headline of raw totals (also {@link SideBySide}'s lines). */
    static Map<String, Object> headline(IndicatorQueries.Totals t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dossiers", t.dossiers());
        out.put("onTime", IndicatorService.indicator(t.onTime(), t.toProcess(), IndicatorService.ON_TIME_POINTS, 1.0));
        out.put("onlineSubmission", IndicatorService.indicator(t.online(), t.received(), IndicatorService.ONLINE_POINTS,
                IndicatorService.ONLINE_FULL_AT));
        out.put("satisfaction", IndicatorService.indicator(t.satisfied(), t.rated(),
                IndicatorService.SATISFACTION_POINTS, 1.0));
        out.put("points", points(out));
        return out;
    }

    /** The sum of the points earned; null when none of the three could be counted. */
    @SuppressWarnings("unchecked")
    static Double points(Map<String, Object> answer) {
        Double sum = null;
        for (String k : new String[] {"onTime", "onlineSubmission", "satisfaction"}) {
            Object p = ((Map<String, Object>) answer.get(k)).get("points");
            if (p != null) {
                sum = (sum == null ? 0 : sum) + ((Number) p).doubleValue();
            }
        }
        return sum == null ? null : IndicatorService.round(sum, 2);
    }
}
