package vn.motcua.dossier.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import vn.motcua.dossier.DossierState;

/**
 * The processing state machine: which action is allowed in which dossier state, and the state it
 * leads to. Everything not in the table is refused (409). Who may act (role, agency, assignee) is
 * checked apart, by {@link ProcessingContext} (and listed for the pages by {@link AvailableActions}).
 */
public final class ProcessingRules {

    /** What an officer (or the applicant, for SUPPLY and RATE) can do to a dossier in processing. */
    public enum Action {
        CLAIM, ASSIGN, FORWARD, SEND_BACK, TRANSFER, REQUEST_SUPPLEMENT, SUPPLY, EXTEND, STOP, DECIDE,
        RETURN_RESULT, RATE
    }

    private static final Map<DossierState, Map<Action, DossierState>> TABLE = new EnumMap<>(DossierState.class);

    static {
        allow(DossierState.ACCEPTED, Action.CLAIM, DossierState.ACCEPTED);
        allow(DossierState.ACCEPTED, Action.ASSIGN, DossierState.ACCEPTED);
        allow(DossierState.ACCEPTED, Action.FORWARD, DossierState.ACCEPTED);
        allow(DossierState.ACCEPTED, Action.SEND_BACK, DossierState.ACCEPTED);
        allow(DossierState.ACCEPTED, Action.TRANSFER, DossierState.ACCEPTED);
        allow(DossierState.ACCEPTED, Action.REQUEST_SUPPLEMENT, DossierState.PROCESSING_PAUSED);
        allow(DossierState.ACCEPTED, Action.EXTEND, DossierState.ACCEPTED);
        allow(DossierState.ACCEPTED, Action.STOP, DossierState.STOPPED);
        allow(DossierState.ACCEPTED, Action.DECIDE, DossierState.RESULT_READY);

        allow(DossierState.PROCESSING_PAUSED, Action.ASSIGN, DossierState.PROCESSING_PAUSED);
        allow(DossierState.PROCESSING_PAUSED, Action.SUPPLY, DossierState.ACCEPTED);
        allow(DossierState.PROCESSING_PAUSED, Action.EXTEND, DossierState.PROCESSING_PAUSED);
        allow(DossierState.PROCESSING_PAUSED, Action.STOP, DossierState.STOPPED);

        allow(DossierState.RESULT_READY, Action.CLAIM, DossierState.RESULT_READY);
        allow(DossierState.RESULT_READY, Action.ASSIGN, DossierState.RESULT_READY);
        allow(DossierState.RESULT_READY, Action.EXTEND, DossierState.RESULT_READY);
        allow(DossierState.RESULT_READY, Action.RETURN_RESULT, DossierState.RETURNED);

        allow(DossierState.RETURNED, Action.RATE, DossierState.RETURNED);
    }

    private ProcessingRules() {
    }

    private static void allow(DossierState from, Action action, DossierState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The state the action leads to, or empty when it is not allowed in that state. */
    public static Optional<DossierState> next(DossierState state, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(state, Map.of()).get(action));
    }

    public static boolean allowed(DossierState state, Action action) {
        return next(state, action).isPresent();
    }

    /** States in which processing runs (there is an open step). */
    public static boolean inProcessing(DossierState s) {
        return s == DossierState.ACCEPTED || s == DossierState.PROCESSING_PAUSED || s == DossierState.RESULT_READY;
    }
}
