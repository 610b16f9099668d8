package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Predecessor;
import vn.motcua.territory.Share;
import vn.motcua.territory.Successor;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryHistory;
import vn.motcua.territory.UnitType;

/**
 * The territory queries. Units and lineage are answered from an in-memory {@link UnitIndex} of the tables
 * (refreshed after every change through {@link UnitChangeService} and every lineage correction); lineage follows
 * the latest correction of each old unit; agencies straight from the database.
 */
@Service
public class UnitDirectory implements Territory, TerritoryHistory {

    private static final Logger log = LoggerFactory.getLogger(UnitDirectory.class);
    private static final String AGENCY_SELECT = """
            select a.id, a.code, a.name, a.level, a.kind, a.sector, a.unit_id, u.code as unit_code, a.valid_from, a.valid_to
            from territory_agency a join territory_unit u on u.id = a.unit_id
            """;
    private static final String VALID = " a.valid_from <= :d and (a.valid_to is null or a.valid_to > :d) ";

    private final JdbcClient jdbc;
    private final StaffCache cache;
    private final LineageStore lineage;
    private volatile UnitIndex index;

    public UnitDirectory(JdbcClient jdbc, StaffCache cache, LineageStore lineage) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.lineage = lineage;
    }

    UnitIndex index() {
        UnitIndex i = index;
        if (i == null) {
            i = refresh();
        }
        return i;
    }

    /** Reloads the index from the database (after units, links or lineage corrections changed). */
    public synchronized UnitIndex refresh() {
        long start = System.nanoTime();
        List<UnitIndex.Row> rows = rows();
        Map<UUID, LineageStore.CorrectionRow> corrections = lineage.latestCorrections();
        List<UnitIndex.Edge> edges = withCorrections(rows, lineage.storedEdges(), corrections);
        java.util.Set<UUID> underReview = new java.util.HashSet<>();
        lineage.flags().forEach(f -> underReview.add(f.predecessor()));
        underReview.removeAll(corrections.keySet());
        UnitIndex fresh = new UnitIndex(rows, edges, underReview);
        index = fresh;
        log.debug("Territory index: {} units, {} links in {} ms", rows.size(), edges.size(), (System.nanoTime() - start) / 1_000_000);
        return fresh;
    }

    /** The units with the links exactly as stored, before any correction (what the import checks look at). */
    UnitIndex asStored() {
        return new UnitIndex(rows(), lineage.storedEdges());
    }

    private List<UnitIndex.Row> rows() {
        return jdbc.sql("select id, code, name, full_name, type, parent_code, valid_from, valid_to from territory_unit")
                .query((rs, n) -> new UnitIndex.Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)))
                .list();
    }

    /**
     * The links every reading follows: for an old unit with a lineage correction, its stored links are replaced by
     * the targets of its latest correction (effective when the old unit closed; FULL → MERGE, PARTIAL → SPLIT; the
     * correction's legal basis). The stored links themselves are never edited.
     */
    static List<UnitIndex.Edge> withCorrections(List<UnitIndex.Row> rows, List<UnitIndex.Edge> stored,
                                               Map<UUID, LineageStore.CorrectionRow> corrections) {
        if (corrections.isEmpty()) {
            return stored;
        }
        Map<UUID, LocalDate> closedOn = new java.util.HashMap<>();
        for (UnitIndex.Row r : rows) {
            if (r.validTo() != null) {
                closedOn.put(r.id(), r.validTo());
            }
        }
        List<UnitIndex.Edge> result = new ArrayList<>(stored.size() + corrections.size());
        for (UnitIndex.Edge e : stored) {
            if (!corrections.containsKey(e.predecessor())) {
                result.add(e);
            }
        }
        corrections.forEach((pred, c) -> {
            LocalDate effective = closedOn.get(pred);
            if (effective == null) {
                return;   // validated on recording; a unit reopened since has no successors to correct
            }
            for (LineageStore.Target t : c.targets()) {
                result.add(new UnitIndex.Edge(pred, t.successor(), t.share() == Share.FULL ? LineageKind.MERGE : LineageKind.SPLIT,
                        t.share(), effective, c.legalBasis()));
            }
        });
        return result;
    }

    // ---- Territory ----

    @Override
    public Optional<AdministrativeUnit> unit(String code, LocalDate asOf) {
        if (code == null || asOf == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(index().at(code, asOf));
    }

    @Override
    public List<AdministrativeUnit> children(String parentCode, LocalDate asOf) {
        UnitIndex i = index();
        AdministrativeUnit parent = i.at(parentCode, asOf);
        return parent == null ? List.of() : i.children(parent, asOf);
    }

    /** Province-level units valid on that date, by code. */
    public List<AdministrativeUnit> provinces(LocalDate asOf) {
        return index().all().stream().filter(u -> u.type().isProvinceLevel() && u.validOn(asOf)).toList();
    }

    @Override
    public Optional<AdministrativeUnit> province(String unitCode, LocalDate asOf) {
        UnitIndex i = index();
        AdministrativeUnit u = i.at(unitCode, asOf);
        while (u != null && !u.type().isProvinceLevel()) {
            u = i.parent(u, asOf);
        }
        return Optional.ofNullable(u);
    }

    /** The unit and its ancestors as of the date (kept within each unit's validity), nearest first. */
    public List<AdministrativeUnit> ancestry(AdministrativeUnit unit, LocalDate asOf) {
        UnitIndex i = index();
        List<AdministrativeUnit> chain = new ArrayList<>();
        for (AdministrativeUnit u = unit; u != null; u = i.parent(u, asOf)) {
            chain.add(u);
        }
        return chain;
    }

    /** Every version that ever carried the code, oldest first. */
    public List<AdministrativeUnit> versions(String code) {
        return index().versions(code);
    }

    // Agency look-ups are kept in the StaffCache, which every agency write clears (see its writers).
    private record AgenciesOf(UUID unit, LocalDate asOf) {
    }

    private record AgencyByCode(String code, LocalDate asOf) {
    }

    private record Competent(UUID unit, AgencyLevel level, AgencyKind kind, String sector, LocalDate asOf) {
    }

    @Override
    public List<Agency> agencies(String unitCode, LocalDate asOf) {
        AdministrativeUnit u = index().at(unitCode, asOf);
        if (u == null) {
            return List.of();
        }
        return cache.get(new AgenciesOf(u.id(), asOf), () -> jdbc.sql(AGENCY_SELECT + " where a.unit_id = :u and"
                        + VALID + "order by a.level, a.kind, a.code")
                .param("u", u.id()).param("d", asOf).query(UnitDirectory::agency).list());
    }

    @Override
    public Optional<Agency> agency(String agencyCode, LocalDate asOf) {
        return cache.get(new AgencyByCode(agencyCode, asOf), () -> jdbc.sql(AGENCY_SELECT + " where a.code = :c and" + VALID)
                .param("c", agencyCode).param("d", asOf).query(UnitDirectory::agency).list()).stream().findFirst();
    }

    @Override
    public List<Agency> competentAgencies(String unitCode, AgencyLevel level, AgencyKind kind, String sector, LocalDate asOf) {
        UnitIndex i = index();
        AdministrativeUnit u = i.at(unitCode, asOf);
        while (u != null && !levelOf(u.type()).equals(level)) {
            u = i.parent(u, asOf);
        }
        if (u == null) {
            return List.of();
        }
        UUID unit = u.id();
        return cache.get(new Competent(unit, level, kind, sector, asOf), () -> {
            String sql = AGENCY_SELECT + " where a.unit_id = :u and a.level = :l and a.kind = :k and" + VALID
                    + (sector == null ? "" : " and a.sector = :s") + " order by a.code";
            var spec = jdbc.sql(sql).param("u", unit).param("l", level.name()).param("k", kind.name()).param("d", asOf);
            if (sector != null) {
                spec = spec.param("s", sector);
            }
            return spec.query(UnitDirectory::agency).list();
        });
    }

    static AgencyLevel levelOf(UnitType type) {
        if (type.isProvinceLevel()) {
            return AgencyLevel.PROVINCE;
        }
        return type == UnitType.DISTRICT ? AgencyLevel.DISTRICT : AgencyLevel.COMMUNE;
    }

    private static Agency agency(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Agency(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                AgencyLevel.valueOf(rs.getString("level")), AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("sector"), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }

    @Override
    public List<Successor> successors(String code, LocalDate asOf) {
        UnitIndex i = index();
        AdministrativeUnit start = i.at(code, asOf);
        if (start == null) {
            return List.of();
        }
        return successorsOf(i, start);
    }

    /** All later units that took (part of) this unit version, transitively; share is FULL only along full links. */
    public List<Successor> successorsOf(AdministrativeUnit start) {
        return successorsOf(index(), start);
    }

    private static List<Successor> successorsOf(UnitIndex i, AdministrativeUnit start) {
        Map<UUID, Successor> found = new LinkedHashMap<>();
        Deque<Map.Entry<AdministrativeUnit, Share>> queue = new ArrayDeque<>();
        queue.add(Map.entry(start, Share.FULL));
        while (!queue.isEmpty()) {
            var current = queue.poll();
            for (UnitIndex.Edge e : i.successorEdges(current.getKey().id())) {
                AdministrativeUnit next = i.byId(e.successor());
                if (next == null || next.id().equals(start.id())) {
                    continue;
                }
                Share share = current.getValue() == Share.FULL && e.share() == Share.FULL ? Share.FULL : Share.PARTIAL;
                Successor existing = found.get(next.id());
                if (existing == null) {
                    found.put(next.id(), new Successor(next, share, e.kind(), e.effective(), e.legalBasis()));
                    queue.add(Map.entry(next, share));
                } else if (existing.share() == Share.PARTIAL && share == Share.FULL) {
                    found.put(next.id(), new Successor(next, share, existing.kind(), existing.effective(), existing.legalBasis()));
                }
            }
        }
        List<Successor> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparing(Successor::effective).thenComparing(s -> s.unit().code()));
        return result;
    }

    // ---- TerritoryHistory ----

    @Override
    public List<Predecessor> predecessors(String code, LocalDate asOf) {
        UnitIndex i = index();
        AdministrativeUnit start = i.at(code, asOf);
        if (start == null) {
            return List.of();
        }
        return predecessorsOf(start);
    }

    /** All earlier units that gave (part of) their territory to this unit version, transitively. */
    public List<Predecessor> predecessorsOf(AdministrativeUnit start) {
        UnitIndex i = index();
        Map<UUID, Predecessor> found = new LinkedHashMap<>();
        Deque<AdministrativeUnit> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            AdministrativeUnit current = queue.poll();
            for (UnitIndex.Edge e : i.predecessorEdges(current.id())) {
                AdministrativeUnit prev = i.byId(e.predecessor());
                if (prev != null && !prev.id().equals(start.id()) && !found.containsKey(prev.id())) {
                    found.put(prev.id(), new Predecessor(prev, e.share(), e.kind(), e.effective(), e.legalBasis()));
                    queue.add(prev);
                }
            }
        }
        List<Predecessor> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparing(Predecessor::effective).reversed().thenComparing(p -> p.unit().code()));
        return result;
    }

    @Override
    public Optional<AdministrativeUnit> lastVersionBefore(String code, LocalDate asOf) {
        if (code == null || asOf == null) {
            return Optional.empty();
        }
        return index().versions(code).stream().filter(u -> u.validFrom().isBefore(asOf))
                .max(java.util.Comparator.comparing(AdministrativeUnit::validFrom));
    }

    @Override
    public boolean lineageUnderReview(AdministrativeUnit unit) {
        return index().underReview(unit.id());
    }

    @Override
    public List<AdministrativeUnit> currentSuccessors(AdministrativeUnit unit, LocalDate asOf) {
        return descend(index(), unit, asOf).keySet().stream().toList();
    }

    @Override
    public java.util.SortedSet<LocalDate> changeDays() {
        java.util.SortedSet<LocalDate> days = new java.util.TreeSet<>();
        for (AdministrativeUnit u : index().all()) {
            days.add(u.validFrom());
            if (u.validTo() != null) {
                days.add(u.validTo());
            }
        }
        return days;
    }

    /** Units valid on asOf reached from the unit through links effective on or before asOf, with the path's share. */
    static Map<AdministrativeUnit, Share> descend(UnitIndex i, AdministrativeUnit unit, LocalDate asOf) {
        Map<AdministrativeUnit, Share> result = new LinkedHashMap<>();
        if (unit.validOn(asOf)) {
            result.put(unit, Share.FULL);
            return result;
        }
        Deque<Map.Entry<AdministrativeUnit, Share>> queue = new ArrayDeque<>();
        queue.add(Map.entry(unit, Share.FULL));
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            var current = queue.poll();
            for (UnitIndex.Edge e : i.successorEdges(current.getKey().id())) {
                AdministrativeUnit next = i.byId(e.successor());
                if (next == null || e.effective().isAfter(asOf) || !seen.add(next.id())) {
                    continue;
                }
                Share share = current.getValue() == Share.FULL && e.share() == Share.FULL ? Share.FULL : Share.PARTIAL;
                if (next.validOn(asOf)) {
                    result.merge(next, share, (a, b) -> a == Share.FULL || b == Share.FULL ? Share.FULL : Share.PARTIAL);
                } else {
                    queue.add(Map.entry(next, share));
                }
            }
        }
        return result;
    }
}
