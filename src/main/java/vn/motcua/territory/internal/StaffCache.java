package vn.motcua.territory.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.platform.cluster.ClusterSignals;

/**
 * The answers of {@link vn.motcua.territory.Staff} ({@code postsOf}, {@code postsOfOfficer}, {@code holders}) and of
 * the agency look-ups of {@link vn.motcua.territory.Territory} by their arguments: every processing action asks for
 * posts and every submission for its competent agency, and both change only on appointments and reorganisations.
 * <p>
 * Every territory write that can change a holding, a post, an officer or an agency calls {@link #changed()} after its
 * statement. That clears the cache at once and, inside a transaction, once more after it completes (committed or
 * rolled back); until then the writing transaction reads the database directly (its own uncommitted view is never
 * cached for others, and it never reads an entry older than its write). A look-up that started before a clear stores
 * its answer under the old generation, where no later look-up finds it, so a load racing a commit cannot bring the
 * old view back. The other nodes of a cluster clear theirs when the write commits (cluster signals); entries also
 * expire after {@code motcua.territory.staff-cache-ttl} (30 s by default), should a signal ever be lost.
 */
@Component
public class StaffCache {

    static final String SIGNAL = "staff";

    /** One look-up: its kind and arguments (a record) and the generation it was asked in. */
    private record Key(long generation, Object query) {
    }

    private final Cache<Key, List<?>> entries;
    private final AtomicLong generation = new AtomicLong();
    /** Bound as a transaction resource while the current transaction has changed staff. */
    private final Object writing = new Object();

    private final ClusterSignals signals;

    public StaffCache(@Value("${motcua.territory.staff-cache-ttl:30s}") Duration ttl, ClusterSignals signals) {
        this.entries = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(ttl).build();
        this.signals = signals;
        signals.on(SIGNAL, this::clear);
    }

    /** The cached answer to the query (a record of its arguments), loading it once if absent; unmodifiable. */
    @SuppressWarnings("unchecked")
    public <T> List<T> get(Object query, Supplier<List<T>> load) {
        if (TransactionSynchronizationManager.hasResource(writing)) {
            return List.copyOf(load.get());
        }
        return (List<T>) entries.get(new Key(generation.get(), query), k -> List.copyOf(load.get()));
    }

    /**
     * Call right after a statement that changed posts, holdings, officers or agencies: clears the cache now and, in a
     * transaction, again after it completes; until then this transaction bypasses the cache.
     */
    public void changed() {
        clear();
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive();
        if (!inTransaction) {
            signals.announce(SIGNAL);
        } else if (!TransactionSynchronizationManager.hasResource(writing)) {
            // Once per writing transaction: the other nodes clear when it commits.
            signals.announce(SIGNAL);
            TransactionSynchronizationManager.bindResource(writing, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(writing);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(writing, Boolean.TRUE);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(writing);
                    clear();
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
