package vn.motcua.support;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan's {@code PlanExecuted} in the event publication registry: whether it was published, and waiting (polling the
 * registry, at most a minute) until its listeners have completed it — they run after the commit, on the task executor.
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    /** Publications of the plan's {@code PlanExecuted} (one per listener), completed or not. */
    public static long published(JdbcClient jdbc, UUID planId) {
        return jdbc.sql("select count(*) from event_publication where event_type = 'vn.motcua.reorg.PlanExecuted' "
                + "and serialized_event like ?").param("%" + planId + "%").query(Long.class).single();
    }

    /** Publications of the plan's {@code PlanExecuted} not completed yet. */
    public static long incomplete(JdbcClient jdbc, UUID planId) {
        return jdbc.sql("select count(*) from event_publication where event_type = 'vn.motcua.reorg.PlanExecuted' "
                + "and serialized_event like ? and (completion_date is null or status = 'FAILED')")
                .param("%" + planId + "%").query(Long.class).single();
    }

    /** Waits until the plan's {@code PlanExecuted} is published and every listener has completed it. */
    public static void awaitCompleted(JdbcClient jdbc, UUID planId) {
        awaitCompleted(jdbc, planId, Duration.ofMinutes(1));
    }

    /** The same, waiting at most {@code atMost} (a bench's million notices take longer than a test's handful). */
    public static void awaitCompleted(JdbcClient jdbc, UUID planId, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> published(jdbc, planId) > 0 && incomplete(jdbc, planId) == 0);
    }
}
