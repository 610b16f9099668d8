package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The territory module's queries, always as of a date. Implemented by the territory module; other
 * modules inject this interface.
 */
public interface Territory {

    /** The unit that carried this code on that date. */
    Optional<AdministrativeUnit> unit(String code, LocalDate asOf);

    /** Units whose parent is the given unit, valid on that date, ordered by code. */
    List<AdministrativeUnit> children(String parentCode, LocalDate asOf);

    /** The province-level unit containing the unit (itself if it is one). */
    Optional<AdministrativeUnit> province(String unitCode, LocalDate asOf);

    /** Agencies serving exactly this unit on that date. */
    List<Agency> agencies(String unitCode, LocalDate asOf);

    /** The agency carrying this code on that date. */
    Optional<Agency> agency(String agencyCode, LocalDate asOf);

    /**
     * Agencies of the given level and kind competent for a place: for COMMUNE level, those of the
     * commune-level unit itself; for PROVINCE level, those of the province containing it. For
     * departments, {@code sector} narrows the result (null = any).
     */
    List<Agency> competentAgencies(String unitCode, AgencyLevel level, AgencyKind kind, String sector,
                                   LocalDate asOf);

    /** Successors of the unit valid on {@code asOf} with that code, through every later reorganisation. */
    List<Successor> successors(String code, LocalDate asOf);
}
