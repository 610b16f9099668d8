package vn.motcua.territory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A post (vị trí việc làm) in an agency during {@code [validFrom, validTo)}. Post codes are attributes, unique at a
 * date: by convention {@code <agency code>-<suffix>}, e.g. {@code UBND-26740-HT}.
 *
 * @param field for handling posts, the field handled (e.g. {@code HO_TICH}); else null
 */
public record Post(UUID id, String code, String title, PostRole role, String field, String agencyCode,
                   LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
