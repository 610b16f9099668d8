package vn.motcua.dossier.internal;

/**
 * How a step instance ended ({@code dossier_step.outcome}; the column's check constraint lists the same names).
 * An open step has none.
 */
public enum StepOutcome {
    /** Done and handed on (forwarded, decided, or the reception done by acceptance). */
    DONE,
    /** Sent back to the previous step. */
    SENT_BACK,
    /** Transferred to another agency (liên thông). */
    TRANSFERRED,
    /** Processing stopped (Form 05). */
    STOPPED;

    static StepOutcome of(String column) {
        return column == null ? null : valueOf(column);
    }
}
