package vn.motcua.support;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Predecessor;
import vn.motcua.territory.Share;
import vn.motcua.territory.Successor;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryHistory;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.UnitType;

/**
 * A few units, agencies and lineage links held in lists, answering the territory's public queries as of a date the way
 * the module documents them (validity {@code [from, to)}; a code may be carried by several versions). For unit tests
 * of code that only routes (the reorganisation's {@code Router}, intake routing) without Spring or a database; the
 * module's own behaviour is tested against the real one ({@code TerritoryModuleTest}).
 */
public final class InMemoryTerritory implements Territory, TerritoryHistory, TerritoryAgencies {

    private record Link(AdministrativeUnit from, AdministrativeUnit to, Share share, LineageKind kind) {
    }

    private final List<AdministrativeUnit> units = new ArrayList<>();
    private final List<Agency> agencies = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Set<String> underReview = new LinkedHashSet<>();

    /** A unit valid from {@code from} (until {@code to}, exclusive; null = still valid). */
    public AdministrativeUnit unit(String code, String fullName, UnitType type, String parent, LocalDate from, LocalDate to) {
        AdministrativeUnit u = new AdministrativeUnit(UUID.randomUUID(), code, fullName, fullName, type, parent, from, to);
        units.add(u);
        return u;
    }

    /** An agency of the unit's current version, valid over the same period unless {@code to} ends it sooner. */
    public Agency agency(String code, String name, AgencyLevel level, AgencyKind kind, String sector, AdministrativeUnit unit,
                         LocalDate to) {
        Agency a = new Agency(UUID.randomUUID(), code, name, level, kind, sector, unit.id(), unit.code(), unit.validFrom(),
                to != null ? to : unit.validTo());
        agencies.add(a);
        return a;
    }

    /** UBND-, CA- and TTPV-{code} for a commune-level unit, also STP- for a province (as {@code deriveAgencies}). */
    public void standardAgencies(AdministrativeUnit u) {
        AgencyLevel level = u.type().isProvinceLevel() ? AgencyLevel.PROVINCE : AgencyLevel.COMMUNE;
        agency("UBND-" + u.code(), "Ủy ban nhân dân " + u.fullName(), level, AgencyKind.PEOPLES_COMMITTEE, null, u, null);
        agency("CA-" + u.code(), "Công an " + u.fullName(), level, AgencyKind.POLICE, null, u, null);
        agency("TTPV-" + u.code(), "Trung tâm Phục vụ hành chính công " + u.fullName(), level, AgencyKind.SERVICE_CENTRE, null, u, null);
        if (u.type().isProvinceLevel()) {
            agency("STP-" + u.code(), "Sở Tư pháp " + u.fullName(), level, AgencyKind.DEPARTMENT, "TU_PHAP", u, null);
        }
    }

    public void link(AdministrativeUnit from, AdministrativeUnit to, Share share, LineageKind kind) {
        links.add(new Link(from, to, share, kind));
    }

    /** Marks the links out of this old unit version as doubtful (the lineage review flagged them). */
    public void flagForReview(AdministrativeUnit old) {
        underReview.add(old.id().toString());
    }

    @Override
    public Optional<AdministrativeUnit> unit(String code, LocalDate asOf) {
        return units.stream().filter(u -> u.code().equals(code) && u.validOn(asOf)).findFirst();
    }

    @Override
    public List<AdministrativeUnit> children(String parentCode, LocalDate asOf) {
        return units.stream().filter(u -> parentCode.equals(u.parentCode()) && u.validOn(asOf))
                .sorted(Comparator.comparing(AdministrativeUnit::code)).toList();
    }

    @Override
    public Optional<AdministrativeUnit> province(String unitCode, LocalDate asOf) {
        Optional<AdministrativeUnit> u = unit(unitCode, asOf);
        while (u.isPresent() && !u.get().type().isProvinceLevel()) {
            String parent = u.get().parentCode();
            u = parent == null ? Optional.empty() : unit(parent, asOf);
        }
        return u;
    }

    @Override
    public List<Agency> agencies(String unitCode, LocalDate asOf) {
        return agencies.stream().filter(a -> a.unitCode().equals(unitCode) && a.validOn(asOf)).toList();
    }

    @Override
    public Optional<Agency> agency(String agencyCode, LocalDate asOf) {
        return agencies.stream().filter(a -> a.code().equals(agencyCode) && a.validOn(asOf)).findFirst();
    }

    @Override
    public List<Agency> competentAgencies(String unitCode, AgencyLevel level, AgencyKind kind, String sector, LocalDate asOf) {
        Optional<AdministrativeUnit> place = level == AgencyLevel.PROVINCE ? province(unitCode, asOf) : unit(unitCode, asOf);
        return place.map(p -> agencies(p.code(), asOf).stream()
                .filter(a -> a.level() == level && a.kind() == kind && (sector == null || sector.equals(a.sector())))
                .sorted(Comparator.comparing(Agency::code)).toList()).orElse(List.of());
    }

    @Override
    public List<Successor> successors(String code, LocalDate asOf) {
        return unit(code, asOf).map(u -> links.stream().filter(l -> l.from().id().equals(u.id()))
                .map(l -> new Successor(l.to(), l.share(), l.kind(), l.to().validFrom(), "Thử nghiệm")).toList())
                .orElse(List.of());
    }

    @Override
    public List<Agency> agenciesOf(Collection<String> unitCodes, LocalDate asOf) {
        return agencies.stream().filter(a -> unitCodes.contains(a.unitCode()) && a.validOn(asOf)).toList();
    }

    @Override
    public List<Predecessor> predecessors(String code, LocalDate asOf) {
        return unit(code, asOf).map(u -> links.stream().filter(l -> l.to().id().equals(u.id()))
                .map(l -> new Predecessor(l.from(), l.share(), l.kind(), u.validFrom(), "Thử nghiệm")).toList())
                .orElse(List.of());
    }

    @Override
    public List<AdministrativeUnit> currentSuccessors(AdministrativeUnit unit, LocalDate asOf) {
        List<AdministrativeUnit> out = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        Deque<AdministrativeUnit> todo = new ArrayDeque<>(List.of(unit));
        while (!todo.isEmpty()) {
            AdministrativeUnit u = todo.pop();
            if (!seen.add(u.id())) {
                continue;
            }
            if (u.validOn(asOf)) {
                out.add(u);
                continue;
            }
            links.stream().filter(l -> l.from().id().equals(u.id())).map(Link::to).forEach(todo::add);
        }
        return out.stream().distinct().sorted(Comparator.comparing(AdministrativeUnit::code)).toList();
    }

    @Override
    public boolean lineageUnderReview(AdministrativeUnit unit) {
        return underReview.contains(unit.id().toString());
    }

    @Override
    public Optional<AdministrativeUnit> lastVersionBefore(String code, LocalDate asOf) {
        return units.stream().filter(u -> u.code().equals(code) && u.validFrom().isBefore(asOf))
                .max(Comparator.comparing(AdministrativeUnit::validFrom));
    }

    // Staff and agency bookkeeping are not held in memory: a test that needs them uses the real module.

    @Override
    public List<PostHolding> holdings(Collection<String> agencyCodes, LocalDate asOf) {
        throw new UnsupportedOperationException("no staff in memory");
    }

    @Override
    public int deriveAgencies(Collection<String> unitCodes, LocalDate effective) {
        throw new UnsupportedOperationException("use standardAgencies");
    }

    @Override
    public List<AgencyVersion> versions(Collection<String> agencyCodes) {
        throw new UnsupportedOperationException("no agency history in memory");
    }

    @Override
    public java.util.Map<String, String> namesValidOn(LocalDate date) {
        throw new UnsupportedOperationException("no national agency list in memory");
    }

    @Override
    public List<PostHolding> holdingsOutsideValidAgencies(LocalDate asOf) {
        throw new UnsupportedOperationException("no staff in memory");
    }
}
