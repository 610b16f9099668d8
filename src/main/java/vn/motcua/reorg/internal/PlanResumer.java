package vn.motcua.reorg.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;

/**
 * Resumes a plan whose executing node died. Every few seconds each node looks for plans left executing with their
 * last run still marked running; for each whose executor has stopped beating ({@link ExecutionHeartbeat}, silent for
 * {@code motcua.reorg.resume-after}) and whose execution lease ({@link PlanLeaseStore}) nobody holds, it resumes
 * the execution from its journal ({@link PlanExecutor#execute}, the path a manual "execute again" takes) on a
 * background thread, as the user who started it. Two nodes that find the same plan race for the lease in
 * {@code execute}; the loser is refused ("busy") and lets it be. A plan that failed inside its process (its run
 * marked interrupted) is not retried here: a failure that repeats needs a person.
 */
@Component
class PlanResumer {

    private static final Logger log = LoggerFactory.getLogger(PlanResumer.class);

    private final PlanLeaseStore leases;
    private final PlanExecutor executor;
    private final TaskExecutor background;
    private final ExecutionHeartbeat heartbeat;

    PlanResumer(PlanLeaseStore leases, PlanExecutor executor,
                @Qualifier("applicationTaskExecutor") TaskExecutor background, ExecutionHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
        this.leases = leases;
        this.executor = executor;
        this.background = background;
    }

    @Scheduled(fixedDelayString = "${motcua.reorg.resume-interval:PT5S}",
            initialDelayString = "${motcua.reorg.resume-initial-delay:PT15S}")
    void scheduled() {
        resumeOrphans();
    }

    /** @return how many executions this node started resuming */
    int resumeOrphans() {
        int started = 0;
        for (PlanLeaseStore.Stranded s : leases.executingWithoutEnd()) {
            if (executor.runningHere(s.plan()) || !heartbeat.silent(s.plan())) {
                continue; // here, or its executor still beats (its lease may have gone with a database restart)
            }
            Optional<PlanLeaseStore.Lease> free = leases.tryAcquire(s.plan());
            if (free.isEmpty()) {
                continue; // its executor is alive (on another node)
            }
            free.get().close();
            log.warn("Plan {}: its executing node is gone; resuming the execution here from its journal", s.plan());
            started++;
            background.execute(() -> {
                try {
                    executor.execute(s.plan(), s.by());
                } catch (ApiException busy) {
                    log.info("Plan {}: another node took up the execution first ({})", s.plan(), busy.messageKey());
                } catch (RuntimeException e) {
                    log.error("Plan {}: the resumed execution stopped", s.plan(), e);
                }
            });
        }
        return started;
    }
}
