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

    record Row(UUID id, String code, String name, String fullName, String type, UUID parentId,
               LocalDate validFrom, LocalDate validTo) {
    }

    record Edge(UUID predecessor, UUID successor, LineageKind kind, Share share, LocalDate effective,
                String legalBasis) {
    }

    static final UnitIndex EMPTY = new UnitIndex(List.of(), List.of());

    private final Map<String, AdministrativeUnit[]> byCode = new HashMap<>();
    private final Map<UUID, AdministrativeUnit> byId = new HashMap<>();
    private final Map<UUID, UUID> parentOf = new HashMap<>();
    private final Map<UUID, List<AdministrativeUnit>> children = new HashMap<>();
    private final Map<UUID, List<Edge>> out = new HashMap<>();
    private final Map<UUID, List<Edge>> in = new HashMap<>();
    private final Map<String, List<AdministrativeUnit>> byNameKey = new HashMap<>();
    private final List<AdministrativeUnit> all;

    UnitIndex(List<Row> rows, List<Edge> edges) {
        Map<UUID, Row> rowById = new HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            rowById.put(r.id(), r);
        }
        Map<String, List<AdministrativeUnit>> codes = new HashMap<>();
        List<AdministrativeUnit> units = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Row parent = r.parentId() == null ? null : rowById.get(r.parentId());
            AdministrativeUnit u = new AdministrativeUnit(r.id(), r.code(), r.name(), r.fullName(),
                    vn.motcua.territory.UnitType.valueOf(r.type()), parent == null ? null : parent.code(),
                    r.validFrom(), r.validTo());
            units.add(u);
            byId.put(u.id(), u);
            codes.computeIfAbsent(u.code(), k -> new ArrayList<>(1)).add(u);
            if (r.parentId() != null) {
                parentOf.put(u.id(), r.parentId());
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        codes.forEach((code, list) -> {
            list.sort(Comparator.comparing(AdministrativeUnit::validFrom));
            byCode.put(code, list.toArray(AdministrativeUnit[]::new));
        });
        children.values().forEach(l -> l.sort(Comparator.comparing(AdministrativeUnit::code)));
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

    AdministrativeUnit parent(AdministrativeUnit u) {
        UUID p = parentOf.get(u.id());
        return p == null ? null : byId.get(p);
    }

    List<AdministrativeUnit> children(AdministrativeUnit parent, LocalDate asOf) {
        List<AdministrativeUnit> list = children.getOrDefault(parent.id(), List.of());
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

    List<Edge> successorEdges(UUID id) {
        return out.getOrDefault(id, List.of());
    }

    List<Edge> predecessorEdges(UUID id) {
        return in.getOrDefault(id, List.of());
    }
}
