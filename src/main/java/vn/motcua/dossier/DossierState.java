package vn.motcua.dossier;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier stands. */
public enum DossierState {
    /** Saved by the citizen, not yet submitted; no clock runs. */
    DRAFT,
    /** Received (official receipt time set); the competent agency's reception must decide within 8 working hours. */
    SUBMITTED,
    /** The competent agency could not be determined with certainty; the province service centre routes it. */
    TRIAGE,
    /** Reception asked once, completely, for missing or wrong documents (Form 02); the clock has not started. */
    SUPPLEMENT_REQUESTED,
    /** Refused at reception with reasons (Form 03). Final. */
    REFUSED,
    /** Accepted with a dossier code and an appointment (Form 01); processing runs. */
    ACCEPTED,
    /** Processing paused: the handling officer asked for a supplement (Form 02 again); the clock stops per the pause policy. */
    PROCESSING_PAUSED,
    /** The decision is recorded and the result document ready; it waits to be returned. */
    RESULT_READY,
    /** The result was returned (at the counter or online). Final; the applicant may rate the service. */
    RETURNED,
    /** Processing stopped with a reason (Form 05), e.g. the applicant withdrew. Final. */
    STOPPED;

    public boolean isOpen() {
        return this != REFUSED && this != DRAFT && this != RETURNED && this != STOPPED;
    }

    /** States a reception officer may decide on. */
    public static final Set<DossierState> AWAITING_RECEPTION = EnumSet.of(SUBMITTED);
}
