package vn.motcua.platform.throttle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import vn.motcua.platform.cluster.ClusterSignals;

/**
 * The sign-in keys (account names, client addresses) this node has read as clean — no penalty, a failure left in the
 * client's bucket — so that an ordinary signed-in request reads no counter: the shared store is read again only after
 * a failed sign-in anywhere in the cluster. Every failure is announced ({@link #TOPIC}); on hearing it, or failing
 * here, a node moves to a new generation, and what it knew before counts for nothing. A clean read is remembered with
 * the generation it started in, so a failure committed while the read ran makes it stale rather than wrong. Only a
 * failure makes a key less clean (a bucket refills and a lock runs out on their own), which is why forgetting on
 * failures is enough. Entries also expire, a second line of defence should a signal be lost.
 */
final class KnownClean {

    static final String TOPIC = "throttle.sign-in";

    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Long> clean;

    KnownClean(int maxKeys, Duration expiry, ClusterSignals signals) {
        this.clean = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(expiry).build();
        signals.on(TOPIC, this::forget);
    }

    /** Take before reading the store; hand to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    boolean isClean(String key) {
        Long at = clean.getIfPresent(key);
        return at != null && at == generation.get();
    }

    /** The store said {@code key} is clean, in a read that started at generation {@code readAt}. */
    void remember(String key, long readAt) {
        if (readAt == generation.get()) {
            clean.put(key, readAt);
        }
    }

    /** A failure (here, or announced by any node): everything known clean is to be read again. */
    void forget() {
        generation.incrementAndGet();
    }
}
