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

    /** Every version, past and present, of the agencies with these codes (one query), with when each was recorded. */
    List<AgencyVersion> versions(Collection<String> agencyCodes);

    /**
     * An agency version's legal validity {@code [validFrom, validTo)} and the instant this system recorded it.
     */
    record AgencyVersion(java.util.UUID id, String code, String name, LocalDate validFrom, LocalDate validTo,
                         java.time.Instant recordedAt) {
    }

    /** Codes and names of the agencies valid on that date, every agency of the country (one query). */
    java.util.Map<String, String> namesValidOn(LocalDate date);

    /**
     * Post holdings valid on that date whose post, or the post's agency version, is not valid then: officers left on a
     * closed agency (the system-wide reorganisation check). One query.
     */
    List<PostHolding> holdingsOutsideValidAgencies(LocalDate asOf);
}
