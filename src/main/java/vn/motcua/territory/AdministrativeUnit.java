package vn.motcua.territory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An administrative unit as it was during {@code [validFrom, validTo)}. The id is stable and internal;
 * the GSO code is an attribute that may be reused by another unit in another period.
 *
 * @param parentCode code of the parent unit valid at the same time, null for provinces
 * @param validTo    null while the unit still exists
 */
public record AdministrativeUnit(UUID id, String code, String name, String fullName, UnitType type,
                                 String parentCode, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
