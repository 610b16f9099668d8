package vn.motcua.reporting.internal;

import vn.motcua.platform.time.VietnamTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.FeedbackFigures;
import vn.motcua.reporting.Level;

/**
 * Checks a request, gets its selection ({@link IndicatorSelection}: the agencies whose dossiers count) and turns the raw
 * counts into the indicators of Decision 766 (formulas in docs/indicators.md).
 */
@Service
public class IndicatorService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndicatorService.class);
    static final ZoneId VN = VietnamTime.ZONE;
    /** Longest period answered at once (a year and a day covers a leap year's whole year). */
    static final int MAX_DAYS = 366 * 3;

    /** Points of Decision 766 (groups: progress 20, online services 12, satisfaction 18; see docs/indicators.md). */
    static final double ON_TIME_POINTS = 20;
    static final double ONLINE_POINTS = 12;
    static final double ONLINE_FULL_AT = 0.5;
    static final double SATISFACTION_POINTS = 18;
    /** Reuse earns the whole of its share of the digitisation group's points from 80 % (issue 23, Decision 766). */
    static final double REUSE_FULL_AT = 0.8;

    private final IndicatorSelection selection;
    private final IndicatorQueries queries;
    private final AggregateQueries aggregates;
    private final Clock clock;
    private final Catalogue catalogue;
    private final FeedbackFigures feedback;
    private final BoundaryStore boundaries;
    private final Transparency transparency;

    IndicatorService(IndicatorSelection selection, IndicatorQueries queries, AggregateQueries aggregates, Clock clock,
                     Catalogue catalogue, FeedbackFigures feedback, BoundaryStore boundaries,
                     Transparency transparency) {
        this.selection = selection;
        this.boundaries = boundaries;
        this.transparency = transparency;
        this.catalogue = catalogue;
        this.feedback = feedback;
        this.queries = queries;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** A checked request. */
    public record Query(Level level, String code, LocalDate from, LocalDate to, boolean lineage, Filter filter) {

        public Query(Level level, String code, LocalDate from, LocalDate to, boolean lineage) {
            this(level, code, from, to, lineage, Filter.NONE);
        }

        /** The same question over another period. */
        public Query over(LocalDate f, LocalDate t) {
            return new Query(level, code, f, t, lineage, filter);
        }
    }

    /** Parses and checks the parameters and the field / procedure filter (null or blank = all). */
    public static Query parse(String level, String code, String from, String to, String lineage, String field,
                              String procedure) {
        Query q = parse(level, code, from, to, lineage);
        String f = field == null || field.isBlank() ? null : field.strip();
        String p = procedure == null || procedure.isBlank() ? null : procedure.strip();
        if (f != null && (f.length() > 60 || !f.matches("[A-Za-z0-9_.-]+"))) {
            throw ApiException.badRequest("reporting.field", f);
        }
        if (p != null && (p.length() > 40 || !p.matches("[A-Za-z0-9_.-]+"))) {
            throw ApiException.badRequest("reporting.procedure", p);
        }
        return new Query(q.level(), q.code(), q.from(), q.to(), q.lineage(), new Filter(f, p));
    }

    /** Parses and checks the parameters; every failure is a 400 with the reason. */
    public static Query parse(String level, String code, String from, String to, String lineage) {
        Level l = Level.parse(level).orElseThrow(() -> ApiException.badRequest("reporting.level", String.valueOf(level)));
        if (code == null || code.isBlank() || code.length() > 40 || !code.strip().matches("[A-Za-z0-9_.-]+")) {
            throw ApiException.badRequest("reporting.code", String.valueOf(code));
        }
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (t.isBefore(f)) {
            throw ApiException.badRequest("reporting.period", from, to);
        }
        if (f.plusDays(MAX_DAYS).isBefore(t)) {
            throw ApiException.badRequest("reporting.periodTooLong", MAX_DAYS);
        }
        boolean lin;
        if (lineage == null || lineage.isBlank() || lineage.equalsIgnoreCase("false")) {
            lin = false;
        } else if (lineage.equalsIgnoreCase("true")) {
            lin = true;
        } else {
            throw ApiException.badRequest("reporting.lineage", lineage);
        }
        return new Query(l, code.strip(), f, t, lin);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("reporting.date", name, String.valueOf(value));
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                throw ApiException.badRequest("reporting.date", name, value);
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("reporting.date", name, value);
        }
    }


    /** The selection of a query ({@link IndicatorSelection}). */
    public IndicatorSelection.Selection select(Query q) {
        return selection.select(q);
    }

    /** The whole answer of {@code GET /api/v1/indicators}. */
    public Map<String, Object> indicators(Query q) {
        long t0 = System.nanoTime();
        IndicatorSelection.Selection s = select(q);
        long t1 = System.nanoTime();
        Instant now = clock.instant();
        Figures fig = figures(s, q.filter(), q.from(), q.to(), now);
        IndicatorQueries.Totals t = fig.totals();
        if (log.isDebugEnabled()) {
            log.debug("indicators {} {} {}..{} lineage={}: {} agency windows selected in {} ms, {} in {} ms", q.level(),
                    q.code(), q.from(), q.to(), q.lineage(), s.holders().size(), (t1 - t0) / 1_000_000, fig.source(),
                    (System.nanoTime() - t1) / 1_000_000);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", q.level().name().toLowerCase(java.util.Locale.ROOT));
        out.put("code", q.code());
        out.put("from", q.from().toString());
        out.put("to", q.to().toString());
        out.put("lineage", q.lineage());
        if (!q.filter().isNone()) {
            out.put("field", q.filter().field());
            out.put("procedure", q.filter().procedure());
        }
        out.put("dossiers", t.dossiers());

        Map<String, Object> onTime = indicator(t.onTime(), t.toProcess(), ON_TIME_POINTS, 1.0);
        onTime.put("late", t.late());
        onTime.put("finished", t.finished());
        onTime.put("inProgress", t.inProgress());
        onTime.put("secondSupplementRequests", t.secondSupplement());
        out.put("onTime", onTime);

        out.put("onlineSubmission", indicator(t.online(), t.received(), ONLINE_POINTS, ONLINE_FULL_AT));
        out.put("fullyOnline", indicator(t.fullyOnline(), t.received(), null, 1.0));

        Map<String, Object> satisfaction = indicator(t.satisfied(), t.rated(), SATISFACTION_POINTS, 1.0);
        satisfaction.put("averageRating", t.averageRating() == null ? null : round(t.averageRating(), 2));
        out.put("satisfaction", satisfaction);

        Map<String, Object> apology = indicator(t.lateWithApology(), t.late(), null, 1.0);
        apology.put("issued", t.apologiesIssued());
        out.put("apologyLetters", apology);

        ResultIndicators.put(out, fig.procedures(), code -> paperResult(code, q));
        if (q.filter().isNone()) {
            Instant end = q.to().plusDays(1).atStartOfDay(VN).toInstant();
            FeedbackFigures.Figures fb = feedback.of(s.holders().stream()
                            .map(h -> new FeedbackFigures.Window(h.code(), h.from(), h.to())).toList(),
                    q.from().atStartOfDay(VN).toInstant(), end, now.isBefore(end) ? now : end);
            out.put("feedbackOnTime", indicator(fb.handledOnTime(), fb.toHandle(), null, 1.0));
            out.put("answerSatisfaction", indicator(fb.useful(), fb.ratings(), null, 1.0));
        } else {
            // Questions carry no field, and a procedure only when the asker named one: not counted per filter.
            out.put("feedbackOnTime", notAvailable("questions are not counted per field or procedure"));
            out.put("answerSatisfaction", notAvailable("questions are not counted per field or procedure"));
        }
        Map<String, Object> reuse = indicator(t.reused(), t.received(), null, 1.0);
        // The Decision's split of the digitisation group's 22 points between its sub-indicators was not available to
        // us: the share of this indicator's points earned (full from 80 %) is given instead of points.
        reuse.put("pointsShare", t.received() == 0 ? null
                : round(Math.min(1.0, (double) t.reused() / t.received() / REUSE_FULL_AT), 4));
        out.put("reuse", reuse);
        out.put("transparency", transparency.of(s, q.filter(), q.from(), q.to(), fig.procedures()));

        List<Map<String, Object>> perProcedure = new ArrayList<>();
        for (IndicatorQueries.ProcedureSum p : fig.procedures()) {
            if (p.finished() == 0) {
                continue;
            }
            double hours = p.seconds() / p.finished() / 3600.0;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("procedureCode", p.procedureCode());
            m.put("procedureName", p.procedureName());
            m.put("finished", p.finished());
            m.put("averageHours", round(hours, 2));
            m.put("averageDays", round(hours / 24.0, 2));
            perProcedure.add(m);
        }
        out.put("resolutionTime", perProcedure);
        out.put("units", s.units());
        out.put("agencies", s.holders().stream().map(Holder::code).distinct().sorted().toList());
        if (!s.wholePartials().isEmpty()) {
            // Split predecessors are included whole, not apportioned (docs/indicators.md).
            out.put("partialPredecessorsIncludedWhole", s.wholePartials());
        }
        return out;
    }

    /** Raw figures of a selection and period, and where they came from (aggregates, live rows or both). */
    public record Figures(IndicatorQueries.Totals totals, List<IndicatorQueries.ProcedureSum> procedures, String source) {
    }

    /**
     * The figures of {@code [from, to]}: the days up to the last aggregated one from {@code reporting_day} (with the
     * dossiers in flight at the end of {@code to} when it is aggregated), the later days live — only the dossiers
     * changed since the aggregated days or open now. Without aggregates, or when a holder's window is cut on a day
     * the aggregates' held key does not know (neither a 1st nor a {@link BoundaryStore} day), all live.
     */
    /** The selection's figures: its holders', plus each apportioned predecessor's times its share. */
    Figures figures(IndicatorSelection.Selection s, Filter filter, LocalDate from, LocalDate to, Instant now) {
        Figures fig = figures(s.holders(), filter, from, to, now);
        for (Apportion.Part part : s.parts()) {
            fig = Apportion.plus(fig, figures(part.holders(), filter, from, to, now), part.share());
        }
        return fig;
    }

    public Figures figures(List<Holder> holders, LocalDate from, LocalDate to, Instant now) {
        return figures(holders, Filter.NONE, from, to, now);
    }

    /** Whether the procedure (its version in force at the period's end, else its start) yields a paper result. */
    boolean paperResult(String procedureCode, Query q) {
        return catalogue.versionInForce(procedureCode, q.to()).or(() -> catalogue.versionInForce(procedureCode, q.from()))
                .map(ProcedureVersion::result).filter(r -> !r.isBlank()).isPresent();
    }

    public Figures figures(List<Holder> holders, Filter filter, LocalDate from, LocalDate to, Instant now) {
        Instant end = to.plusDays(1).atStartOfDay(VN).toInstant();
        Instant judge = now.isBefore(end) ? now : end;
        Optional<LocalDate> through = aggregates.throughDay();
        boolean aligned = boundaries.aligned(holders);
        if (through.isEmpty() || !aligned) {
            Instant start = from.atStartOfDay(VN).toInstant();
            return new Figures(queries.totals(holders, filter, start, end, judge, null),
                    queries.resolutionTimes(holders, filter, start, end, judge, null), "live");
        }
        LocalDate w = through.get();
        Instant since = w.plusDays(1).atStartOfDay(VN).toInstant();
        if (!to.isAfter(w)) {
            return new Figures(IndicatorQueries.Totals.of(aggregates.sums(holders, filter, from, to), true),
                    aggregates.perProcedure(holders, filter, from, to), "aggregates");
        }
        Instant liveStart = from.isAfter(w) ? from.atStartOfDay(VN).toInstant() : since;
        IndicatorQueries.Totals live = queries.totals(holders, filter, liveStart, end, judge, since);
        List<IndicatorQueries.ProcedureSum> liveTimes = queries.resolutionTimes(holders, filter, liveStart, end, judge,
                since);
        if (from.isAfter(w)) {
            return new Figures(live, liveTimes, "live since " + since);
        }
        IndicatorQueries.Totals agg = IndicatorQueries.Totals.of(aggregates.sums(holders, filter, from, w), false);
        Map<String, IndicatorQueries.ProcedureSum> times = new java.util.TreeMap<>();
        for (IndicatorQueries.ProcedureSum p : aggregates.perProcedure(holders, filter, from, w)) {
            times.put(p.procedureCode(), p);
        }
        for (IndicatorQueries.ProcedureSum p : liveTimes) {
            times.merge(p.procedureCode(), p, IndicatorQueries.ProcedureSum::plus);
        }
        return new Figures(agg.plus(live), List.copyOf(times.values()), "aggregates to " + w + ", live since " + since);
    }

    /**
     * rate = numerator ÷ denominator (a fraction, 0–1, four decimals; null when nothing to count); points =
     * max × min(1, rate ÷ fullAt) (two decimals), or null when the Decision gives this indicator no points here.
     */
    static Map<String, Object> indicator(long numerator, long denominator, Double maxPoints, double fullAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        Double rate = denominator == 0 ? null : (double) numerator / denominator;
        m.put("rate", rate == null ? null : round(rate, 4));
        m.put("percent", rate == null ? null : round(rate * 100, 2));
        m.put("points", rate == null || maxPoints == null ? null : round(maxPoints * Math.min(1.0, rate / fullAt), 2));
        m.put("maxPoints", maxPoints);
        m.put("numerator", numerator);
        m.put("denominator", denominator);
        return m;
    }

    static Map<String, Object> notAvailable(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", null);
        m.put("percent", null);
        m.put("points", null);
        m.put("numerator", null);
        m.put("denominator", null);
        m.put("notAvailable", true);
        m.put("reason", reason);
        return m;
    }

    static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
