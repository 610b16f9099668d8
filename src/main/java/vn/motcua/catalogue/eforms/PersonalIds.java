package vn.motcua.catalogue.eforms;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân): 3 digits province of birth
 * registration, 1 digit century and gender, 2 digits year of birth, 6 random digits.
 */
public final class PersonalIds {

    /** Province codes of birth registration (the 63 provinces before 2025), 001–096. */
    static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014", "015",
            "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037",
            "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062",
            "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086",
            "087", "089", "091", "092", "093", "094", "095", "096");

    /** Compiled once: {@code String.matches} compiles its pattern on every call. */
    private static final java.util.regex.Pattern TWELVE_DIGITS = java.util.regex.Pattern.compile("\\d{12}");

    public enum Problem { FORMAT, PROVINCE, BIRTH_YEAR_MISMATCH, FUTURE_YEAR }

    private PersonalIds() {
    }

    /** The first problem with the number alone, if any. */
    public static Optional<Problem> check(String id) {
        if (id == null || !TWELVE_DIGITS.matcher(id).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        if (!PROVINCES.contains(id.substring(0, 3))) {
            return Optional.of(Problem.PROVINCE);
        }
        return Optional.empty();
    }

    /** First year of the century coded by the 4th digit: 0/1 → 1900, 2/3 → 2000, 4/5 → 2100, 6/7 → 2200, 8/9 → 1800. */
    public static int century(char genderCentury) {
        int d = genderCentury - '0';
        return switch (d / 2) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
    }

    /** Year of birth encoded in a well-formed number. */
    public static int birthYear(String id) {
        return century(id.charAt(3)) + Integer.parseInt(id.substring(4, 6));
    }

    /** Female when the 4th digit is odd. */
    public static boolean female(String id) {
        return (id.charAt(3) - '0') % 2 == 1;
    }

    /** A problem with the number given a birth date (and today), if any. */
    public static Optional<Problem> check(String id, LocalDate birthDate, LocalDate today) {
        Optional<Problem> alone = check(id);
        if (alone.isPresent()) {
            return alone;
        }
        int year = birthYear(id);
        if (year > today.getYear()) {
            return Optional.of(Problem.FUTURE_YEAR);
        }
        if (birthDate != null && birthDate.getYear() != year) {
            return Optional.of(Problem.BIRTH_YEAR_MISMATCH);
        }
        return Optional.empty();
    }
}
