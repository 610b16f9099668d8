package vn.motcua.platform.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Where throttling state lives: token buckets (Bucket4j) and penalties (failures in a row, locks), each under a key
 * such as {@code track-code:UBND-26740-261126-0001} or {@code sign-in-client:203.0.113.7}.
 * <p>
 * {@link InMemoryThrottleStore} keeps them in this node's memory (bounded); that is right for one node. For
 * several nodes behind a load balancer a PostgreSQL-backed store replaces it without touching any caller: buckets
 * through Bucket4j's {@code bucket4j-postgresql} proxy manager (the same {@link Limit#bucket()} configurations,
 * state in a table, one row lock per consumption), penalties as rows updated with {@code SELECT ... FOR UPDATE}.
 * Every operation is one atomic step on one key, which is what both kinds of store can do cheaply.
 */
public interface ThrottleStore {

    /**
     * Takes one token from the bucket under {@code key} (created full with {@code limit}).
     *
     * @return zero if a token was taken, otherwise how long until one is available (nothing taken)
     */
    Duration take(String key, Limit limit);

    /** How long until the bucket under {@code key} has a token, taking none; zero if it has one now. */
    Duration waitFor(String key, Limit limit);

    /** The penalty under {@code key}, or {@link Penalty#NONE}. */
    Penalty penalty(String key);

    /** Replaces the penalty under {@code key} atomically with {@code change(old)}; {@link Penalty#NONE} removes it. */
    Penalty updatePenalty(String key, UnaryOperator<Penalty> change);

    /**
     * Failures in a row and the lock they earned.
     *
     * @param failures    failures since the last success (or since they were forgotten)
     * @param lockouts    locks imposed in this run of failures (each doubles the next)
     * @param lockedUntil refused until this instant (null: not locked)
     * @param lastFailure when the last failure happened (null: none)
     */
    record Penalty(int failures, int lockouts, Instant lockedUntil, Instant lastFailure) {

        public static final Penalty NONE = new Penalty(0, 0, null, null);

        /** Time left on the lock at {@code now}; zero when not locked. */
        public Duration lockLeft(Instant now) {
            return lockedUntil == null || !now.isBefore(lockedUntil) ? Duration.ZERO : Duration.between(now, lockedUntil);
        }
    }
}
