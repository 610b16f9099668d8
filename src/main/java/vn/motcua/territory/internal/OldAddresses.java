package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.AddressLookup;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.UnitType;

/**
 * Old addresses to the units competent now ({@link AddressLookup}): the typed commune (name or GSO code), narrowed by
 * the district and province when given, followed through the lineage of {@link UnitDirectory}'s index.
 */
@Service
class OldAddresses implements AddressLookup {

    /** A commune's GSO code as typed, with or without its leading zero. */
    private static final Pattern GSO_CODE = Pattern.compile("\\d{4,5}");

    private final UnitDirectory units;

    OldAddresses(UnitDirectory units) {
        this.units = units;
    }

    @Override
    public AddressResolution resolve(String commune, String district, String province, LocalDate oldDate, LocalDate asOf) {
        UnitIndex i = units.index();
        List<AdministrativeUnit> matches = matchCommunes(i, commune, oldDate);
        if (!blank(district)) {
            matches = matches.stream().filter(u -> ancestorMatches(i, u, district, false, oldDate)).toList();
        }
        if (!blank(province)) {
            matches = matches.stream().filter(u -> ancestorMatches(i, u, province, true, oldDate)).toList();
        }
        if (matches.isEmpty()) {
            return new AddressResolution(Outcome.NOT_FOUND, List.of(), List.of());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (AdministrativeUnit m : matches) {
            boolean review = i.underReview(m.id());
            UnitDirectory.descend(i, m, asOf).forEach((u, share) -> candidates.add(new Candidate(u, share, m, review)));
        }
        Outcome outcome;
        if (matches.size() > 1) {
            outcome = Outcome.AMBIGUOUS_NAME;
        } else if (candidates.size() > 1) {
            outcome = Outcome.SPLIT;
        } else if (candidates.size() == 1) {
            outcome = Outcome.RESOLVED;
        } else {
            outcome = Outcome.NOT_FOUND;
        }
        return new AddressResolution(outcome, matches, candidates);
    }

    private static List<AdministrativeUnit> matchCommunes(UnitIndex i, String input, LocalDate oldDate) {
        if (blank(input)) {
            return List.of();
        }
        String trimmed = input.trim();
        if (GSO_CODE.matcher(trimmed).matches()) {
            AdministrativeUnit u = i.at(trimmed.length() == 4 ? "0" + trimmed : trimmed, oldDate);
            return u != null && u.type().isCommuneLevel() ? List.of(u) : List.of();
        }
        List<AdministrativeUnit> hits = i.byNameKey(NameKeys.key(trimmed)).stream()
                .filter(u -> (u.type().isCommuneLevel() || isIslandDistrict(i, u, oldDate)) && u.validOn(oldDate))
                .distinct().toList();
        return preferStrict(trimmed, hits);
    }

    /** When the input has diacritics, keep only names with the same tones/vowels (tone placement ignored), if any. */
    private static List<AdministrativeUnit> preferStrict(String input, List<AdministrativeUnit> hits) {
        if (hits.size() < 2 || !VietnameseText.hasDiacritics(input)) {
            return hits;
        }
        String strict = NameKeys.strictKey(input);
        List<AdministrativeUnit> narrowed = hits.stream()
                .filter(u -> NameKeys.strictKey(u.name()).equals(strict) || NameKeys.strictKey(u.fullName()).equals(strict))
                .toList();
        return narrowed.isEmpty() ? hits : narrowed;
    }

    /** A district without communes (Côn Đảo, Lý Sơn, ...) is addressed like a commune. */
    private static boolean isIslandDistrict(UnitIndex i, AdministrativeUnit u, LocalDate date) {
        return u.type() == UnitType.DISTRICT && i.children(u, date).isEmpty();
    }

    private static boolean ancestorMatches(UnitIndex i, AdministrativeUnit u, String input, boolean provinceLevel,
                                           LocalDate date) {
        String key = NameKeys.key(input);
        String code = input.trim();
        for (AdministrativeUnit a = i.parent(u, date); a != null; a = i.parent(a, date)) {
            boolean right = provinceLevel ? a.type().isProvinceLevel() : a.type() == UnitType.DISTRICT;
            if (right && (a.code().equals(code) || NameKeys.key(a.name()).equals(key) || NameKeys.key(a.fullName()).equals(key))) {
                return true;
            }
        }
        // an island district is its own district
        return !provinceLevel && u.type() == UnitType.DISTRICT
                && (u.code().equals(code) || NameKeys.key(u.name()).equals(key));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
