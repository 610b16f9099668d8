package vn.motcua.support;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.motcua.reorg.ExecutionObserver;

/**
 * Only in a node started with {@code motcua.test.slow-batches}: each committed batch of a reorganisation is followed
 * by a pause, so that a test can kill the node while its execution is half done (ReorgFailoverTest). Deliberately
 * slows the work; it hides no race.
 */
@Component
@ConditionalOnProperty("motcua.test.slow-batches")
class SlowBatches implements ExecutionObserver {

    private final Duration pause;

    SlowBatches(@Value("${motcua.test.slow-batches}") Duration pause) {
        this.pause = pause;
    }

    @Override
    public void batchDone(UUID planId, int batchNo, int moved) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
