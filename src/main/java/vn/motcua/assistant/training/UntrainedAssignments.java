package vn.motcua.assistant.training;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.spi.AssignmentCheck;
import vn.motcua.platform.api.ApiException;

/**
 * The dossier module's assignment asks here: when {@code motcua.training.block-untrained-assignment} is true, an
 * officer with an open training for the dossier's procedure is refused (409, naming the training). With the default
 * (false) nothing is asked of the database: the processing page's warning is all there is.
 */
@Component
class UntrainedAssignments implements AssignmentCheck {

    private final TrainingService training;

    UntrainedAssignments(TrainingService training) {
        this.training = training;
    }

    @Override
    public void beforeAssigning(String procedureCode, String assignee) {
        if (!training.blocking() || procedureCode == null || assignee == null) {
            return;
        }
        TrainingService.AssignmentCheck check = training.check(assignee, procedureCode);
        if (check.blocking()) {
            throw ApiException.conflict("training.assignment.blocked", check.officerName(), check.procedureName(),
                    procedureCode).with("training", procedureCode).with("assignee", assignee);
        }
    }
}
