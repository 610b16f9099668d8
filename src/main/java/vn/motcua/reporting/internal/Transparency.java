package vn.motcua.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Decision 766, group "Công khai, minh bạch" (18 points for the group; its split into criteria is not in our
 * sources, so every criterion here has {@code points} and {@code maxPoints} null): what Motcua can know, each as a
 * rate. Formulas and assumptions: docs/indicators.md, "Transparency".
 */
@Component
class Transparency {

    /** The catalogue changes rarely; the province page asks for ~190 answers of the same day. */
    static final long CATALOGUE_CACHE_SECONDS = 600;

    private final Catalogue catalogue;
    private final TransparencyQueries queries;
    private final AggregateQueries aggregates;
    private final BoundaryStore boundaries;
    private final Clock clock;
    private final Map<LocalDate, Published> published = new ConcurrentHashMap<>();

    Transparency(Catalogue catalogue, TransparencyQueries queries, AggregateQueries aggregates,
                 BoundaryStore boundaries, Clock clock) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.aggregates = aggregates;
        this.boundaries = boundaries;
        this.clock = clock;
    }

    /** Per version in force on a day: whether it is published with full information. */
    private record Published(Instant at, Map<String, String> fieldByCode, Map<String, Boolean> fullByCode) {
    }

    /**
     * Full information: a name, at least one required document, the fee (a fee line, free or with an amount), the
     * processing time (parsed or as published) and the performing agency — the catalogue's fields a citizen needs to
     * apply without asking.
     */
    static boolean full(ProcedureVersion v) {
        return blank(v.name()) != null && v.requiredDocuments() != null && !v.requiredDocuments().isEmpty()
                && v.fees() != null && !v.fees().isEmpty()
                && (v.processingTime() != null || blank(v.processingTimeText()) != null)
                && v.performer() != null && blank(v.performer().text()) != null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The {@code transparency} part of an answer. */
    Map<String, Object> of(IndicatorSelection.Selection s, Filter filter, LocalDate from, LocalDate to,
                           List<IndicatorQueries.ProcedureSum> procedures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("proceduresPublished", procedures(filter, to));
        TransparencyQueries.Counts c = counts(s.holders(), filter, from, to);
        for (Apportion.Part part : s.parts()) {
            TransparencyQueries.Counts p = counts(part.holders(), filter, from, to);
            c = c.plus(new TransparencyQueries.Counts(Apportion.scale(p.received(), part.share()),
                    Math.min(Apportion.scale(p.trackable(), part.share()), Apportion.scale(p.received(), part.share()))));
        }
        out.put("trackable", IndicatorService.indicator(c.trackable(), c.received(), null, 1.0));
        long results = 0;
        long electronic = 0;
        for (IndicatorQueries.ProcedureSum p : procedures) {
            results += p.results();
            electronic += p.eResults();
        }
        out.put("resultsPublished", IndicatorService.indicator(electronic, results, null, 1.0));
        return out;
    }

    private Map<String, Object> procedures(Filter filter, LocalDate day) {
        Instant now = clock.instant();
        Published p = published.get(day);
        if (p == null || p.at().plusSeconds(CATALOGUE_CACHE_SECONDS).isBefore(now)) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, Boolean> full = new LinkedHashMap<>();
            for (ProcedureVersion v : catalogue.allInForce(day)) {
                fields.put(v.code(), v.field() == null ? null : v.field().strip());
                full.put(v.code(), full(v));
            }
            if (published.size() > 64) {
                published.clear();
            }
            p = new Published(now, fields, full);
            published.put(day, p);
        }
        long all = 0;
        long ok = 0;
        for (Map.Entry<String, Boolean> e : p.fullByCode().entrySet()) {
            if ((filter.procedure() == null || filter.procedure().equals(e.getKey()))
                    && (filter.field() == null || filter.field().equals(p.fieldByCode().get(e.getKey())))) {
                all++;
                ok += e.getValue() ? 1 : 0;
            }
        }
        Map<String, Object> m = IndicatorService.indicator(ok, all, null, 1.0);
        m.put("asOf", day.toString());
        return m;
    }

    /** Received and trackable: aggregated days from reporting_day, the rest live (as IndicatorService.figures). */
    private TransparencyQueries.Counts counts(List<Holder> holders, Filter filter, LocalDate from, LocalDate to) {
        Instant end = to.plusDays(1).atStartOfDay(IndicatorService.VN).toInstant();
        Optional<LocalDate> through = aggregates.throughDay();
        if (through.isEmpty() || !boundaries.aligned(holders)) {
            return queries.live(holders, filter, from.atStartOfDay(IndicatorService.VN).toInstant(), end);
        }
        LocalDate w = through.get();
        if (!to.isAfter(w)) {
            return queries.aggregated(holders, filter, from, to);
        }
        if (from.isAfter(w)) {
            return queries.live(holders, filter, from.atStartOfDay(IndicatorService.VN).toInstant(), end);
        }
        return queries.aggregated(holders, filter, from, w)
                .plus(queries.live(holders, filter, w.plusDays(1).atStartOfDay(IndicatorService.VN).toInstant(), end));
    }
}
