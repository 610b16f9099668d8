package vn.motcua.reorg.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's lock per plan under execution (across nodes the lease does it, {@link PlanLeaseStore}): an entry lives
 * while its run does, so the map holds the plans running here, not every plan ever executed.
 */
final class PlanLocks {

    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The plan's lock, held by the caller; null when another run of it holds it on this node. */
    ReentrantLock tryLock(UUID id) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        return lock.tryLock() ? lock : null;
    }

    /**
     * Releases what {@link #tryLock} gave. The entry goes first, while still held: a run starting meanwhile either
     * finds the held lock (refused, as this run is not over) or makes a fresh one; never one about to be dropped.
     */
    void release(UUID id, ReentrantLock lock) {
        if (lock.getHoldCount() == 1) {
            locks.remove(id, lock);
        }
        lock.unlock();
    }

    /** Whether a run of the plan holds its lock on this node. */
    boolean held(UUID id) {
        ReentrantLock lock = locks.get(id);
        return lock != null && lock.isLocked();
    }

    /** How many plans have an entry (those running here). */
    int size() {
        return locks.size();
    }
}
