package vn.motcua.territory;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An administrative unit as it was during {@code [validFrom, validTo)}. The id is stable and internal;
 * the GSO code is an attribute that may be reused by another unit in another period.
 *
 * @param parentCode code of the parent unit valid at the same time, null for provinces
 * @param validTo    null while the unit still exists
 */
public record AdministrativeUnit(UUID id, String code, String name, String fullName, UnitType type,
                                 String parentCode, LocalDate validFrom, LocalDate validTo) {

    /** A unit code's shape, province (2 digits) or ward (5 digits), as a regular expression for validation annotations. */
    public static final String CODE_SHAPE = "\\d{2}|\\d{5}";
    private static final Pattern CODE = Pattern.compile(CODE_SHAPE);

    /** Whether the text has the shape of a province (2 digits) or ward (5 digits) code; not whether one exists. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
