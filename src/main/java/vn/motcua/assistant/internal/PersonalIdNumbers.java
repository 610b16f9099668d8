package vn.motcua.assistant.internal;

import java.util.Set;

/**
 * The 12-digit personal identification number (số định danh cá nhân, Nghị định 137/2015/NĐ-CP, Thông tư 59/2021/TT-BCA):
 * 3 digits for the province where the birth was registered, 1 digit for century and sex (0/1: 20th century male/female,
 * 2/3: 21st, 4/5: 22nd, 6/7: 23rd, 8/9: 19th... as the circular counts centuries), 2 digits for the year of birth, 6
 * random digits.
 */
final class PersonalIdNumbers {

    /** Province codes of birth registration (the 63 provinces before 2025), 001-096. */
    static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014", "015",
            "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037",
            "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062",
            "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086",
            "087", "089", "091", "092", "093", "094", "095", "096");

    private PersonalIdNumbers() {
    }

    static String digits(String value) {
        return value == null ? "" : value.replaceAll("[\\s.-]", "");
    }

    static boolean wellFormed(String id) {
        return id.matches("\\d{12}");
    }

    static boolean knownProvince(String id) {
        return PROVINCES.contains(id.substring(0, 3));
    }

    /** The year of birth the number says (century from the 4th digit, year from the 5th and 6th). */
    static int birthYear(String id) {
        int d = id.charAt(3) - '0';
        int century = d >= 8 ? 1800 : 1900 + (d / 2) * 100;
        return century + Integer.parseInt(id.substring(4, 6));
    }

    /** True for a woman (odd 4th digit), false for a man. */
    static boolean female(String id) {
        return (id.charAt(3) - '0') % 2 == 1;
    }
}
