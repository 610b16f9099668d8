-- Throttling state shared by every node (platform/throttle, PostgresThrottleStore): token buckets ("b|" keys) and
-- penalties ("p|" keys) in one table. A row whose expires_at has passed says nothing any more (the bucket is full
-- again, the penalty forgotten); a job on one node at a time deletes such rows.
-- Unlogged: no WAL, so a check never waits for a disk flush at commit. The price: after a PostgreSQL crash (not a
-- clean restart) or on a promoted standby the counters start empty, which forgives at most one window of attempts.
create unlogged table throttle_counter (
    key          text primary key,
    tokens       double precision,
    refilled_at  timestamptz,
    taken        boolean,
    failures     integer,
    lockouts     integer,
    locked_until timestamptz,
    last_failure timestamptz,
    expires_at   timestamptz not null
);
create index throttle_counter_expires on throttle_counter (expires_at);
