package vn.motcua.territory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Set-based agency and staff queries for many units at once, and the derivation of the standard agencies of
 * units opened by a reorganisation (used by the reorganisation engine after {@link TerritoryChanges#apply}).
 */
public interface TerritoryAgencies {

    /** Agencies serving any of the units (by code) on that date; one query. */
    List<Agency> agenciesOf(Collection<String> unitCodes, LocalDate asOf);

    /** Post holdings valid on that date in any of the agencies (by code); one query. */
    List<PostHolding> holdings(Collection<String> agencyCodes, LocalDate asOf);

    /**
     * Creates, for units valid from {@code effective} that have none yet, the standard agencies documented in
     * docs/territory.md: UBND-, CA-, TTPV-{code} for commune-level units and also STP- for provinces.
     * Idempotent; returns how many were created.
     */
    int deriveAgencies(Collection<String> unitCodes, LocalDate effective);
}
