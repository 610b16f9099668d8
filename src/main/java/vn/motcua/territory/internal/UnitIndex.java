package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;

/**
 * An immutable in-memory copy of the unit and lineage tables (about 14,000 units and 11,000 links for the whole
 * country), rebuilt whenever units change. The database stays the truth; this only answers as-of reads fast.
 */
final class UnitIndex {

    /** A unit version; {@code parentCode} names the parent by code, resolved as of the date asked. */
    record Row(UUID id, String code, String name, String fullName, String type, String parentCode,
               LocalDate validFrom, LocalDate validTo) {
    }

    record Edge(UUID predecessor, UUID successor, LineageKind kind, Share share, LocalDate effective,
                String legalBasis) {
    }

    static final UnitIndex EMPTY = new UnitIndex(List.of(), List.of());

    /** Old units with a flagged link and no correction yet (their lineage waits for a person). */
    private final java.util.Set<UUID> underReview;

    private final Map<String, AdministrativeUnit[]> byCode = new HashMap<>();
    private final Map<UUID, AdministrativeUnit> byId = new HashMap<>();
    /**
     * Child versions by the parent's code. Keyed by code, not by the parent's version id: a RENAME or RECLASSIFY of
     * the parent opens a new version, and the children that did not change still belong to it (issue #14).
     */
    private final Map<String, List<AdministrativeUnit>> childrenByParentCode = new HashMap<>();
    private final Map<UUID, List<Edge>> out = new HashMap<>();
    private final Map<UUID, List<Edge>> in = new HashMap<>();
    private final Map<String, List<AdministrativeUnit>> byNameKey = new HashMap<>();
    private final List<AdministrativeUnit> all;

    UnitIndex(List<Row> rows, List<Edge> edges) {
        this(rows, edges, java.util.Set.of());
    }

    UnitIndex(List<Row> rows, List<Edge> edges, java.util.Set<UUID> underReview) {
        this.underReview = java.util.Set.copyOf(underReview);
        Map<String, List<AdministrativeUnit>> codes = new HashMap<>();
        List<AdministrativeUnit> units = new ArrayList<>(rows.size());
        for (Row r : rows) {
            AdministrativeUnit u = new AdministrativeUnit(r.id(), r.code(), r.name(), r.fullName(),
                    vn.motcua.territory.UnitType.valueOf(r.type()), r.parentCode(), r.validFrom(), r.validTo());
            units.add(u);
            byId.put(u.id(), u);
            codes.computeIfAbsent(u.code(), k -> new ArrayList<>(1)).add(u);
            if (r.parentCode() != null) {
                childrenByParentCode.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(u);
            }
        }
        codes.forEach((code, list) -> {
            list.sort(Comparator.comparing(AdministrativeUnit::validFrom));
            byCode.put(code, list.toArray(AdministrativeUnit[]::new));
        });
        childrenByParentCode.values().forEach(l -> l.sort(Comparator.comparing(AdministrativeUnit::code)
                .thenComparing(AdministrativeUnit::validFrom)));
        for (Edge e : edges) {
            out.computeIfAbsent(e.predecessor(), k -> new ArrayList<>()).add(e);
            in.computeIfAbsent(e.successor(), k -> new ArrayList<>()).add(e);
        }
        for (AdministrativeUnit u : units) {
            String k1 = NameKeys.key(u.name());
            String k2 = NameKeys.key(u.fullName());
            byNameKey.computeIfAbsent(k1, k -> new ArrayList<>()).add(u);
            if (!k2.equals(k1)) {
                byNameKey.computeIfAbsent(k2, k -> new ArrayList<>()).add(u);
            }
        }
        units.sort(Comparator.comparing(AdministrativeUnit::code).thenComparing(AdministrativeUnit::validFrom));
        all = Collections.unmodifiableList(units);
    }

    int size() {
        return byId.size();
    }

    List<AdministrativeUnit> all() {
        return all;
    }

    AdministrativeUnit at(String code, LocalDate asOf) {
        AdministrativeUnit[] versions = byCode.get(code);
        if (versions == null) {
            return null;
        }
        for (int i = versions.length - 1; i >= 0; i--) {
            AdministrativeUnit u = versions[i];
            if (!asOf.isBefore(u.validFrom())) {
                return u.validTo() == null || asOf.isBefore(u.validTo()) ? u : null;
            }
        }
        return null;
    }

    List<AdministrativeUnit> versions(String code) {
        AdministrativeUnit[] v = byCode.get(code);
        return v == null ? List.of() : List.of(v);
    }

    AdministrativeUnit byId(UUID id) {
        return byId.get(id);
    }

    /**
     * The parent version valid on {@code asOf}, the date kept within the unit's own validity (a closed unit's parent
     * is the one of its last day). Null for provinces, and for a child whose parent has no version then.
     */
    AdministrativeUnit parent(AdministrativeUnit u, LocalDate asOf) {
        if (u.parentCode() == null) {
            return null;
        }
        LocalDate d = asOf.isBefore(u.validFrom()) ? u.validFrom()
                : u.validTo() != null && !asOf.isBefore(u.validTo()) ? u.validTo().minusDays(1) : asOf;
        return at(u.parentCode(), d);
    }

    /** Versions valid on {@code asOf} whose parent code is the parent's code (the parent is valid on that date). */
    List<AdministrativeUnit> children(AdministrativeUnit parent, LocalDate asOf) {
        List<AdministrativeUnit> list = childrenByParentCode.getOrDefault(parent.code(), List.of());
        List<AdministrativeUnit> result = new ArrayList<>(list.size());
        for (AdministrativeUnit c : list) {
            if (c.validOn(asOf)) {
                result.add(c);
            }
        }
        return result;
    }

    /** All versions of all units whose name matches the key of {@link NameKeys#key}. */
    List<AdministrativeUnit> byNameKey(String key) {
        return byNameKey.getOrDefault(key, List.of());
    }

    boolean underReview(UUID oldUnit) {
        return underReview.contains(oldUnit);
    }

    List<Edge> successorEdges(UUID id) {
        return out.getOrDefault(id, List.of());
    }

    List<Edge> predecessorEdges(UUID id) {
        return in.getOrDefault(id, List.of());
    }
}
