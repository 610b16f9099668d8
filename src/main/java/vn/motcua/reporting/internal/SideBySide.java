package vn.motcua.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/**
 * Many units (or agencies) side by side, in one computation per page: the units' agencies looked up once, then one
 * grouped statement per source (the aggregates, the live delta) for all the lines, each line assembled from its
 * holders' rows. Each line has the figures {@link IndicatorComparison#headline} gives for the same unit
 * ({@code level=unit}, no lineage) or agency ({@code level=agency}) — the same holders and windows as
 * {@link IndicatorService#select}, the same choice of source as {@link IndicatorService#figures}. A line whose windows
 * the aggregates cannot answer (a unit valid from another day than the 1st) falls back, alone, to that method.
 */
@Component
public class SideBySide {

    /** One line: the unit's or agency's code and name, and its headline (dossiers, the three indicators, points). */
    public record Line(String code, String name, Map<String, Object> headline) {
    }

    /** The units under a unit and that unit's own agencies. */
    public record Lines(List<Line> units, List<Line> agencies) {
    }

    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final AggregateQueries aggregates;
    private final GroupedQueries grouped;
    private final IndicatorService service;
    private final BoundaryStore boundaries;
    private final Clock clock;

    SideBySide(Territory territory, TerritoryAgencies agencies, AggregateQueries aggregates, GroupedQueries grouped,
               IndicatorService service, BoundaryStore boundaries, Clock clock) {
        this.boundaries = boundaries;
        this.territory = territory;
        this.agencies = agencies;
        this.aggregates = aggregates;
        this.grouped = grouped;
        this.service = service;
        this.clock = clock;
    }

    /**
     * The units directly under {@code code} on {@code to} (a province's 168 wards after 1 July 2025) and, when asked,
     * the agencies of {@code code} itself (the province's departments).
     */
    public Lines under(String code, LocalDate from, LocalDate to, boolean withOwnAgencies) {
        List<AdministrativeUnit> units = territory.children(code, to);
        return compute(units, withOwnAgencies ? code : null, from, to);
    }

    /** The units with these codes (each as on {@code to}, else on {@code from}; unknown codes are left out). */
    public List<Line> units(Collection<String> codes, LocalDate from, LocalDate to) {
        List<AdministrativeUnit> units = new ArrayList<>();
        for (String c : new LinkedHashSet<>(codes)) {
            territory.unit(c, to).or(() -> territory.unit(c, from)).ifPresent(units::add);
        }
        return compute(units, null, from, to).units();
    }

    private Lines compute(List<AdministrativeUnit> units, String ownOf, LocalDate from, LocalDate to) {
        // One look-up for every unit's agencies; a unit is looked at on the period's end, kept inside its validity.
        Map<LocalDate, List<String>> byDay = new LinkedHashMap<>();
        for (AdministrativeUnit u : units) {
            byDay.computeIfAbsent(asOf(u, to), d -> new ArrayList<>()).add(u.code());
        }
        if (ownOf != null) {
            byDay.computeIfAbsent(to, d -> new ArrayList<>()).add(ownOf);
        }
        Map<String, List<Agency>> agenciesOf = new LinkedHashMap<>();
        for (Map.Entry<LocalDate, List<String>> e : byDay.entrySet()) {
            for (Agency a : agencies.agenciesOf(e.getValue(), e.getKey())) {
                agenciesOf.computeIfAbsent(a.unitCode(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<Holder>> unitHolders = new LinkedHashMap<>();
        Map<String, String> unitNames = new LinkedHashMap<>();
        for (AdministrativeUnit u : units) {
            List<Holder> hs = new ArrayList<>();
            for (Agency a : agenciesOf.getOrDefault(u.code(), List.of())) {
                hs.add(new Holder(a.code(), u.validFrom(), u.validTo()));
            }
            unitHolders.put(u.code(), Holder.merge(hs));
            unitNames.put(u.code(), u.fullName() == null ? u.name() : u.fullName());
        }
        Map<String, List<Holder>> agencyHolders = new LinkedHashMap<>();
        Map<String, String> agencyNames = new LinkedHashMap<>();
        if (ownOf != null) {
            for (Agency a : agenciesOf.getOrDefault(ownOf, List.of())) {
                agencyHolders.put(a.code(), List.of(new Holder(a.code(), null, null)));
                agencyNames.put(a.code(), a.name());
            }
        }
        List<List<Holder>> all = new ArrayList<>(unitHolders.values());
        all.addAll(agencyHolders.values());
        Map<List<Holder>, IndicatorQueries.Totals> totals = totals(all, from, to);
        return new Lines(lines(unitHolders, unitNames, totals), lines(agencyHolders, agencyNames, totals));
    }

    private static List<Line> lines(Map<String, List<Holder>> holders, Map<String, String> names,
                                    Map<List<Holder>, IndicatorQueries.Totals> totals) {
        List<Line> out = new ArrayList<>();
        holders.forEach((code, hs) -> out.add(new Line(code, names.get(code), IndicatorComparison.headline(totals.get(hs)))));
        return out;
    }

    /**
     * The totals of each selection (a list of merged holders) over [from, to], as {@link IndicatorService#figures}
     * computes them: the aggregated days and the live delta, each one statement for all the selections; a selection the
     * aggregates cannot answer is computed alone by that method.
     */
    Map<List<Holder>, IndicatorQueries.Totals> totals(List<List<Holder>> selections, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        Map<List<Holder>, IndicatorQueries.Totals> out = new LinkedHashMap<>();
        Optional<LocalDate> through = aggregates.throughDay();
        List<List<Holder>> together = new ArrayList<>();
        // The stored boundaries are read at most once per page, and only if a selection has a mid-month cut.
        var stored = new java.util.concurrent.atomic.AtomicReference<Set<LocalDate>>();
        java.util.function.Supplier<Set<LocalDate>> once = () -> stored.updateAndGet(v -> v != null ? v : boundaries.stored());
        for (List<Holder> s : selections) {
            if (out.containsKey(s)) {
                continue;
            }
            if (through.isEmpty() || !boundaries.aligned(s, once)) {
                out.put(s, service.figures(s, Filter.NONE, from, to, now).totals());
            } else {
                together.add(s);
            }
        }
        if (together.isEmpty()) {
            return out;
        }
        List<Holder> holders = together.stream().flatMap(List::stream).distinct().toList();
        LocalDate w = through.get();
        Instant end = to.plusDays(1).atStartOfDay(IndicatorService.VN).toInstant();
        Instant judge = now.isBefore(end) ? now : end;
        Instant since = w.plusDays(1).atStartOfDay(IndicatorService.VN).toInstant();
        Map<Holder, AggregateQueries.Sums> sums = Map.of();
        Map<Holder, IndicatorQueries.Totals> live = Map.of();
        boolean snapshot = !to.isAfter(w);
        if (!from.isAfter(w)) {
            sums = grouped.sums(holders, Filter.NONE, from, snapshot ? to : w);
        }
        if (to.isAfter(w)) {
            Instant liveStart = from.isAfter(w) ? from.atStartOfDay(IndicatorService.VN).toInstant() : since;
            live = grouped.totals(holders, Filter.NONE, liveStart, end, judge, since);
        }
        for (List<Holder> s : together) {
            AggregateQueries.Sums sum = ZERO;
            IndicatorQueries.Totals t = IndicatorQueries.Totals.of(ZERO, false);
            for (Holder h : s) {
                sum = plus(sum, sums.getOrDefault(h, ZERO));
                IndicatorQueries.Totals l = live.get(h);
                if (l != null) {
                    t = t.plus(l);
                }
            }
            out.put(s, IndicatorQueries.Totals.of(sum, snapshot).plus(t));
        }
        return out;
    }

    private static LocalDate asOf(AdministrativeUnit u, LocalDate to) {
        LocalDate d = to;
        if (u.validTo() != null && !d.isBefore(u.validTo())) {
            d = u.validTo().minusDays(1);
        }
        return d.isBefore(u.validFrom()) ? u.validFrom() : d;
    }

    static final AggregateQueries.Sums ZERO = new AggregateQueries.Sums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static AggregateQueries.Sums plus(AggregateQueries.Sums a, AggregateQueries.Sums b) {
        return new AggregateQueries.Sums(a.received() + b.received(), a.receivedPromised() + b.receivedPromised(),
                a.online() + b.online(), a.fullyOnline() + b.fullyOnline(), a.finished() + b.finished(),
                a.finishedOnTime() + b.finishedOnTime(), a.finishedSecond() + b.finishedSecond(),
                a.finishedLateApology() + b.finishedLateApology(), a.rated() + b.rated(), a.satisfied() + b.satisfied(),
                a.ratingSum() + b.ratingSum(), a.apologiesIssued() + b.apologiesIssued(), a.inFlight() + b.inFlight(),
                a.inFlightOnTime() + b.inFlightOnTime(), a.inFlightSecond() + b.inFlightSecond(),
                a.inFlightLateApology() + b.inFlightLateApology(), a.reused() + b.reused());
    }
}
