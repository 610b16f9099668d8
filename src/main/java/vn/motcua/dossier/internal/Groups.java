package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The loop of a thread that works off a queue in groups (the submissions' group commit, the results' delivery): wait
 * for one element, take with it every other one waiting, at most {@code max}, and hand the group over.
 */
final class Groups {

    private Groups() {
    }

    /**
     * Runs while {@code go} holds (checked between groups, at least once a second). A failure of one group goes to
     * {@code failed} and the loop goes on; an interrupt only makes it check {@code go} again.
     */
    static <T> void workOff(BlockingQueue<T> queue, int max, BooleanSupplier go, Consumer<List<T>> each,
                            BiConsumer<List<T>, Throwable> failed) {
        List<T> group = new ArrayList<>(max);
        while (go.getAsBoolean()) {
            try {
                T first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, max - 1);
                each.accept(group);
            } catch (InterruptedException e) {
                // stopping: go says whether what is still queued is worked off
            } catch (Throwable t) {
                failed.accept(group, t);
            } finally {
                group.clear();
            }
        }
    }
}
