package vn.motcua.assistant.training;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.reorg.ExecutionObserver;

/**
 * When a reorganisation has moved the officers of its closing agencies, each officer who takes on procedures new to
 * them gets a training per such procedure (in the executing transaction: a resumed execution calls it again, and the
 * insert is idempotent).
 */
@Component
class TrainingOnReorganisation implements ExecutionObserver {

    private static final Logger log = LoggerFactory.getLogger(TrainingOnReorganisation.class);

    private final TrainingQueries queries;
    private final Clock clock;

    TrainingOnReorganisation(TrainingQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public void officersMoved(UUID planId, int moved, int awaitingDecision) {
        int added = queries.assignFromPlan(planId, clock.instant());
        if (added > 0) {
            log.info("Plan {}: {} trainings for new duties assigned", planId, added);
        }
    }
}
