package vn.motcua.dossier;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the batch's transaction once per transferred batch of a reorganisation plan. The applicants are
 * told later, once every batch of the plan is done ({@link DossierTransfers#claimBatchToAnnounce}).
 */
public record DossiersTransferred(UUID planId, int batchNo, int moved, Instant effective, Boolean notifyApplicants) {

    /** Whether applicants are to be told (null, in events stored before the flag existed: yes). */
    public boolean notifies() {
        return notifyApplicants == null || notifyApplicants;
    }
}
