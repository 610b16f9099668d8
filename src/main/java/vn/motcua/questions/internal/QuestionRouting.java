package vn.motcua.questions.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryHistory;

/**
 * Where a question goes: the dossiers' routing skeleton (the competent agency for the procedure at the place as of the
 * day, old unit codes followed through the lineage, the province service centre's triage when uncertain), with the
 * questions' own differences from {@code dossier.internal.IntakeRouting}: an unknown code is the asker's mistake (422),
 * successors of the old unit's own level, a general matter goes to the People's Committee (docs/questions.md,
 * "Routing").
 */
@Component
public class QuestionRouting {

    /** Where a question goes: its agency, and why it is triage (null when routed with certainty). */
    public record Route(Agency agency, String triageReason, String unitCode) {
    }

    private final Territory territory;
    private final TerritoryHistory history;
    private final Catalogue catalogue;
    private final String defaultProvince;

    QuestionRouting(Territory territory, TerritoryHistory history, Catalogue catalogue, Environment env) {
        this.territory = territory;
        this.history = history;
        this.catalogue = catalogue;
        this.defaultProvince = env.getProperty("motcua.province-code", "79");
    }

    /** The dossiers' routing rules, applied to a question (see the class comment). */
    public Route route(String procedureCode, String unitCode, LocalDate asOf) {
        Optional<AdministrativeUnit> unit = territory.unit(unitCode, asOf);
        if (unit.isEmpty()) {
            Optional<AdministrativeUnit> old = history.lastVersionBefore(unitCode, asOf);
            if (old.isEmpty()) {
                // No unit ever carried the code: a mistake the asker can correct, not an uncertainty to triage.
                throw ApiException.unprocessable("questions.place.unknown", unitCode).with("errors",
                        List.of(Map.of("field", "place.unitCode", "code", "questions.place.unknown")));
            }
            boolean communeLevel = old.get().type().isCommuneLevel();
            List<AdministrativeUnit> current = history.currentSuccessors(old.get(), asOf).stream()
                    .filter(u -> communeLevel ? u.type().isCommuneLevel() : u.type().isProvinceLevel()).toList();
            if (current.size() != 1 || history.lineageUnderReview(old.get())) {
                String province = current.isEmpty() ? defaultProvince : provinceOf(current.get(0).code(), asOf);
                return triage(current.size() > 1 ? "questions.triage.splitUnit" : current.isEmpty()
                        ? "questions.triage.unknownUnit" : "questions.triage.underReview", province, null, asOf);
            }
            unit = Optional.of(current.get(0));
        }
        AdministrativeUnit u = unit.get();
        List<Agency> agencies;
        if (procedureCode != null) {
            agencies = catalogue.competentAgencies(procedureCode, u.code(), asOf);
        } else {
            // A general matter: the People's Committee of the place (commune level, or the province's).
            agencies = territory.competentAgencies(u.code(), u.type().isProvinceLevel() ? AgencyLevel.PROVINCE
                    : AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, asOf);
        }
        if (agencies.size() == 1) {
            return new Route(agencies.get(0), null, u.code());
        }
        return triage(agencies.isEmpty() ? "questions.triage.noAgency" : "questions.triage.manyAgencies",
                provinceOf(u.code(), asOf), u.code(), asOf);
    }

    private String provinceOf(String unitCode, LocalDate asOf) {
        return territory.province(unitCode, asOf).map(AdministrativeUnit::code).orElse(defaultProvince);
    }

    /** Held by the province service centre (TTPV-<province>), never by nobody. */
    private Route triage(String reason, String provinceCode, String unitCode, LocalDate asOf) {
        Agency centre = serviceCentre(provinceCode, asOf).or(() -> serviceCentre(defaultProvince, asOf))
                .orElseThrow(() -> new IllegalStateException("No service centre for triage in province " + provinceCode));
        return new Route(centre, reason, unitCode);
    }

    private Optional<Agency> serviceCentre(String provinceCode, LocalDate asOf) {
        return territory.competentAgencies(provinceCode, AgencyLevel.PROVINCE, AgencyKind.SERVICE_CENTRE, null, asOf)
                .stream().findFirst();
    }


    /** An agency valid on a day. */
    Optional<Agency> agency(String code, LocalDate asOf) {
        return territory.agency(code, asOf);
    }
}
