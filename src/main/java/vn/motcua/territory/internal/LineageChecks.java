package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;

/**
 * Checks of the links a reorganisation stored at one effective date, looking for the mistakes a mapping produced
 * by matching names makes (the 2025 public mapping was largely machine-made: it picked same-named communes of the
 * wrong district or province). Pure: reads the index, returns flags; it never decides which link is right.
 * <ul>
 * <li>{@code OUTSIDE_PROVINCE}: the new unit lies outside the new province(s) the old unit's province went to.</li>
 * <li>{@code PARTIAL_SAME_NAME}: a PARTIAL link, and the new unit also lists an old unit of the same name in another
 * district — the resolution most likely named that one only.</li>
 * <li>{@code SAME_NAME_CLAIMED}: the same for a FULL link, when the old unit is the only one of its district in the
 * new unit (a stray among the units of another district).</li>
 * <li>{@code FULL_AND_SHARED}: the old unit went FULL to this new unit, yet other new units claim it too.</li>
 * </ul>
 */
final class LineageChecks {

    record Link(AdministrativeUnit old, AdministrativeUnit neu, Share share) {
    }

    static List<LineageStore.FlagRow> check(UnitIndex i, LocalDate effective) {
        LocalDate before = effective.minusDays(1);
        Map<String, Set<String>> newProvincesOf = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (AdministrativeUnit u : i.all()) {
            if (!effective.equals(u.validTo())) {
                continue;
            }
            for (UnitIndex.Edge e : i.successorEdges(u.id())) {
                AdministrativeUnit n = i.byId(e.successor());
                if (n == null || !effective.equals(e.effective())) {
                    continue;
                }
                if (u.type().isProvinceLevel()) {
                    if (n.type().isProvinceLevel()) {
                        newProvincesOf.computeIfAbsent(u.code(), k -> new TreeSet<>()).add(n.code());
                    }
                } else if (e.kind() != LineageKind.DISSOLVE && !n.type().isProvinceLevel()) {
                    links.add(new Link(u, n, e.share()));
                }
            }
        }
        List<LineageStore.FlagRow> flags = new ArrayList<>();
        for (Link l : links) {
            AdministrativeUnit oldProvince = province(i, l.old(), before);
            AdministrativeUnit newProvince = province(i, l.neu(), effective);
            Set<String> expected = oldProvince == null ? null : newProvincesOf.get(oldProvince.code());
            if (newProvince != null && expected != null && !expected.contains(newProvince.code())) {
                AdministrativeUnit expectedUnit = i.at(expected.iterator().next(), effective);
                flags.add(flag(l, "OUTSIDE_PROVINCE", expectedUnit == null ? null : expectedUnit.id(), effective));
            }
        }
        Map<UUID, List<Link>> byNew = new LinkedHashMap<>();
        Map<UUID, List<Link>> byOld = new LinkedHashMap<>();
        for (Link l : links) {
            byNew.computeIfAbsent(l.neu().id(), k -> new ArrayList<>()).add(l);
            byOld.computeIfAbsent(l.old().id(), k -> new ArrayList<>()).add(l);
        }
        for (List<Link> listed : byNew.values()) {
            for (Link l : listed) {
                String district = district(l.old());
                String key = NameKeys.key(l.old().name());
                Link same = listed.stream().filter(k -> k != l && NameKeys.key(k.old().name()).equals(key)
                        && !Objects.equals(district(k.old()), district)).findFirst().orElse(null);
                if (same == null) {
                    continue;
                }
                if (l.share() == Share.PARTIAL) {
                    flags.add(flag(l, "PARTIAL_SAME_NAME", same.old().id(), effective));
                } else if (listed.stream().filter(k -> Objects.equals(district(k.old()), district)).count() == 1) {
                    flags.add(flag(l, "SAME_NAME_CLAIMED", same.old().id(), effective));
                }
            }
        }
        for (List<Link> claims : byOld.values()) {
            if (claims.size() < 2) {
                continue;
            }
            for (Link l : claims) {
                if (l.share() == Share.FULL) {
                    Link other = claims.stream().filter(k -> k != l).findFirst().orElseThrow();
                    flags.add(flag(l, "FULL_AND_SHARED", other.neu().id(), effective));
                }
            }
        }
        return flags;
    }

    private static LineageStore.FlagRow flag(Link l, String kind, UUID other, LocalDate effective) {
        return new LineageStore.FlagRow(l.old().id(), l.neu().id(), kind, l.share(), other, effective);
    }

    static AdministrativeUnit province(UnitIndex i, AdministrativeUnit u, LocalDate asOf) {
        AdministrativeUnit p = u;
        while (p != null && !p.type().isProvinceLevel()) {
            p = i.parent(p, asOf);
        }
        return p;
    }

    /** The old unit's district (its parent code; a province for an island district without communes). */
    private static String district(AdministrativeUnit u) {
        return u.parentCode();
    }

    private LineageChecks() {
    }
}
