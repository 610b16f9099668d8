package vn.motcua.platform.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A missing extension or right stops the start with its one line, not a stack trace. */
public class DatabasePrerequisitesFailureAnalyzer extends AbstractFailureAnalyzer<DatabasePrerequisites.Missing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabasePrerequisites.Missing cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Create the missing extensions or grant the missing rights as described in README, "
                        + "External PostgreSQL; then start Motcua again.", cause);
    }
}
