package vn.motcua.territory;

/**
 * Loads the real administrative-unit data (GSO 1 March 2025 snapshot, then the 1 July 2025 reorganisation
 * applied as unit changes) and the agencies derived from it. Idempotent and cheap when already done: tests of
 * any module call {@link #ensureLoaded()} before relying on units or agencies.
 */
public interface TerritoryReferenceData {

    /** Loads units, lineage and agencies if not yet loaded; returns quickly otherwise. */
    void ensureLoaded();

    /** Also loads demo posts and officers (HCMC wards, the demo accounts tiepnhan/chuyenvien/lanhdao/trakq). */
    void ensureDemoLoaded();
}
