package vn.motcua.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the batch's transaction once per transferred batch of a reorganisation plan: listeners (run
 * in that transaction) read the batch's applicants with {@link DossierTransfers#notices} and tell them the new handling
 * agency and their unchanged due date, unless the plan said not to.
 */
public record DossiersTransferred(UUID planId, int batchNo, int moved, Instant effective, Boolean notifyApplicants) {

    /** Whether applicants are to be told (null, in events stored before the flag existed: yes). */
    public boolean notifies() {
        return notifyApplicants == null || notifyApplicants;
    }
}
