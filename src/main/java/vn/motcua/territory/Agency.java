package vn.motcua.territory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An agency (cơ quan) during {@code [validFrom, validTo)}, attached to the administrative unit whose
 * territory it serves.
 *
 * @param code     the agency's code (QCVN 102:2016 style, up to 13 characters), used in dossier codes
 * @param sector   for departments, the sector they manage (e.g. {@code TU_PHAP} for Sở Tư pháp); else null
 * @param unitCode code of the unit it serves, as valid on the same dates
 */
public record Agency(UUID id, String code, String name, AgencyLevel level, AgencyKind kind, String sector,
                     UUID unitId, String unitCode, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
