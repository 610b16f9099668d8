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
 * old view back. Entries expire after {@code motcua.territory.staff-cache-ttl} (30 s by default): that bounds how
 * long another node of a cluster serves holdings changed elsewhere.
 */
@Component
public class StaffCache {

    /** One look-up: its kind and arguments (a record) and the generation it was asked in. */
    private record Key(long generation, Object query) {
    }

    private final Cache<Key, List<?>> entries;
    private final AtomicLong generation = new AtomicLong();
    /** Bound as a transaction resource while the current transaction has changed staff. */
    private final Object writing = new Object();

    public StaffCache(@Value("${motcua.territory.staff-cache-ttl:30s}") Duration ttl) {
        this.entries = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(ttl).build();
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
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.hasResource(writing)) {
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
