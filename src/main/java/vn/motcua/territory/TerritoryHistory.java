package vn.motcua.territory;

import java.time.LocalDate;
import java.util.List;

/** Lineage queries beyond {@link Territory#successors}: where a unit came from. */
public interface TerritoryHistory {

    /** Predecessors of the unit valid on {@code asOf} with that code, through every earlier reorganisation. */
    List<Predecessor> predecessors(String code, LocalDate asOf);

    /** Units currently (on {@code asOf}) valid that descend from the given unit version, or itself if still valid. */
    List<AdministrativeUnit> currentSuccessors(AdministrativeUnit unit, LocalDate asOf);

    /**
     * True when a link of this old unit was flagged by the import checks and no lineage correction was recorded for
     * it yet: its successors are the imported mapping's guess, so a dossier addressed there belongs to a person
     * (triage), not to an automatic route.
     */
    default boolean lineageUnderReview(AdministrativeUnit unit) {
        return false;
    }

    /**
     * The version that last carried {@code code} before {@code asOf} (an old code, e.g. a ward merged in 2025), for
     * following its lineage to today's unit; empty when no version began before that date.
     */
    java.util.Optional<AdministrativeUnit> lastVersionBefore(String code, LocalDate asOf);

    /**
     * The days on which some unit version began or ended (sorted, distinct): the only days on which a unit's
     * validity can cut a period. Reporting keys its aggregates on them (docs/indicators.md, "Mid-month
     * reorganisations").
     */
    default java.util.SortedSet<LocalDate> changeDays() {
        return new java.util.TreeSet<>();
    }
}
