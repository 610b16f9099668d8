package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the batch's transaction once per transferred batch of a reorganisation plan: listeners (run
 * in that transaction) tell the applicants in {@code notices} — those with an e-mail address, read by the statement
 * that moved them; empty when the plan said not to notify — the new handling agency and their unchanged due date.
 */
public record DossiersTransferred(UUID planId, int batchNo, int moved, Instant effective, Boolean notifyApplicants,
                                  List<DossierTransfers.TransferNotice> notices) {

    public DossiersTransferred {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** Whether applicants are to be told (null, in events stored before the flag existed: yes). */
    public boolean notifies() {
        return notifyApplicants == null || notifyApplicants;
    }
}
