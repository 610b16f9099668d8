package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.motcua.catalogue.Catalogue;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryHistory;

/**
 * Which agency receives a new dossier: the one competent for the procedure at the applicant's place (an old place
 * code followed through its lineage), or the triage queue of the province's service centre, with the reason. Only
 * asks territory and catalogue (their public interfaces), so it is tested without Spring ({@code IntakeRoutingTest}).
 */
final class IntakeRouting {

    /** Where a dossier goes: its competent agency, or the triage queue of the province service centre. */
    record Route(Agency agency, String triageReason, String triageOwner) {
    }

    private final Territory territory;
    private final TerritoryHistory history;
    private final Catalogue catalogue;
    private final String defaultProvince;

    IntakeRouting(Territory territory, TerritoryHistory history, Catalogue catalogue, String defaultProvince) {
        this.territory = territory;
        this.history = history;
        this.catalogue = catalogue;
        this.defaultProvince = defaultProvince;
    }

    /** Boundary-free routing: the agency competent for the procedure at the applicant's place, as of today. */
    Route route(String procedureCode, String unitCode, LocalDate asOf) {
        if (unitCode == null || unitCode.isBlank()) {
            return triage("dossier.triage.noAddress", defaultProvince, asOf);
        }
        Optional<AdministrativeUnit> unit = territory.unit(unitCode, asOf);
        if (unit.isEmpty()) {
            // An old code (e.g. a ward merged in 2025): follow its lineage to today's unit when unambiguous.
            Optional<AdministrativeUnit> old = history.lastVersionBefore(unitCode, asOf);
            List<AdministrativeUnit> current = old.map(u -> history.currentSuccessors(u, asOf)).orElse(List.of())
                    .stream().filter(u -> u.type().isCommuneLevel()).toList();
            if (current.size() != 1) {
                String province = current.isEmpty() ? defaultProvince : provinceOf(current.get(0).code(), asOf);
                return triage(current.isEmpty() ? "dossier.triage.unknownUnit" : "dossier.triage.splitUnit", province, asOf);
            }
            // A link the lineage review flagged and nobody has corrected yet: a person decides, not a doubtful link.
            if (old.isPresent() && history.lineageUnderReview(old.get())) {
                return triage("dossier.triage.lineageUnderReview", provinceOf(current.get(0).code(), asOf), asOf);
            }
            unit = Optional.of(current.get(0));
        }
        List<Agency> agencies = catalogue.competentAgencies(procedureCode, unit.get().code(), asOf);
        if (agencies.size() == 1) {
            return new Route(agencies.get(0), null, null);
        }
        String province = territory.province(unit.get().code(), asOf).map(AdministrativeUnit::code).orElse(defaultProvince);
        return triage(agencies.isEmpty() ? "dossier.triage.noAgency" : "dossier.triage.manyAgencies", province, asOf);
    }

    private String provinceOf(String unitCode, LocalDate asOf) {
        return territory.province(unitCode, asOf).map(AdministrativeUnit::code).orElse(defaultProvince);
    }

    private Route triage(String reason, String provinceCode, LocalDate asOf) {
        String owner = territory.competentAgencies(provinceCode, AgencyLevel.PROVINCE, AgencyKind.SERVICE_CENTRE, null, asOf)
                .stream().map(Agency::code).findFirst().orElse(null);
        return new Route(null, reason, owner);
    }
}
