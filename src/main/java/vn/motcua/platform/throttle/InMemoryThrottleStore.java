package vn.motcua.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * This node's throttling state, in two bounded Caffeine caches (least recently used keys go first, idle ones
 * expire): an attacker who floods with new keys evicts old ones, but each of its requests is itself counted
 * against its address. Time comes from the application's {@link Clock}, so tests can move it.
 */
public class InMemoryThrottleStore implements ThrottleStore {

    private final Cache<String, Bucket> buckets;
    private final Cache<String, Penalty> penalties;
    private final TimeMeter time;

    /**
     * @param keepBuckets   how long an unused bucket is kept: after its longest refill period it is full again, so
     *                      forgetting it then loses nothing
     * @param keepPenalties how long an untouched penalty is kept (the longest lock or memory of failures)
     */
    public InMemoryThrottleStore(Clock clock, int maxKeys, Duration keepBuckets, Duration keepPenalties) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(keepBuckets).build();
        this.penalties = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(keepPenalties).build();
    }

    @Override
    public Duration take(String key, Limit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    @Override
    public Duration waitFor(String key, Limit limit) {
        return Duration.ofNanos(bucket(key, limit).estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(String key, Limit limit) {
        return buckets.get(key + "|" + limit, k -> {
            LocalBucketBuilder b = Bucket.builder().withCustomTimePrecision(time);
            for (var bandwidth : limit.bucket().getBandwidths()) {
                b.addLimit(bandwidth);
            }
            return b.build();
        });
    }

    @Override
    public Penalty penalty(String key) {
        Penalty p = penalties.getIfPresent(key);
        return p == null ? Penalty.NONE : p;
    }

    @Override
    public Penalty updatePenalty(String key, UnaryOperator<Penalty> change) {
        Penalty updated = penalties.asMap().compute(key, (k, old) -> {
            Penalty next = change.apply(old == null ? Penalty.NONE : old);
            return next == null || next.equals(Penalty.NONE) ? null : next;
        });
        return updated == null ? Penalty.NONE : updated;
    }
}
