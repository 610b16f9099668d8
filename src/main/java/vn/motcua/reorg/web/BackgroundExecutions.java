package vn.motcua.reorg.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.internal.ReorgEngine;

/**
 * Executions started from the plan page or the API's asynchronous mode: a million dossiers take minutes, so the
 * request returns at once and the caller follows the progress. What fails at once (unknown plan, already running,
 * invalid) is refused before starting; a failure during the run is kept for the plan's page and progress (this node
 * only) — executing again resumes where it stopped.
 */
@Component
class BackgroundExecutions {

    private static final Logger log = LoggerFactory.getLogger(BackgroundExecutions.class);

    private final ReorgEngine engine;
    private final TaskExecutor background;
    private final MessageSource messages;
    private final Map<UUID, String> failures = new ConcurrentHashMap<>();

    BackgroundExecutions(ReorgEngine engine, @Qualifier("applicationTaskExecutor") TaskExecutor background,
                         MessageSource messages) {
        this.engine = engine;
        this.background = background;
        this.messages = messages;
    }

    /** Checks, then starts the execution on the task executor; throws ApiException when it cannot start. */
    void start(UUID id, String user, Locale locale) {
        engine.requireExecutable(id);
        failures.remove(id);
        background.execute(() -> {
            try {
                engine.execute(id, user);
            } catch (ApiException e) {
                failures.put(id, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            } catch (RuntimeException e) {
                log.error("Execution of plan {} stopped", id, e);
                failures.put(id, messages.getMessage("reorg.exec.failed", new Object[] {e.getMessage()},
                        "reorg.exec.failed", locale));
            }
        });
    }

    /** Why the last background execution of the plan stopped, if it did. */
    Optional<String> failure(UUID id) {
        return Optional.ofNullable(failures.get(id));
    }
}
