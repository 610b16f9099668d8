package vn.motcua.reorg.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The executing node's sign of life, so that every node's plan page can say where a plan runs and since when, and
 * that it was interrupted when the beat stops ({@link PlanLeaseStore#startBeat}, V50_10). The beat runs on a thread of
 * its own, not on the shared scheduler, where a long job could delay it and make a living executor look dead.
 */
@Component
class ExecutionHeartbeat implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExecutionHeartbeat.class);

    private final PlanLeaseStore store;
    private final Clock clock;
    private final String node;
    private final Duration stale;
    private final Duration resumeAfter;
    private final Set<UUID> here = ConcurrentHashMap.newKeySet();
    private final ThreadPoolTaskScheduler beats;

    ExecutionHeartbeat(PlanLeaseStore store, Clock clock, @Value("${motcua.cluster.node-name:}") String node,
                       @Value("${motcua.reorg.heartbeat-interval:PT2S}") Duration interval,
                       @Value("${motcua.reorg.heartbeat-stale:PT10S}") Duration stale,
                       @Value("${motcua.reorg.resume-after:PT15S}") Duration resumeAfter) {
        this.store = store;
        this.clock = clock;
        this.node = node == null || node.isBlank() ? defaultName() : node.strip();
        this.stale = stale;
        // another node takes up a plan only after the page has said it is interrupted
        this.resumeAfter = resumeAfter.compareTo(stale) < 0 ? stale : resumeAfter;
        // Spring's scheduler, owned here like ReorgWorkers' pools: one thread of its own, not the shared scheduler's
        this.beats = new ThreadPoolTaskScheduler();
        beats.setPoolSize(1);
        beats.setThreadNamePrefix("reorg-heartbeat-");
        beats.setDaemon(true);
        beats.initialize();
        beats.scheduleWithFixedDelay(this::beat, interval); // system time: a test clock must not delay the beat
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }

    String node() {
        return node;
    }

    /** A run starts here. */
    void started(UUID plan) {
        here.add(plan);
        store.startBeat(plan, node, clock.instant());
    }

    /** The run here ended; its row goes (if the database is down, the row stays and reads as a silent node). */
    void ended(UUID plan) {
        here.remove(plan);
        try {
            store.endBeat(plan, node);
        } catch (RuntimeException e) {
            log.warn("Plan {}: heartbeat row not removed ({})", plan, e.getMessage());
        }
    }

    private void beat() {
        if (here.isEmpty()) {
            return;
        }
        try {
            store.beat(Set.copyOf(here), node, clock.instant());
        } catch (RuntimeException e) {
            // the database is restarting: the next beat will do
            log.debug("Reorganisation heartbeat not written ({})", e.getMessage());
        }
    }

    /**
     * Whether another node may take the plan up: its executor has been silent for {@code motcua.reorg.resume-after}
     * (or never beat). With the free execution lease this keeps a living executor whose lease connection was cut (a
     * database restart) from being doubled.
     */
    boolean silent(UUID plan) {
        Optional<PlanLeaseStore.Heartbeat> hb = store.heartbeat(plan);
        return hb.isEmpty() || !hb.get().beatAt().plus(resumeAfter).isAfter(clock.instant());
    }

    /** Who executes the plan, as far as the heartbeat row tells; empty when no run has one. */
    Optional<PlanExecutor.Executor> executor(UUID plan, boolean runningHere, boolean executing) {
        Optional<PlanLeaseStore.Heartbeat> hb = store.heartbeat(plan);
        if (hb.isEmpty()) {
            return Optional.empty();
        }
        PlanLeaseStore.Heartbeat h = hb.get();
        PlanExecutor.Executor.Status status = PlanExecutor.Executor.status(runningHere, h.beatAt(), clock.instant(),
                stale);
        if (status == PlanExecutor.Executor.Status.SILENT
                && (!executing || !store.lastRunRunning(plan))) {
            return Optional.empty(); // a leftover row: the run ended (its row could not be removed) or failed here
        }
        if (status == PlanExecutor.Executor.Status.ELSEWHERE && !executing) {
            return Optional.empty();
        }
        return Optional.of(new PlanExecutor.Executor(h.node(), h.since(), h.beatAt(), status));
    }

    @Override
    public void destroy() {
        beats.shutdown();
    }
}
