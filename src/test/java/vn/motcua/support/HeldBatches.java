package vn.motcua.support;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.motcua.reorg.ExecutionObserver;

/**
 * Only in a node started with {@code motcua.test.hold-after-batches=N}: once N batches of a reorganisation have
 * committed, the executing thread waits for a release that never comes, holding the plan half done until the test
 * kills the node (ReorgFailoverTest). No timing: the node stops at exactly N batches.
 */
@Component
@ConditionalOnProperty("motcua.test.hold-after-batches")
class HeldBatches implements ExecutionObserver {

    private final int holdAfter;
    private final AtomicInteger done = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);

    HeldBatches(@Value("${motcua.test.hold-after-batches}") int holdAfter) {
        this.holdAfter = holdAfter;
    }

    @Override
    public void batchDone(UUID planId, int batchNo, int moved) {
        if (done.incrementAndGet() >= holdAfter) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
