package vn.motcua.platform.throttle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttling state in PostgreSQL ({@code throttle_counter}, Flyway V24_1), so that every node behind the load
 * balancer counts the same attempts: a client that fails on node A is refused on node B. A bucket operation is one
 * statement (an upsert that refills by the time passed and takes a token, or a read); a penalty change, which
 * happens only on a failure, is read-modify-write under a transaction-level advisory lock on its key. Time comes from
 * the application's {@link Clock}, as in {@link InMemoryThrottleStore}: tests can move it.
 */
public class PostgresThrottleStore implements ThrottleStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresThrottleStore.class);
    /** Advisory lock of the clean-up job: one node at a time. */
    static final String CLEANUP_LOCK = "throttle-cleanup";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration keepPenalties;

    /** @param keepPenalties how long an untouched penalty is kept (the longest lock or memory of failures) */
    public PostgresThrottleStore(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Duration keepPenalties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.keepPenalties = keepPenalties;
    }

    /*
     * Tokens refill evenly (Bucket4j's greedy refill): at a check the bucket holds min(capacity, tokens + elapsed *
     * rate). Every SET expression sees the old row, so "taken" and "tokens" agree. A node whose clock is behind
     * never moves refilled_at back.
     */
    @Override
    public Duration take(String key, Limit limit) {
        Instant now = clock.instant();
        double rate = rate(limit);
        return jdbc.sql("""
                        insert into throttle_counter as t (key, tokens, refilled_at, taken, expires_at)
                        values (:key, :cap - 1, :now, true, :expires)
                        on conflict (key) do update set
                          taken = least(:cap, t.tokens + greatest(0, extract(epoch from excluded.refilled_at - t.refilled_at)) * :rate) >= 1,
                          tokens = least(:cap, t.tokens + greatest(0, extract(epoch from excluded.refilled_at - t.refilled_at)) * :rate)
                                   - case when least(:cap, t.tokens + greatest(0, extract(epoch from excluded.refilled_at - t.refilled_at)) * :rate) >= 1
                                          then 1 else 0 end,
                          refilled_at = greatest(t.refilled_at, excluded.refilled_at),
                          expires_at = excluded.expires_at
                        returning taken, tokens
                        """)
                .param("key", bucketKey(key, limit)).param("cap", (double) limit.capacity()).param("rate", rate)
                .param("now", ts(now)).param("expires", ts(now.plus(limit.period())))
                .query((rs, n) -> rs.getBoolean(1) ? Duration.ZERO : waitFor(rs.getDouble(2), rate))
                .single();
    }

    @Override
    public Duration waitFor(String key, Limit limit) {
        double rate = rate(limit);
        return jdbc.sql("""
                        select least(:cap, tokens + greatest(0, extract(epoch from :now - refilled_at)) * :rate)
                        from throttle_counter where key = :key
                        """)
                .param("key", bucketKey(key, limit)).param("cap", (double) limit.capacity()).param("rate", rate)
                .param("now", ts(clock.instant()))
                .query((rs, n) -> waitFor(rs.getDouble(1), rate)).optional().orElse(Duration.ZERO);
    }

    @Override
    public Penalty penalty(String key) {
        return read(key, clock.instant()).orElse(Penalty.NONE);
    }

    @Override
    public Penalty updatePenalty(String key, UnaryOperator<Penalty> change) {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))::text").param("k", "throttle:" + key)
                    .query(String.class).single();
            Instant now = clock.instant();
            Penalty next = change.apply(read(key, now).orElse(Penalty.NONE));
            if (next == null || next.equals(Penalty.NONE)) {
                jdbc.sql("delete from throttle_counter where key = :key").param("key", penaltyKey(key)).update();
                return Penalty.NONE;
            }
            jdbc.sql("""
                            insert into throttle_counter (key, failures, lockouts, locked_until, last_failure, expires_at)
                            values (:key, :failures, :lockouts, :until, :last, :expires)
                            on conflict (key) do update set failures = excluded.failures, lockouts = excluded.lockouts,
                              locked_until = excluded.locked_until, last_failure = excluded.last_failure,
                              expires_at = excluded.expires_at
                            """)
                    .param("key", penaltyKey(key)).param("failures", next.failures()).param("lockouts", next.lockouts())
                    .param("until", ts(next.lockedUntil())).param("last", ts(next.lastFailure()))
                    .param("expires", ts(later(now, next.lockedUntil()).plus(keepPenalties))).update();
            return next;
        });
    }

    /**
     * Deletes the rows that say nothing any more. Cluster-safe: the node that gets the advisory lock does it, the
     * others skip the round.
     *
     * @return rows deleted, or -1 when another node held the lock
     */
    @Scheduled(fixedDelayString = "${motcua.throttle.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    public int cleanUp() {
        Integer deleted = tx.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
                    .param("k", CLEANUP_LOCK).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return -1;
            }
            return jdbc.sql("delete from throttle_counter where expires_at <= :now")
                    .param("now", ts(clock.instant())).update();
        });
        if (deleted != null && deleted > 0) {
            log.debug("Throttle: {} expired counters deleted", deleted);
        }
        return deleted == null ? -1 : deleted;
    }

    private Optional<Penalty> read(String key, Instant now) {
        return jdbc.sql("select failures, lockouts, locked_until, last_failure from throttle_counter "
                        + "where key = :key and expires_at > :now")
                .param("key", penaltyKey(key)).param("now", ts(now))
                .query((rs, n) -> new Penalty(rs.getInt(1), rs.getInt(2), instant(rs, 3), instant(rs, 4)))
                .optional();
    }

    private static Duration waitFor(double tokens, double rate) {
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / rate * 1e9));
    }

    private static double rate(Limit limit) {
        return limit.capacity() / (limit.period().toNanos() / 1e9);
    }

    private static String bucketKey(String key, Limit limit) {
        return "b|" + key + "|" + limit;
    }

    private static String penaltyKey(String key) {
        return "p|" + key;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
