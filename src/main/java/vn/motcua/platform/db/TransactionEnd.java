package vn.motcua.platform.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work for when the current transaction ends (committed or rolled back): clearing a cache its writes made stale. */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    /**
     * Runs {@code work} once the current transaction completes, or at once when there is none. A cache cleared this way
     * is not refilled from the old rows by a reader that started before the commit.
     */
    public static void afterCompletion(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
