package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.ResultReturned;
import vn.motcua.dossier.spi.ResultStore;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;

/**
 * Delivers returned results to their applicant's data store ({@link ResultStore}: the wallet stamps and signs them)
 * after the return commits, not inside it. The return marks its result ({@code dossier_result.store_due}, in the
 * update that records the return) and wakes this node's delivery thread after the commit; the thread takes marked
 * results one at a time ({@code FOR UPDATE SKIP LOCKED}, so nodes share the work and never take the same one), hands
 * each to the store and clears its mark in the same transaction: a result is stored once, and a crash before that
 * commit leaves the mark, which the recovery sweep (every {@code motcua.dossier.result-store-sweep}, 1 min) delivers.
 * A delivery that fails is tried again 10 minutes later. The applicant sees the result in her store a moment after
 * the return instead of at the same instant.
 */
@Component
public class ResultDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ResultDeliveries.class);
    /** Results one sweep delivers at most (the next sweep goes on). */
    static final int SWEEP_LIMIT = 500;
    static final Duration RETRY = Duration.ofMinutes(10);

    private final ObjectProvider<ResultStore> target;
    private final ResultDeliveryStore marks;
    private final ProcessingStore steps;
    private final DossierStore dossiers;
    private final Territory territory;
    private final Catalogue catalogue;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean background;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "result-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean active = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();

    ResultDeliveries(ObjectProvider<ResultStore> target, ResultDeliveryStore marks, ProcessingStore steps,
                     DossierStore dossiers, Territory territory, Catalogue catalogue, TransactionTemplate tx, Clock clock,
                     @Value("${motcua.dossier.result-delivery-after-commit:true}") boolean background) {
        this.target = target;
        this.marks = marks;
        this.steps = steps;
        this.dossiers = dossiers;
        this.territory = territory;
        this.catalogue = catalogue;
        this.tx = tx;
        this.clock = clock;
        this.background = background;
    }

    /** Whether a returned dossier's result goes to a store: submitted online (by the applicant's own account). */
    boolean wanted(Dossier d) {
        return d.channel() == Dossier.Channel.ONLINE && target.getIfAvailable() != null;
    }

    /** In the returning transaction: wake the delivery once it commits (never on rollback). */
    void afterCommit() {
        if (!background) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        requested.set(true);
        if (active.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                active.set(false); // shutting down: the sweep of a node delivers it
            }
        }
    }

    private void drain() {
        do {
            try {
                while (requested.getAndSet(false)) {
                    for (int i = 0; i < SWEEP_LIMIT && deliverNext(); i++) {
                        // next result
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Delivering returned results failed; the sweep retries", e);
            } finally {
                active.set(false);
            }
        } while (requested.get() && active.compareAndSet(false, true));
    }

    /** Crash recovery: results a stopped node (or a failed attempt) left marked. */
    @Scheduled(fixedDelayString = "${motcua.dossier.result-store-sweep:PT1M}",
            initialDelayString = "${motcua.dossier.result-store-sweep-initial-delay:PT1M}")
    void scheduled() {
        int n = sweep();
        if (n > 0) {
            log.info("Delivered {} returned results left undelivered (a node stopped after the return, or a retry)", n);
        }
    }

    /** Delivers at most {@value #SWEEP_LIMIT} due results, one transaction each; how many were delivered. */
    public int sweep() {
        int n = 0;
        while (n < SWEEP_LIMIT && deliverNext()) {
            n++;
        }
        return n;
    }

    /**
     * Delivers this dossier's result now if it is still to deliver, waiting for a delivery in progress on it; true
     * when this call delivered it. After it returns the result is in the store (or was not for it).
     */
    public boolean deliver(UUID dossierId) {
        return attempt(() -> marks.lockPending(dossierId) ? dossierId : null);
    }

    /** Results delivered by this node since it started. */
    public long delivered() {
        return delivered.get();
    }

    /** Results still marked for delivery (all nodes). */
    public long pending() {
        return marks.pending();
    }

    private boolean deliverNext() {
        UUID[] claimed = new UUID[1];
        boolean done = attempt(() -> claimed[0] = marks.claimDue(clock.instant()).orElse(null));
        // A failed attempt was postponed: go on with the next one
        return done || claimed[0] != null;
    }

    /** Locks one result to deliver ({@code lock}: null when none) and delivers it in one transaction. */
    private boolean attempt(java.util.function.Supplier<UUID> lock) {
        UUID[] id = new UUID[1];
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                id[0] = lock.get();
                if (id[0] == null) {
                    return false;
                }
                ResultStore store = target.getIfAvailable();
                ResultReturned r = event(id[0]);
                if (store != null && r != null) {
                    store.keep(r);
                }
                marks.delivered(id[0]);
                delivered.incrementAndGet();
                return true;
            }));
        } catch (RuntimeException e) {
            if (id[0] == null) {
                throw e;
            }
            log.warn("Delivering the result of {} to the data store failed; tried again in {}", id[0], RETRY, e);
            UUID failed = id[0];
            tx.executeWithoutResult(s -> marks.postpone(failed, clock.instant().plus(RETRY)));
            return false;
        }
    }

    /** The returned result with its document, as the return recorded it; null when it has no document. */
    private ResultReturned event(UUID id) {
        Dossier d = dossiers.find(id).orElse(null);
        ProcessingStore.Result r = steps.result(id).orElse(null);
        byte[] content = r == null ? null : steps.resultContent(id).orElse(null);
        if (d == null || r == null || content == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(r.decidedAt(), IntakeService.VN);
        String unit = d.agencyCode() == null ? null
                : territory.agency(d.agencyCode(), day).map(Agency::unitCode).orElse(null);
        String resultName = catalogue.versionInForce(d.procedureCode(), LocalDate.ofInstant(d.receivedAt(), IntakeService.VN))
                .map(ProcedureVersion::result).map(ProcessingResults::resultName).orElse(null);
        Instant returnedAt = r.returnedAt();
        return new ResultReturned(d.id(), d.code(), d.procedureCode(), d.procedureName(), d.submittedBy(),
                d.applicant().name(), d.agencyCode(), d.agencyName(), unit, resultName, r.outcome(), r.fileName(),
                r.contentType(), content, DossierStore.sha256(content), r.decidedAt(), returnedAt, r.delivery(),
                d.channel().name());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
