package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
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
 * after the return commits, not inside it. The return marks its result ({@code dossier_result.store_due}) in the
 * update that records the return, which gives back the result with its file; after the commit that, with the dossier
 * the return held, is handed to this node's delivery thread in memory. The thread takes every result waiting (at most
 * {@value #MAX_GROUP}), locks those still marked ({@code FOR UPDATE SKIP LOCKED}: one the sweep or another node holds is
 * left to it), hands them to the store in one call and clears their marks, all in one transaction: a result is stored
 * once, and reads nothing back. A crash before that commit loses the memory but leaves the marks, which the recovery
 * sweep (every {@code motcua.dossier.result-store-sweep}, 1 min) reads from the database and delivers. When a group's
 * transaction fails, each result of it is tried alone, and one that fails alone is tried again 10 minutes later.
 */
@Component
public class ResultDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ResultDeliveries.class);
    /** Results one sweep delivers at most (the next sweep goes on). */
    static final int SWEEP_LIMIT = 500;
    /** At most this many results per delivery transaction (a few MB of files held at once). */
    static final int MAX_GROUP = 32;
    static final Duration RETRY = Duration.ofMinutes(10);
    /** Results held in memory at most (with their files); beyond, a result is left marked, for the sweep. */
    static final int MAX_WAITING = 1_000;

    /** A committed return's result, handed over in memory. */
    record Held(Dossier dossier, ResultDeliveryStore.Due due) {
    }

    private final ObjectProvider<ResultStore> target;
    private final ResultDeliveryStore marks;
    private final DossierStore dossiers;
    private final Territory territory;
    private final Catalogue catalogue;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean background;
    private final LinkedBlockingQueue<Held> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;
    private final AtomicLong delivered = new AtomicLong();

    ResultDeliveries(ObjectProvider<ResultStore> target, ResultDeliveryStore marks, DossierStore dossiers,
                     Territory territory, Catalogue catalogue, TransactionTemplate tx, Clock clock,
                     @Value("${motcua.dossier.result-delivery-after-commit:true}") boolean background,
                     @Value("${motcua.dossier.result-delivery-thread:true}") boolean thread) {
        this.target = target;
        this.marks = marks;
        this.dossiers = dossiers;
        this.territory = territory;
        this.catalogue = catalogue;
        this.tx = tx;
        this.clock = clock;
        this.background = background;
        this.worker = new Thread(this::run, "result-delivery");
        this.worker.setDaemon(true);
        // Without the thread (a test that delivers on its own thread: deliverWaiting) the results wait in memory
        if (background && thread) {
            this.worker.start();
        }
    }

    /** Whether a returned dossier's result goes to a store: submitted online (by the applicant's own account). */
    boolean wanted(Dossier d) {
        return d.channel() == Dossier.Channel.ONLINE && target.getIfAvailable() != null;
    }

    /** In the returning transaction: hand the result over once the return commits (never on rollback). */
    void afterCommit(Dossier d, ResultDeliveryStore.Due due) {
        if (!background) {
            return;
        }
        Held h = new Held(d, due);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handOver(h);
                }
            });
        } else {
            handOver(h);
        }
    }

    private void handOver(Held h) {
        if (queue.size() < MAX_WAITING) {
            queue.add(h);
        } // else the delivery lags far behind: the mark stays and the sweep delivers it, reading it back
    }

    private void run() {
        // stopping leaves what is still queued marked, for the sweep
        Groups.workOff(queue, MAX_GROUP, () -> running, this::deliverHeld, (group, failure) -> {
            if (failure instanceof Error e) {
                throw e;
            }
            log.warn("Delivering returned results failed; the sweep retries", failure);
        });
    }

    /**
     * One transaction for the group; when it fails, each result alone (a failure then touches only its own). How many
     * this call delivered.
     */
    private int deliverHeld(List<Held> group) {
        try {
            Integer n = tx.execute(s -> {
                Set<UUID> locked = new HashSet<>(marks.lockMarked(group.stream().map(h -> h.due().dossierId()).toList()));
                return store(group.stream().filter(h -> locked.contains(h.due().dossierId())).toList());
            });
            return n == null ? 0 : n;
        } catch (RuntimeException groupFailed) {
            if (group.size() > 1) {
                log.info("A delivery of {} results failed ({}); delivering each alone", group.size(), groupFailed.toString());
            }
            int n = 0;
            for (Held h : group) {
                if (attempt(h.due().dossierId(), () -> marks.lockMarked(List.of(h.due().dossierId())).isEmpty()
                        ? List.of() : List.of(h))) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Delivers, on the calling thread, the results handed over and still waiting ({@value #MAX_GROUP} per transaction),
     * as the delivery thread does; how many. For tests that run without the thread
     * ({@code motcua.dossier.result-delivery-thread=false}) and count what a delivery sends.
     */
    public int deliverWaiting() {
        int n = 0;
        List<Held> group = new ArrayList<>(MAX_GROUP);
        while (queue.drainTo(group, MAX_GROUP) > 0) {
            n += deliverHeld(group);
            group.clear();
        }
        return n;
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

    /**
     * Delivers at most {@value #SWEEP_LIMIT} due results, read from the database, {@value #MAX_GROUP} per transaction;
     * how many were delivered.
     */
    public int sweep() {
        int n = 0;
        while (n < SWEEP_LIMIT) {
            int limit = Math.min(MAX_GROUP, SWEEP_LIMIT - n);
            List<Held> taken = new ArrayList<>();
            try {
                Integer done = tx.execute(s -> {
                    List<Held> group = read(marks.claimDue(clock.instant(), limit));
                    taken.addAll(group);
                    return store(group);
                });
                if (done == null || done == 0) {
                    return n;
                }
                n += done;
            } catch (RuntimeException groupFailed) {
                if (taken.isEmpty()) {
                    throw groupFailed;
                }
                // Alone, each with its own lock again; a failure postpones only its own
                for (Held h : taken) {
                    if (attempt(h.due().dossierId(), () -> read(marks.lockPending(h.due().dossierId()).stream().toList()))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * Delivers this dossier's result now if it is still to deliver, waiting for a delivery in progress on it; true
     * when this call delivered it. After it returns the result is in the store (or was not for it).
     */
    public boolean deliver(UUID dossierId) {
        return attempt(dossierId, () -> read(marks.lockPending(dossierId).stream().toList()));
    }

    /** Results delivered by this node since it started. */
    public long delivered() {
        return delivered.get();
    }

    /** Results still marked for delivery (all nodes). */
    public long pending() {
        return marks.pending();
    }

    /** Locks ({@code lock}: the results still to deliver, locked) and delivers in one transaction; a failure postpones. */
    private boolean attempt(UUID id, java.util.function.Supplier<List<Held>> lock) {
        try {
            Integer n = tx.execute(s -> store(lock.get()));
            return n != null && n > 0;
        } catch (RuntimeException e) {
            log.warn("Delivering the result of {} to the data store failed; tried again in {}", id, RETRY, e);
            tx.executeWithoutResult(s -> marks.postpone(id, clock.instant().plus(RETRY)));
            return false;
        }
    }

    /** In the caller's transaction: the locked results to the store, their marks cleared; how many. */
    private int store(List<Held> group) {
        if (group.isEmpty()) {
            return 0;
        }
        ResultStore store = target.getIfAvailable();
        if (store != null) {
            store.keepAll(group.stream().map(this::event).filter(java.util.Objects::nonNull).toList());
        }
        marks.delivered(group.stream().map(h -> h.due().dossierId()).toList());
        delivered.addAndGet(group.size());
        return group.size();
    }

    /** The sweep's and the hook's way: the dossiers of results read from the database. */
    private List<Held> read(List<ResultDeliveryStore.Due> due) {
        List<Held> out = new ArrayList<>(due.size());
        for (ResultDeliveryStore.Due r : due) {
            Optional<Dossier> d = dossiers.find(r.dossierId());
            // A dossier gone (cleared by retention) has nothing to deliver: its mark is cleared all the same
            out.add(new Held(d.orElse(null), r));
        }
        return out;
    }

    /** The returned result with its document, as the return recorded it; null when there is nothing to keep. */
    private ResultReturned event(Held h) {
        Dossier d = h.dossier();
        ResultDeliveryStore.Due r = h.due();
        if (d == null || r.sealedContent() == null) {
            return null;
        }
        byte[] content = marks.open(r);
        LocalDate day = LocalDate.ofInstant(r.decidedAt(), IntakeService.VN);
        String unit = d.agencyCode() == null ? null
                : territory.agency(d.agencyCode(), day).map(Agency::unitCode).orElse(null);
        String resultName = catalogue.versionInForce(d.procedureCode(), LocalDate.ofInstant(d.receivedAt(), IntakeService.VN))
                .map(ProcedureVersion::result).map(ProcessingResults::resultName).orElse(null);
        return new ResultReturned(d.id(), d.code(), d.procedureCode(), d.procedureName(), d.submittedBy(),
                d.applicant().name(), d.agencyCode(), d.agencyName(), unit, resultName, r.outcome(), r.fileName(),
                r.contentType(), content, r.sha256() != null ? r.sha256() : DossierStore.sha256(content), r.decidedAt(),
                r.returnedAt(), r.delivery(), d.channel().name());
    }

    /** Results handed over and not yet taken into a delivery (for tests). */
    int waiting() {
        return queue.size();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(10_000);
    }
}
