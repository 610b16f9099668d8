package vn.motcua.catalogue.internal;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import vn.motcua.platform.cluster.ClusterSignals;
import vn.motcua.platform.db.TransactionEnd;

/**
 * What every submission reads and almost nothing writes: the published version in force for a code and a day, and
 * its parsed e-form schema. Published versions are immutable; the one in force changes only when a version is
 * published or the catalogue is imported, and both clear this cache once their transaction commits (clearing before
 * the commit would let a reader cache the old row again), on every node of a cluster (cluster signals). Entries also
 * expire after 30 seconds, should a signal ever be lost.
 */
@Component
public class CatalogueCache {

    private final Cache<Object, Object> entries = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    private final ClusterSignals signals;

    CatalogueCache(ClusterSignals signals) {
        this.signals = signals;
        signals.on("catalogue", entries::invalidateAll);
    }

    /** The cached value for the key (a record such as {@code InForce(code, day)}), loading it once if absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        return (T) entries.get(key, k -> load.get());
    }

    /** Call in the transaction that publishes or imports: clears the cache after it commits (at once without one). */
    public void clearAfterCommit() {
        TransactionEnd.afterCompletion(entries::invalidateAll);
        signals.announce("catalogue");
    }
}
