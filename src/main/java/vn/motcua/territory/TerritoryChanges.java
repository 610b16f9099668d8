package vn.motcua.territory;

import java.time.LocalDate;

/**
 * The one write operation on administrative units: apply a set of changes at an instant. Idempotent — applying
 * the same changes at the same date again changes nothing. The reorganisation engine drives this as the first
 * step of a plan; the 1 July 2025 reorganisation is imported through it.
 */
public interface TerritoryChanges {

    /**
     * @param effective  the first day on which opened units exist and closed units no longer do
     * @param legalBasis the resolution behind the changes (used for links that do not name their own)
     * @throws vn.motcua.platform.api.ApiException (422, nothing applied) when a close, a parent or a link names no unit
     */
    ChangeReport apply(UnitChanges changes, LocalDate effective, String legalBasis);

    /** What an application did (zeros when it had already been applied). */
    record ChangeReport(int opened, int closed, int linked) {
    }
}
