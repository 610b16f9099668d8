package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Resolves an address written with old units (before a reorganisation) to the unit(s) that are competent now.
 * Names match regardless of case, tone-mark placement, i/y variants and missing diacritics; the prefixes
 * "Phường", "Xã", "Thị trấn", "Quận", "Huyện", "Thị xã", "Thành phố", "Tỉnh" (and P., Q., TP.) are optional.
 */
public interface AddressLookup {

    /**
     * @param commune  old commune-level name or GSO code (required)
     * @param district old district name or code (optional, narrows same-named communes)
     * @param province old province name or code (optional)
     * @param oldDate  the date the address was valid (e.g. 2025-06-30)
     * @param asOf     the date for which the competent unit is wanted (e.g. today)
     */
    AddressResolution resolve(String commune, String district, String province, LocalDate oldDate, LocalDate asOf);

    enum Outcome {
        /** Exactly one old unit matched and it went, whole, to one unit. */
        RESOLVED,
        /** The old unit was split: several candidates, the street address decides. */
        SPLIT,
        /** Several old units carry that name (give the district or province). */
        AMBIGUOUS_NAME,
        NOT_FOUND
    }

    /**
     * A new unit an old address may now belong to, with the parts of the old unit it took.
     *
     * @param underReview the old unit's lineage has a link flagged as suspicious and not yet corrected
     */
    record Candidate(AdministrativeUnit unit, Share share, AdministrativeUnit from, boolean underReview) {
    }

    /**
     * @param matches    the old units that matched the input
     * @param candidates the units competent on {@code asOf} (more than one means a human must decide)
     */
    record AddressResolution(Outcome outcome, List<AdministrativeUnit> matches, List<Candidate> candidates) {

        /** A person must decide: a split, a repeated name, or a lineage still under review (never a guess). */
        public boolean ambiguous() {
            return outcome == Outcome.SPLIT || outcome == Outcome.AMBIGUOUS_NAME || underReview();
        }

        public boolean underReview() {
            return candidates.stream().anyMatch(Candidate::underReview);
        }
    }
}
