package vn.motcua.platform.throttle;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/**
 * A token bucket: {@code capacity} tokens, refilled evenly ({@code capacity} per {@code period}). Written in
 * configuration as {@code capacity/period}, e.g. {@code 5/PT15M} (see {@link LimitConverter}).
 */
public record Limit(long capacity, Duration period) {

    public Limit {
        if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A limit needs a positive capacity and period, e.g. 5/PT15M");
        }
    }

    public static Limit parse(String text) {
        String[] parts = text.strip().split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Expected capacity/period, e.g. 5/PT15M, not " + text);
        }
        return new Limit(Long.parseLong(parts[0].strip()), Duration.parse(parts[1].strip()));
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }

    @Override
    public String toString() {
        return capacity + "/" + period;
    }
}
