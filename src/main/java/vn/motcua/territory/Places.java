package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Places by name, for pickers and the public places API: what people type ("tan dinh", "Phường Tân Định",
 * "P. Bến Nghé") to the units they mean, with or without diacritics, including names abolished by a reorganisation
 * (those answer with the units that carry their territory on the date asked for).
 */
public interface Places {

    /** Which kinds of unit a search returns. */
    enum Level {
        /** Commune-level units (phường, xã, đặc khu; thị trấn before 2025-07-01). */
        COMMUNE,
        /** Province-level units (tỉnh, thành phố trực thuộc trung ương). */
        PROVINCE,
        /** Both (districts, abolished on 2025-07-01, are never offered: nothing is filed at one any more). */
        ANY
    }

    /**
     * A unit whose name matches.
     *
     * @param province   the province-level unit it belonged to while it existed (itself for a province)
     * @param current    whether the unit is valid on the date asked for
     * @param successors for a unit no longer valid then: the units valid then that took over (part of) its
     *                   territory, through every reorganisation in between; empty for a current unit
     */
    record Place(AdministrativeUnit unit, AdministrativeUnit province, boolean current,
                 List<AdministrativeUnit> successors) {
    }

    /**
     * Units whose name matches {@code query} (at least two letters or digits; a GSO code also matches), that existed
     * on or before {@code asOf}, best match first: exact names before names that start with the query before names
     * that contain it; current units before abolished ones; units of this installation's province first.
     */
    List<Place> search(String query, LocalDate asOf, Level level, int limit);
}
