package vn.motcua.reorg.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON shapes stored with a plan and returned by the API (documented in docs/reorg.md). */
public final class Reports {

    private Reports() {
    }

    public record Finding(String key, List<String> args, String message) {
    }

    public record Validation(boolean ok, List<Finding> errors, List<Finding> warnings, Map<String, Long> counts,
                             Instant at) {
    }

    public record Count(String agency, String name, String unit, long count) {
    }

    public record Row(UUID dossierId, String code, String state, String procedure, String fromAgency, String toAgency,
                      String toAgencyName, String rule, String reason, Instant dueAt, boolean nearCutover) {
    }

    public record OfficerChange(String officer, String username, String post, String role, String fromAgency,
                                String toPost, boolean needsDecision) {
    }

    public record ProcedureChange(String procedure, long dossiers, long agencyPairs) {
    }

    public record DryRun(UUID planId, String planName, Instant effective, Instant generatedAt, long inFlight,
                         Map<String, Long> byRule, Map<String, Long> byState, List<Count> byOldAgency,
                         List<Count> byNewAgency, int nearCutoverWorkingDays, long nearCutover,
                         List<OfficerChange> officers, List<ProcedureChange> procedures, long unresolvedCount,
                         List<Row> unresolved, List<Row> dossiers, boolean dossiersTruncated, long millis,
                         long receivedAfterEffective, List<QuestionMove> questions) {
    }

    /**
     * Citizens' open questions (the questions module) of one closing agency and where they go: the successor agency
     * ({@code FULL_MERGE}) or, when the successor is uncertain (a split, functions handed down), the province service
     * centre ({@code TRIAGE}). {@code moved}: null in a dry run and until the move is made.
     */
    public record QuestionMove(String fromAgency, String toAgency, String toAgencyName, String rule, long open,
                               Integer moved) {
    }

    /**
     * The questions' part of a reconciliation: open questions journaled, moved, and still held by a closing agency
     * (part of the invariant); {@code countsMatch}: journaled = moved and none left.
     */
    public record QuestionCounts(long openBefore, long moved, long heldByClosedAgency, boolean countsMatch) {
    }

    /**
     * The report of a plan's execution: totals over all its runs ({@code moved}: every dossier moved by the plan;
     * {@code movedNow}: by the last run), {@code receivedAfterEffective}: journaled dossiers that came to a closing
     * agency on or after the effective instant (a plan recorded late); {@code runs}: each run, started, stopped, by
     * whom, and how it ended (COMPLETED, INTERRUPTED, RUNNING).
     */
    public record Execution(Map<String, Long> openBeforeByState, long journal, int batches, int batchesDone,
                            long moved, int unitsOpened, int unitsClosed, int unitsLinked, int agenciesDerived,
                            Instant startedAt, Instant finishedAt, long millis, long movedNow,
                            long receivedAfterEffective, List<Run> runs) {

        Execution withRuns(List<Run> r) {
            return new Execution(openBeforeByState, journal, batches, batchesDone, moved, unitsOpened, unitsClosed,
                    unitsLinked, agenciesDerived, startedAt, finishedAt, millis, movedNow, receivedAfterEffective, r);
        }

        Execution withUnits(int opened, int closed, int linked, int derived) {
            return new Execution(openBeforeByState, journal, batches, batchesDone, moved, opened, closed, linked, derived,
                    startedAt, finishedAt, millis, movedNow, receivedAfterEffective, runs);
        }

        Execution withJournal(Map<String, Long> before, long journalRows, long late) {
            return new Execution(before, journalRows, batches, batchesDone, moved, unitsOpened, unitsClosed, unitsLinked,
                    agenciesDerived, startedAt, finishedAt, millis, movedNow, late, runs);
        }
    }

    /** One run of a plan's execution. */
    public record Run(Instant startedAt, Instant stoppedAt, String by, String outcome, long moved) {
    }

    public record StateCount(long before, long after) {
    }

    /**
     * @param staleAssignments open steps assigned to an officer who holds no post in the step's agency (a holding the
     *                         plan ended, or a closed post); part of the invariant. Null in reconciliations stored
     *                         before this check existed.
     */
    public record Reconciliation(long openBefore, long openAfter, boolean invariantHolds, long heldByClosedAgency,
                                 long triage, Map<String, StateCount> byState, long journal, long untraceableFlows,
                                 boolean countsMatch, Instant at, Long staleAssignments,
                                 List<vn.motcua.dossier.StepAssignments.StaleAssignment> staleSample,
                                 Long strandedSystemWide, QuestionCounts questions) {
    }

    public record PlanView(UUID id, String name, String state, Instant effective, String legalBasis, String createdBy,
                           Instant createdAt, Instant updatedAt, Validation validation, DryRun dryRun,
                           Execution execution, Reconciliation reconciliation) {
    }
}
