package vn.motcua.reorg;

import java.util.UUID;

/**
 * Told about the progress of a plan's execution (after the unit changes, after the officers' posts, after the journal is written, after
 * each committed batch). Beans of this type are called in order; an exception stops the execution right there,
 * as a crash would (used by the crash/resume test), and the next execute call resumes.
 */
public interface ExecutionObserver {

    default void unitsApplied(UUID planId) {
    }

    /** After the officers of the closing agencies were moved to their successor posts (or left for a decision). */
    default void officersMoved(UUID planId, int moved, int awaitingDecision) {
    }

    default void journaled(UUID planId, long dossiers, int batches) {
    }

    default void batchDone(UUID planId, int batchNo, int moved) {
    }
}
