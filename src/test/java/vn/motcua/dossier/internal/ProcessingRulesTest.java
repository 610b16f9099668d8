package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.ProcessingRules.Action;

/** The processing state machine: every allowed transition, and every other (state, action) refused. */
class ProcessingRulesTest {

    /** The whole table, written out independently of the implementation. */
    static final Map<DossierState, Map<Action, DossierState>> EXPECTED = new EnumMap<>(DossierState.class);

    static {
        put(DossierState.ACCEPTED, Action.CLAIM, DossierState.ACCEPTED);
        put(DossierState.ACCEPTED, Action.ASSIGN, DossierState.ACCEPTED);
        put(DossierState.ACCEPTED, Action.FORWARD, DossierState.ACCEPTED);
        put(DossierState.ACCEPTED, Action.SEND_BACK, DossierState.ACCEPTED);
        put(DossierState.ACCEPTED, Action.TRANSFER, DossierState.ACCEPTED);
        put(DossierState.ACCEPTED, Action.REQUEST_SUPPLEMENT, DossierState.PROCESSING_PAUSED);
        put(DossierState.ACCEPTED, Action.EXTEND, DossierState.ACCEPTED);
        put(DossierState.ACCEPTED, Action.STOP, DossierState.STOPPED);
        put(DossierState.ACCEPTED, Action.DECIDE, DossierState.RESULT_READY);
        put(DossierState.PROCESSING_PAUSED, Action.ASSIGN, DossierState.PROCESSING_PAUSED);
        put(DossierState.PROCESSING_PAUSED, Action.SUPPLY, DossierState.ACCEPTED);
        put(DossierState.PROCESSING_PAUSED, Action.EXTEND, DossierState.PROCESSING_PAUSED);
        put(DossierState.PROCESSING_PAUSED, Action.STOP, DossierState.STOPPED);
        put(DossierState.RESULT_READY, Action.CLAIM, DossierState.RESULT_READY);
        put(DossierState.RESULT_READY, Action.ASSIGN, DossierState.RESULT_READY);
        put(DossierState.RESULT_READY, Action.EXTEND, DossierState.RESULT_READY);
        put(DossierState.RESULT_READY, Action.RETURN_RESULT, DossierState.RETURNED);
        put(DossierState.RETURNED, Action.RATE, DossierState.RETURNED);
    }

    static void put(DossierState from, Action a, DossierState to) {
        EXPECTED.computeIfAbsent(from, s -> new HashMap<>()).put(a, to);
    }

    @Test
    void everyStateTimesEveryActionIsEitherTheListedTransitionOrRefused() {
        int allowed = 0;
        for (DossierState s : DossierState.values()) {
            for (Action a : Action.values()) {
                DossierState expected = EXPECTED.getOrDefault(s, Map.of()).get(a);
                assertThat(ProcessingRules.next(s, a)).as(s + " × " + a).isEqualTo(java.util.Optional.ofNullable(expected));
                if (expected != null) {
                    allowed++;
                }
            }
        }
        assertThat(allowed).isEqualTo(18);
    }

    @Test
    void finalAndIntakeStatesAllowNoProcessingAction() {
        for (DossierState s : new DossierState[]{DossierState.DRAFT, DossierState.SUBMITTED, DossierState.TRIAGE,
                DossierState.SUPPLEMENT_REQUESTED, DossierState.REFUSED, DossierState.STOPPED}) {
            for (Action a : Action.values()) {
                assertThat(ProcessingRules.allowed(s, a)).as(s + " × " + a).isFalse();
            }
        }
    }

    /** Every state × every action: the space is small, so all of it (as before), nothing random. */
    static Stream<Arguments> noTransitionLeavesAFinalStateOrReopensIt() {
        return Arrays.stream(DossierState.values()).flatMap(s -> Arrays.stream(Action.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest
    @MethodSource
    void noTransitionLeavesAFinalStateOrReopensIt(DossierState s, Action a) {
        ProcessingRules.next(s, a).ifPresent(to -> {
            assertThat(s.isOpen() || s == DossierState.RETURNED).isTrue();
            if (!to.isOpen()) {
                assertThat(a).isIn(Action.STOP, Action.RETURN_RESULT, Action.RATE);
            }
        });
    }
}
