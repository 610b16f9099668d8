package vn.motcua.reorg.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node executes a plan, across the cluster: the executor holds a session-level PostgreSQL advisory lock on a
 * connection of its own for the whole run. When its process dies (kill -9, power loss) PostgreSQL ends the session
 * and the lock goes with it, so another node can tell "executing" from "executing, but its executor is gone".
 * The lock is only the signal: the journal and the per-batch locks already make two executors harmless.
 */
@Component
class PlanLeaseStore {

    private static final Logger log = LoggerFactory.getLogger(PlanLeaseStore.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PlanLeaseStore(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The plan's execution lease, held until {@link #close()}. */
    final class Lease implements AutoCloseable {

        private final UUID plan;
        private final Connection connection;

        private Lease(UUID plan, Connection connection) {
            this.plan = plan;
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
                    ps.setString(1, key(plan));
                    ps.execute();
                }
            } catch (SQLException e) {
                // The connection is gone (database restarted): the lock went with the session.
                log.debug("Plan {}: lease released with its connection ({})", plan, e.getMessage());
            }
        }
    }

    /** The lease, if no other session (on any node) holds it. */
    Optional<Lease> tryAcquire(UUID plan) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
                ps.setString(1, key(plan));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        Lease lease = new Lease(plan, c);
                        c = null;
                        return Optional.of(lease);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the execution lease of plan " + plan, e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // returned to the pool or already gone
                }
            }
        }
    }

    /** A plan left executing: its last run (by {@code by}) never said it stopped, so its process did not get to. */
    record Stranded(UUID plan, String by) {
    }

    /**
     * Plans in the executing state whose last run is still marked running (or that have no run yet): either running
     * now somewhere, or their executor died. A run that failed in its process is marked interrupted and is left for
     * an administrator to look at and execute again.
     */
    List<Stranded> executingWithoutEnd() {
        return jdbc.sql("""
                        select id, coalesce(execution -> 'runs' -> -1 ->> 'by', created_by) from reorg_plan
                        where state = 'EXECUTING'
                          and coalesce(execution -> 'runs' -> -1 ->> 'outcome', 'RUNNING') = 'RUNNING'
                        order by updated_at
                        """)
                .query((rs, n) -> new Stranded(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The executing node's row: who, since when, last sign of life (V50_10). */
    record Heartbeat(String node, java.time.Instant since, java.time.Instant beatAt) {
    }

    /** A run starts on {@code node}: its row, replacing a dead node's. */
    void startBeat(UUID plan, String node, java.time.Instant now) {
        jdbc.sql("""
                        insert into reorg_execution_heartbeat(plan_id, node, started_at, beat_at) values (?, ?, ?, ?)
                        on conflict (plan_id) do update set node = excluded.node, started_at = excluded.started_at,
                          beat_at = excluded.beat_at""")
                .params(plan, node, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).update();
    }

    /** Still alive: renews the beat of the plans {@code node} runs. */
    void beat(java.util.Collection<UUID> plans, String node, java.time.Instant now) {
        for (UUID plan : plans) {
            jdbc.sql("update reorg_execution_heartbeat set beat_at = ? where plan_id = ? and node = ?")
                    .params(java.sql.Timestamp.from(now), plan, node).update();
        }
    }

    /** The run on {@code node} ended (completed or failed in its process). */
    void endBeat(UUID plan, String node) {
        jdbc.sql("delete from reorg_execution_heartbeat where plan_id = ? and node = ?").params(plan, node).update();
    }

    /** Whether the plan's last run is still marked running (its process never said it stopped). */
    boolean lastRunRunning(UUID plan) {
        return jdbc.sql("""
                        select coalesce(execution -> 'runs' -> -1 ->> 'outcome', 'RUNNING') = 'RUNNING' from reorg_plan
                        where id = ?""")
                .param(plan).query(Boolean.class).optional().orElse(false);
    }

    Optional<Heartbeat> heartbeat(UUID plan) {
        return jdbc.sql("select node, started_at, beat_at from reorg_execution_heartbeat where plan_id = ?")
                .param(plan)
                .query((rs, n) -> new Heartbeat(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private static String key(UUID plan) {
        return "reorg-execution:" + plan;
    }
}
