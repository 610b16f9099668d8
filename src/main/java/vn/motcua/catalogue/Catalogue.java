package vn.motcua.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.motcua.territory.Agency;

/** Queries on the procedure catalogue, always as of a date. */
public interface Catalogue {

    /** The published version in force on that date. */
    Optional<ProcedureVersion> versionInForce(String procedureCode, LocalDate asOf);

    /** Best-first search over names, fields and results, with or without diacritics. */
    List<ProcedureSummary> search(String query, int limit);

    /**
     * Agencies competent for the procedure at a commune-level or province-level unit on that date:
     * explicit overrides first, else derived from the version's performer and the territory. Empty when
     * the territory is not available or nothing is competent.
     */
    List<Agency> competentAgencies(String procedureCode, String unitCode, LocalDate asOf);

    /**
     * Every published version in force on that date, one per procedure, ordered by code (about 2,600; for modules that
     * index the whole catalogue, e.g. the assistant). Drafts and versions no longer in force are never included.
     */
    List<ProcedureVersion> allInForce(LocalDate asOf);
}
