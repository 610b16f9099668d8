package vn.motcua.platform.db;

import java.util.function.Supplier;

/**
 * For a writer that makes many changes of the same kind in one transaction (the group commit of concurrent
 * submissions): what listeners write for each change on this thread — the outbox's messages — is collected while
 * {@code work} runs and written together, one statement, in the same transaction, when it returns. Only the caller
 * of {@link #grouped} defers: every other transaction writes as before, at once. Implemented by the notify module.
 */
public interface GroupedWrites {

    /**
     * Runs {@code work} inside the current transaction, then writes what it deferred. When {@code work} throws, what
     * it deferred is dropped (the transaction rolls back with it). Nested calls join the outer one.
     */
    <T> T grouped(Supplier<T> work);

    /** No grouping: the work runs and every write happens at once (a context without the notify module). */
    GroupedWrites NONE = new GroupedWrites() {
        @Override
        public <T> T grouped(Supplier<T> work) {
            return work.get();
        }
    };
}
