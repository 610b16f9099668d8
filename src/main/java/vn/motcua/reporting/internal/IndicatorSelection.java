package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.TransferJournal;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reporting.Level;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Predecessor;
import vn.motcua.territory.Share;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryHistory;

/**
 * Resolves a level and code into the agencies whose dossiers count: the unit's (for a province, every unit's under
 * it), with lineage the predecessors' agencies as of their time, a split predecessor apportioned by the transfer
 * journal where it can be. Territory and the journal only; the figures and the indicators are {@link IndicatorService}'s.
 */
@Component
public class IndicatorSelection {

    private final Territory territory;
    private final TerritoryHistory history;
    private final TerritoryAgencies agencies;
    private final TransferJournal journal;

    IndicatorSelection(Territory territory, TerritoryHistory history, TerritoryAgencies agencies,
                       TransferJournal journal) {
        this.territory = territory;
        this.history = history;
        this.agencies = agencies;
        this.journal = journal;
    }

    /** The selection: which agencies (with their windows) count, and which units they stand for. */
    public record Selection(List<Holder> holders, List<Map<String, Object>> units, List<String> wholePartials,
                            List<Apportion.Part> parts) {
    }

    /**
     * A split predecessor's agencies: apportioned (a part with its share) when the transfer journal says where its
     * dossiers went, else counted whole (added to {@code holders}, named in {@code partials}).
     */
    private void partial(AdministrativeUnit pu, List<Holder> own, Collection<String> successorAgencies,
                         List<Holder> holders, List<String> partials, List<Apportion.Part> parts,
                         Map<String, Object> view) {
        Map<String, Long> went = pu.validTo() == null ? Map.of()
                : journal.destinations(own.stream().map(Holder::code).distinct().toList(), pu.validTo());
        Double share = Apportion.share(went, successorAgencies);
        if (share == null) {
            holders.addAll(own);
            partials.add(pu.code());
            return;
        }
        long all = went.values().stream().mapToLong(Long::longValue).sum();
        long here = Math.round(share * all);
        parts.add(new Apportion.Part(pu.code(), Holder.merge(own), share, here, all));
        view.put("apportioned", IndicatorService.round(share, 4));
        view.put("dossiersMovedHere", here);
        view.put("dossiersMoved", all);
    }

    /** Which agencies (with their windows) the query's level and code stand for, with lineage if asked. */
    public Selection select(IndicatorService.Query q) {
        List<Holder> holders = new ArrayList<>();
        List<Map<String, Object>> units = new ArrayList<>();
        List<String> partials = new ArrayList<>();
        List<Apportion.Part> parts = new ArrayList<>();
        switch (q.level()) {
            case AGENCY -> {
                holders.add(new Holder(q.code(), null, null));
                if (q.lineage()) {
                    Optional<Agency> a = territory.agency(q.code(), q.to()).or(() -> territory.agency(q.code(), q.from()));
                    a.ifPresent(agency -> territory.unit(agency.unitCode(), agency.validOn(q.to()) ? q.to() : q.from())
                            .ifPresent(u -> {
                                // The agency's own dossiers count whenever it held them; predecessors' agencies of the same kind.
                                for (Predecessor p : history.predecessors(u.code(), asOf(u, q))) {
                                    AdministrativeUnit pu = p.unit();
                                    List<Holder> own = new ArrayList<>();
                                    for (Agency pa : agencies.agenciesOf(List.of(pu.code()), lastDay(pu, q))) {
                                        if (pa.kind() == agency.kind()) {
                                            own.add(new Holder(pa.code(), pu.validFrom(), pu.validTo()));
                                        }
                                    }
                                    Map<String, Object> view = unitView(pu, p);
                                    units.add(view);
                                    if (p.share() == Share.PARTIAL) {
                                        partial(pu, own, List.of(q.code()), holders, partials, parts, view);
                                    } else {
                                        holders.addAll(own);
                                    }
                                }
                            }));
                }
            }
            case UNIT, PROVINCE -> {
                AdministrativeUnit u = territory.unit(q.code(), q.to())
                        .or(() -> territory.unit(q.code(), q.from()))
                        .orElseThrow(() -> ApiException.badRequest("reporting.unknownUnit", q.code(), q.from(), q.to()));
                boolean province = u.parentCode() == null;
                if (q.level() == Level.PROVINCE && !province) {
                    throw ApiException.badRequest("reporting.notProvince", q.code());
                }
                if (q.level() == Level.UNIT && province) {
                    throw ApiException.badRequest("reporting.isProvince", q.code());
                }
                LocalDate asOf = asOf(u, q);
                addUnit(u, asOf, q.level() == Level.PROVINCE, holders);
                units.add(unitView(u, null));
                if (q.lineage()) {
                    Set<String> successorAgencies = new HashSet<>();
                    holders.forEach(h -> successorAgencies.add(h.code()));
                    Set<String> seen = new HashSet<>();
                    seen.add(u.id().toString());
                    for (Predecessor p : history.predecessors(u.code(), asOf)) {
                        AdministrativeUnit pu = p.unit();
                        if (!seen.add(pu.id().toString())) {
                            continue;
                        }
                        boolean predecessorProvince = pu.parentCode() == null;
                        if (q.level() == Level.PROVINCE && !predecessorProvince) {
                            continue; // an old district dissolved into the province: counted under its old province
                        }
                        Map<String, Object> view = unitView(pu, p);
                        units.add(view);
                        if (p.share() == Share.PARTIAL) {
                            List<Holder> own = new ArrayList<>();
                            addUnit(pu, lastDay(pu, q), predecessorProvince, own);
                            partial(pu, own, successorAgencies, holders, partials, parts, view);
                        } else {
                            addUnit(pu, lastDay(pu, q), predecessorProvince, holders);
                        }
                    }
                }
            }
        }
        return new Selection(Holder.merge(holders), units, partials, parts);
    }

    /** The unit's agencies (and for a province, those of every unit under it) as of {@code asOf}, within its validity. */
    private void addUnit(AdministrativeUnit u, LocalDate asOf, boolean withDescendants, List<Holder> holders) {
        Map<String, AdministrativeUnit> byCode = new LinkedHashMap<>();
        byCode.put(u.code(), u);
        if (withDescendants) {
            List<AdministrativeUnit> frontier = List.of(u);
            while (!frontier.isEmpty()) {
                List<AdministrativeUnit> next = new ArrayList<>();
                for (AdministrativeUnit x : frontier) {
                    for (AdministrativeUnit child : territory.children(x.code(), asOf)) {
                        if (byCode.putIfAbsent(child.code(), child) == null) {
                            next.add(child);
                        }
                    }
                }
                frontier = next;
            }
        }
        for (Agency a : agencies.agenciesOf(byCode.keySet(), asOf)) {
            AdministrativeUnit of = byCode.getOrDefault(a.unitCode(), u);
            holders.add(new Holder(a.code(), later(of.validFrom(), u.validFrom()), earlier(of.validTo(), u.validTo())));
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** The day the unit is looked at: the period's end, kept inside the unit's validity. */
    private static LocalDate asOf(AdministrativeUnit u, IndicatorService.Query q) {
        LocalDate d = q.to();
        if (u.validTo() != null && !d.isBefore(u.validTo())) {
            d = u.validTo().minusDays(1);
        }
        return d.isBefore(u.validFrom()) ? u.validFrom() : d;
    }

    /** A predecessor is looked at on its last day. */
    private static LocalDate lastDay(AdministrativeUnit u, IndicatorService.Query q) {
        return u.validTo() == null ? asOf(u, q) : u.validTo().minusDays(1);
    }

    private static Map<String, Object> unitView(AdministrativeUnit u, Predecessor p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.fullName() != null ? u.fullName() : u.name());
        m.put("validFrom", u.validFrom().toString());
        m.put("validTo", u.validTo() == null ? null : u.validTo().toString());
        if (p != null) {
            m.put("predecessor", true);
            m.put("kind", p.kind().name());
            m.put("share", p.share().name());
            m.put("effective", p.effective().toString());
        }
        return m;
    }
}
