package vn.motcua.reorg.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.ExecutionObserver;
import vn.motcua.reorg.PlanExecuted;
import vn.motcua.reorg.PlanState;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryChanges;

/**
 * Execution of a plan: unit changes, officers, the journal (once), then the batches on parallel workers; resumable,
 * and the report totals every run.
 */
@Service
public class PlanExecutor implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanExecutor.class);

    private final PlanStore store;
    private final PlanValidator validator;
    private final HoldingScopes scopes;
    private final PlanReconciler reconciler;
    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final TerritoryChanges changes;
    private final CustodyLedger transfers;
    private final WorkingCalendar calendar;
    private final OfficerMoves officerMoves;
    private final ObjectProvider<ExecutionObserver> observers;
    private final Clock clock;
    private final QuestionMoves questionMoves;
    private final PlanLeaseStore leases;
    private final ExecutionHeartbeat heartbeat;
    private final PlanLocks locks = new PlanLocks();
    private final int parallelism;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    /** The batch workers besides the caller (Spring's pool executor, shut down with the context). */
    private final org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor workers;

    PlanExecutor(PlanStore store, PlanValidator validator, HoldingScopes scopes, PlanReconciler reconciler,
                 Territory territory, TerritoryAgencies agencies, TerritoryChanges changes, CustodyLedger transfers,
                 WorkingCalendar calendar, OfficerMoves officerMoves, ObjectProvider<ExecutionObserver> observers,
                 Clock clock, @org.springframework.beans.factory.annotation.Value("${motcua.reorg.parallelism:0}") int parallelism,
                 TransactionTemplate tx, ApplicationEventPublisher events, QuestionMoves questionMoves,
                 PlanLeaseStore leases, ExecutionHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
        this.leases = leases;
        this.tx = tx;
        this.events = events;
        this.questionMoves = questionMoves;
        this.store = store;
        this.validator = validator;
        this.scopes = scopes;
        this.reconciler = reconciler;
        this.territory = territory;
        this.agencies = agencies;
        this.changes = changes;
        this.transfers = transfers;
        this.calendar = calendar;
        this.officerMoves = officerMoves;
        this.observers = observers;
        this.clock = clock;
        // Default: one batch worker per core, at most four (more only queue on the same disk).
        this.parallelism = parallelism > 0 ? parallelism : Math.min(4, Runtime.getRuntime().availableProcessors());
        this.workers = ReorgWorkers.pool("reorg-batch-", this.parallelism);
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    public Reports.Execution execute(UUID id, String user) {
        return execute(id, user, null);
    }

    /**
     * Which node executes a plan, from its heartbeat row: this one, another one that still beats, or one silent for
     * longer than {@code motcua.reorg.heartbeat-stale} (it died: interrupted, another node will resume the plan).
     */
    public record Executor(String node, Instant since, Instant lastBeat, Status status) {

        public enum Status { HERE, ELSEWHERE, SILENT }

        static Status status(boolean runningHere, Instant lastBeat, Instant now, java.time.Duration stale) {
            if (runningHere) {
                return Status.HERE;
            }
            return lastBeat.plus(stale).isAfter(now) ? Status.ELSEWHERE : Status.SILENT;
        }
    }

    /**
     * How far an execution has come: batches done of the journal's, whether it is running on this node now, and the
     * executing node (null when no run is under way).
     */
    public record Progress(String state, long moved, int batches, int batchesDone, boolean running, Executor executor) {

        public int percent() {
            return batches == 0 ? 0 : (int) (100L * batchesDone / batches);
        }

        public boolean runningElsewhere() {
            return executor != null && executor.status() == Executor.Status.ELSEWHERE;
        }

        /** Its executing node stopped beating mid-run: another node will take it up from the journal. */
        public boolean awaitingResume() {
            return executor != null && executor.status() == Executor.Status.SILENT;
        }

        /** Whether a page should keep following it. */
        public boolean active() {
            return running || runningElsewhere() || awaitingResume();
        }
    }

    /** Polled every few seconds during a run: a few indexed reads, no count over the journal, no plan compilation. */
    public Progress progress(UUID id) {
        PlanState state = store.state(id);
        boolean here = runningHere(id);
        CustodyLedger.Progress b = transfers.progress(id);
        Executor executor = heartbeat.executor(id, here, state == PlanState.EXECUTING).orElse(null);
        return new Progress(state.name(), b.moved(), b.batches(), b.batchesDone(), here, executor);
    }

    /** Whether this node is executing the plan now. */
    boolean runningHere(UUID id) {
        return locks.held(id);
    }

    /** What {@link #execute} would refuse at once (unknown, already running, invalid), for callers that run it later. */
    public void requireExecutable(UUID id) {
        if (locks.held(id)) {
            throw ApiException.conflict("reorg.plan.busy", id);
        }
        PlanState s = store.state(id);
        if (s != PlanState.EXECUTED && s != PlanState.RECONCILED) {
            validator.requireValid(id);
        }
    }

    /**
     * Executes (or resumes) the plan. {@code extra} is told about progress after the observer beans (tests use it to
     * stop the run after a batch, as a crash would).
     */
    public Reports.Execution execute(UUID id, String user, ExecutionObserver extra) {
        ReentrantLock lock = locks.tryLock(id);
        if (lock == null) {
            throw ApiException.conflict("reorg.plan.busy", id);
        }
        // Across nodes: held for the whole run; if this process dies, another node sees it free and resumes.
        PlanLeaseStore.Lease lease;
        try {
            lease = leases.tryAcquire(id).orElseThrow(() -> ApiException.conflict("reorg.plan.busy", id));
        } catch (RuntimeException e) {
            locks.release(id, lock);
            throw e;
        }
        try (lease) {
            Reports.PlanView view = store.view(id); // an unknown plan is a 404 before any heartbeat row is written
            heartbeat.started(id);
            try {
                return run(id, view, user, extra);
            } finally {
                heartbeat.ended(id);
            }
        } finally {
            locks.release(id, lock);
        }
    }

    /** The run proper, with the lock and the lease held and the heartbeat going. */
    private Reports.Execution run(UUID id, Reports.PlanView view, String user, ExecutionObserver extra) {
        PlanState s = PlanState.valueOf(view.state());
        if (s == PlanState.EXECUTED || s == PlanState.RECONCILED) {
            return view.execution();
        }
        long start = System.nanoTime();
        PlanValidator.Prepared p = validator.requireValid(id);
        CompiledPlan plan = p.plan();
        List<ExecutionObserver> obs = new ArrayList<>(observers.orderedStream().toList());
        if (extra != null) {
            obs.add(extra);
        }
        log.info("Plan {}: validated in {} ms", id, (System.nanoTime() - start) / 1_000_000);
        store.store(id, "validation", p.validation(), PlanState.EXECUTING);
        // The execution's own time, kept apart from the legal effective instant (stored once: a resumed run keeps it).
        Instant startedAt = store.stamp(id, "execution_started_at");
        Reports.Execution prev = view.execution();
        List<Reports.Run> runs = new ArrayList<>();
        if (prev != null && prev.runs() != null) {
            // A run still marked running did not finish: the process stopped (a crash, a restart).
            prev.runs().forEach(r -> runs.add("RUNNING".equals(r.outcome())
                    ? new Reports.Run(r.startedAt(), r.stoppedAt(), r.by(), "INTERRUPTED", r.moved()) : r));
        }
        Instant runStart = clock.instant();
        long movedBefore = transfers.progress(id).moved();
        runs.add(new Reports.Run(runStart, null, user, "RUNNING", 0));
        Reports.Execution ex0 = prev == null
                ? new Reports.Execution(null, 0, 0, 0, 0, 0, 0, 0, 0, startedAt, null, 0, 0, 0, List.copyOf(runs))
                : prev.withRuns(List.copyOf(runs));
        store.store(id, "execution", ex0, null);
        try {
            Reports.Execution ex = executeSteps(id, user, plan, p.router(), ex0, obs, start);
            runs.set(runs.size() - 1, new Reports.Run(runStart, clock.instant(), user, "COMPLETED", ex.movedNow()));
            Reports.Execution done = ex.withRuns(List.copyOf(runs));
            // Executed, and the one event saying so, in one transaction: the publication registry keeps the event
            // until its listeners have finished (republished after a crash), so nobody is told before this.
            tx.executeWithoutResult(s2 -> {
                store.store(id, "execution", done, PlanState.EXECUTED);
                events.publishEvent(new PlanExecuted(id, plan.notifyApplicants()));
            });
            ex = done;
            log.info("Reorganisation plan {} executed: {} dossiers journaled, {} moved in all, {} now, {} ms", id,
                    ex.journal(), ex.moved(), ex.movedNow(), ex.millis());
            reconciler.reconcile(id, plan);
            return ex;
        } catch (RuntimeException e) {
            Reports.Execution now = store.view(id).execution();
            runs.set(runs.size() - 1, new Reports.Run(runStart, clock.instant(), user, "INTERRUPTED",
                    transfers.progress(id).moved() - movedBefore));
            store.store(id, "execution", (now == null ? ex0 : now).withRuns(List.copyOf(runs)), null);
            throw e;
        }
    }

    /** The execution proper: units, officers, journal, batches. The report's totals cover every run of the plan. */
    private Reports.Execution executeSteps(UUID id, String user, CompiledPlan plan, Router validated,
                                           Reports.Execution prev, List<ExecutionObserver> obs, long start) {
        // 1. Units (idempotent: nothing happens when already applied), then the agencies of opened units.
        TerritoryChanges.ChangeReport units = changes.apply(plan.unitChanges(), plan.effectiveDate(), plan.legalBasis());
        int derived = agencies.deriveAgencies(plan.opening(), plan.effectiveDate());
        // Until now, submissions still reached the closing agencies (stored once: a resumed run keeps the first).
        Instant unitsApplied = store.stamp(id, "units_applied_at");
        Instant startedAt = prev.startedAt();
        // A resumed run finds the units applied already: the totals are the first run's.
        Reports.Execution totals = prev.withUnits(Math.max(prev.unitsOpened(), units.opened()),
                Math.max(prev.unitsClosed(), units.closed()), Math.max(prev.unitsLinked(), units.linked()),
                Math.max(prev.agenciesDerived(), derived));
        store.store(id, "execution", totals, null);
        obs.forEach(o -> o.unitsApplied(id));
        Router router = derived > 0 ? new Router(plan, territory, agencies) : validated;
        CustodyLedger.Scope scope = scopes.scope(plan, router.closingAgencies().values(), unitsApplied, startedAt);
        // 1b. Officers (OfficerMoves): the closing agencies' posts close; mapped holders continue in successor posts.
        OfficerMoves.Result staff = officerMoves.apply(id, plan, router, store.definition(id).postMappings(), scope);
        obs.forEach(o -> o.officersMoved(id, staff.moved(), staff.awaiting()));
        // 2. The journal, once: the in-flight dossiers and their successors, fixed before anything moves.
        Map<String, Long> before = prev.openBeforeByState();
        long late = prev.receivedAfterEffective();
        long journal = transfers.recorded(id);
        if (journal == 0) {
            // The count before anything moves runs beside the routing (it read the same rows first, on one core:
            // docs/reorg.md, "Session 13"); nothing moves until both are done.
            java.util.concurrent.CompletableFuture<Map<String, Long>> counted = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        Map<String, Long> c = transfers.countOpenHeldBy(scope);
                        store.store(id, "execution", totals.withJournal(c, 0, 0), null);
                        return c;
                    }, workers);
            long[] lateCount = new long[1];
            // Routing (reading the dossiers) and writing the journal overlap, each on its own connection.
            try {
                journal = Overlap.<CustodyLedger.Move, Long>run(workers,
                        sink -> transfers.forEachOpenHeldBy(scope, d -> {
                            Router.Decision dec = router.decide(d);
                            Instant due = plan.extendDeadlines() && d.dueAt() != null && plan.extendWorkingDays() > 0
                                    ? calendar.addWorkingDays(d.dueAt().atZone(PlanCompiler.VN), plan.extendWorkingDays(), dec.to().code()).toInstant()
                                    : null;
                            boolean after = !d.heldSince().isBefore(plan.effective());
                            if (after) {
                                lateCount[0]++;
                            }
                            sink.accept(new CustodyLedger.Move(d.id(), d.agencyCode(), dec.to().code(), dec.to().name(),
                                    dec.rule().name(), due, after));
                        }),
                        planned -> transfers.record(id, plan.effective(), plan.batchSize(), planned));
            } catch (RuntimeException e) {
                counted.exceptionally(x -> null).join(); // its report is stored before the failure's
                throw e;
            }
            late = lateCount[0];
            before = join(counted);
            store.store(id, "execution", totals.withJournal(before, journal, late), null);
            log.info("Plan {}: {} dossiers routed and journaled ({} received after the effective date) at {} ms", id,
                    journal, late, (System.nanoTime() - start) / 1_000_000);
        }
        if (before == null) {
            before = transfers.stillOpen(id, null).byState();
        }
        int batches = (int) ((journal + plan.batchSize() - 1) / plan.batchSize());
        long journalRows = journal;
        obs.forEach(o -> o.journaled(id, journalRows, batches));
        // 3. The batches still pending (all of them, or those after a crash).
        String reason = "Sắp xếp đơn vị hành chính: " + plan.legalBasis();
        long movedNow = runBatches(id, transfers.pendingBatches(id), user, reason, obs);
        // 3b. Citizens' open questions follow their agency (journaled and resumable, see QuestionMoves).
        questionMoves.execute(id, plan, router, reason);
        // 4. Names follow: open dossiers of agencies that kept their code under a new name (RENAME, RECLASSIFY, a
        // reclassified parent) show the name valid now; the moved ones already carry their new agency's name.
        Map<String, String> names = new HashMap<>();
        // Only codes valid the day before under another name: a new code's dossiers came by the moves (which wrote
        // its name) or were received under it, and the statement read the whole table to find none (docs/reorg.md,
        // "Session 14, second half").
        Map<String, String> namesBefore = new HashMap<>();
        agencies.agenciesOf(plan.opening(), plan.dayBefore()).forEach(a -> namesBefore.put(a.code(), a.name()));
        agencies.agenciesOf(plan.opening(), plan.effectiveDate()).forEach(a -> {
            String old = namesBefore.get(a.code());
            if (old != null && !old.equals(a.name())) {
                names.put(a.code(), a.name());
            }
        });
        int renamed = names.isEmpty() ? 0 : transfers.refreshAgencyNames(names);
        if (renamed > 0) {
            log.info("Plan {}: agency name refreshed on {} open dossiers", id, renamed);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Reports.Execution(before, journal, batches, batches, transfers.progress(id).moved(),
                totals.unitsOpened(), totals.unitsClosed(), totals.unitsLinked(), totals.agenciesDerived(), startedAt,
                clock.instant(), millis, movedNow, late, prev.runs());
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Runs the pending batches on {@link #parallelism} workers (each batch is its own transaction over its own
     * dossiers, so batches never wait for each other; PostgreSQL then uses every core). On the first failure no further
     * batch starts, the ones running finish, and the failure is rethrown: a restart redoes only what did not commit.
     */
    private long runBatches(UUID id, List<Integer> pending, String user, String reason, List<ExecutionObserver> obs) {
        if (pending.isEmpty()) {
            return 0;
        }
        java.util.concurrent.atomic.AtomicLong moved = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.Iterator<Integer> next = pending.iterator();
        Runnable worker = () -> {
            while (failure.get() == null) {
                int b;
                synchronized (next) {
                    if (!next.hasNext()) {
                        return;
                    }
                    b = next.next();
                }
                try {
                    int n = transfers.moveBatch(id, b, user, reason);
                    moved.addAndGet(n);
                    obs.forEach(o -> o.batchDone(id, b, n));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int workers = Math.min(parallelism, pending.size());
        List<java.util.concurrent.Future<?>> others = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            others.add(this.workers.submit(worker));
        }
        // The caller is a worker too: the batches are done even when the pool's threads are busy elsewhere.
        worker.run();
        for (java.util.concurrent.Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return moved.get();
    }
}
