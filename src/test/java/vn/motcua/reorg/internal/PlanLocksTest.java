package vn.motcua.reorg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

/** The node's plan locks: one run per plan at a time, and no entry left behind once a run ends. */
class PlanLocksTest {

    final PlanLocks locks = new PlanLocks();

    @Test
    void aSecondRunOfTheSamePlanIsRefusedWhileTheFirstHoldsIt() throws Exception {
        UUID plan = UUID.randomUUID();
        ReentrantLock first = locks.tryLock(plan);
        assertThat(first).isNotNull();
        assertThat(locks.held(plan)).isTrue();
        // another thread (another request) is refused; another plan is not
        assertThat(CompletableFuture.supplyAsync(() -> locks.tryLock(plan)).get()).isNull();
        ReentrantLock other = locks.tryLock(UUID.randomUUID());
        assertThat(other).isNotNull();
        locks.release(plan, first);
        assertThat(locks.held(plan)).isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> {
            ReentrantLock again = locks.tryLock(plan);
            if (again != null) {
                locks.release(plan, again);
            }
            return again != null;
        }).get()).isTrue();
    }

    @Test
    void endedRunsLeaveNoEntry() {
        for (int i = 0; i < 1000; i++) {
            UUID plan = UUID.randomUUID();
            locks.release(plan, locks.tryLock(plan));
        }
        UUID running = UUID.randomUUID();
        ReentrantLock held = locks.tryLock(running);
        assertThat(locks.size()).isEqualTo(1);
        locks.release(running, held);
        assertThat(locks.size()).isZero();
    }
}
