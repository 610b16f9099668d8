package vn.motcua.assistant.appraisal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierStateChanged;
import vn.motcua.platform.reading.ReadResult;
import vn.motcua.platform.reading.TextReader;

/**
 * Reads dossiers' attachments in the background. After a submission (or a supplement answered) commits, the dossier's
 * files are queued ({@code appraisal_reading}, keyed by SHA-256: a file already read is not read again) on a
 * bookkeeping thread, so the submission itself makes no statement for the appraisal (and the thread queues all the
 * dossiers submitted within 20 ms in one statement); one reader thread per node takes
 * them one by one ({@code FOR UPDATE SKIP LOCKED}, so nodes share the work) and stores the text. Nothing is lost when a
 * node stops between the commit and the queueing: the attachments are committed with the submission, and a recovery
 * sweep (a minute after start, then every {@code motcua.appraisal.recovery-interval}) queues every file of a dossier
 * awaiting reception that has no reading yet. The officer's reception
 * decision is written against the last suggestion the same way, after the decision commits: the officer's transaction
 * makes no statement for it (a decision lost to a crash in between is one fewer in the precision measure, not an error).
 */
@Component
class AttachmentReading {

    private static final Logger log = LoggerFactory.getLogger(AttachmentReading.class);
    private static final Set<DossierState> READ_ON = EnumSet.of(DossierState.SUBMITTED, DossierState.TRIAGE);
    static final int MAX_ATTEMPTS = 3;
    /** Dossiers queued in one statement at most (a longer backlog takes several). */
    static final int MAX_BATCH = 500;

    private final AppraisalQueries queries;
    private final AppraisalService appraisals;
    private final TextReader reader;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "appraisal-reader");
        t.setDaemon(true);
        return t;
    });
    /** Queueing and decisions, off the publisher's thread and in order; never waits behind OCR. */
    private final ScheduledExecutorService records = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "appraisal-records");
        t.setDaemon(true);
        return t;
    });
    /** Dossiers submitted (committed) whose files are not queued yet; the records thread drains it. */
    private final Queue<UUID> toQueue = new ConcurrentLinkedQueue<>();
    /** A queueing is planned and has not started draining {@link #toQueue} yet. */
    private final AtomicBoolean queueingPlanned = new AtomicBoolean();
    private final long lingerMillis;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean active = new AtomicBoolean();

    AttachmentReading(AppraisalQueries queries, AppraisalService appraisals, TextReader reader, TransactionTemplate tx,
                      Clock clock, @Value("${motcua.appraisal.reading-enabled:true}") boolean enabled,
                      @Value("${motcua.appraisal.queue-linger:PT0.02S}") java.time.Duration linger) {
        this.lingerMillis = linger.toMillis();
        this.queries = queries;
        this.appraisals = appraisals;
        this.reader = reader;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * After the publisher commits: queue the files of a submitted dossier; record a reception decision. A plain
     * listener with a commit hook, not a {@code @TransactionalEventListener}: Spring Modulith's publication registry
     * would record each of those in the publisher's transaction (an insert and two updates of event_publication).
     */
    @EventListener
    void on(DossierStateChanged e) {
        boolean read = e.to() != null && READ_ON.contains(e.to());
        String decision = e.from() != null && READ_ON.contains(e.from()) ? AppraisalService.decision(e.to()) : null;
        if (read || decision != null) {
            afterCommit(() -> record(e, read, decision));
        }
    }

    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    private void record(DossierStateChanged e, boolean read, String decision) {
        try {
            if (read) {
                toQueue.add(e.dossierId());
                if (queueingPlanned.compareAndSet(false, true)) {
                    records.schedule(this::queueWaiting, lingerMillis, TimeUnit.MILLISECONDS);
                }
            }
            if (decision != null) {
                records.execute(() -> {
                    try {
                        appraisals.decided(e.dossierId(), decision, e.at());
                    } catch (RuntimeException ex) {
                        log.warn("Recording the reception decision on {} failed", e.dossierId(), ex);
                    }
                });
            }
        } catch (RejectedExecutionException ex) {
            log.debug("Shutting down: the sweep of the next start queues the files of {}", e.dossierId());
        }
    }

    /**
     * Queues the files of every dossier submitted in the last {@code motcua.appraisal.queue-linger} (20 ms) in one
     * statement: the first submission after a queueing plans the next one, the others join it, so under load a
     * submission costs PostgreSQL a small fraction of a statement and of a commit here, not one of each (a file waits
     * 20 ms longer to be read; a node stopping meanwhile leaves it to the sweep, as before).
     */
    private void queueWaiting() {
        // Before draining: a dossier added from now on plans another queueing rather than wait for none
        queueingPlanned.set(false);
        List<UUID> ids = new ArrayList<>();
        boolean queued = false;
        try {
            do {
                ids.clear();
                for (UUID id; ids.size() < MAX_BATCH && (id = toQueue.poll()) != null; ) {
                    ids.add(id);
                }
                if (!ids.isEmpty() && queries.queueReadings(ids, clock.instant()) > 0) {
                    queued = true;
                }
            } while (ids.size() == MAX_BATCH);
        } catch (RuntimeException ex) {
            log.warn("Queueing the attachments of {} dossiers failed; the sweep queues them", ids.size(), ex);
        }
        if (queued && enabled) {
            wake();
        }
    }

    /** Queues the files of dossiers awaiting reception that have no reading (a crash after commit); the count. */
    int sweep() {
        return queries.queueMissing(clock.instant());
    }

    @Scheduled(fixedDelayString = "${motcua.appraisal.sweep-interval:PT30S}", initialDelayString = "PT30S")
    void scheduled() {
        if (enabled) {
            wake();
        }
    }

    /** Crash recovery, soon after start and then rarely: files a stopped node did not queue. */
    @Scheduled(fixedDelayString = "${motcua.appraisal.recovery-interval:PT10M}", initialDelayString = "PT1M")
    void recover() {
        if (enabled && sweep() > 0) {
            log.info("Queued attachments left unqueued by a node that stopped after a submission");
            wake();
        }
    }

    void wake() {
        requested.set(true);
        if (active.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                active.set(false);
            }
        }
    }

    private void drain() {
        do {
            try {
                while (requested.getAndSet(false)) {
                    while (readOne()) {
                        // next file
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Reading attachments failed; the sweep retries", e);
            } finally {
                active.set(false);
            }
        } while (requested.get() && active.compareAndSet(false, true));
    }

    /** Reads one pending file in its own transaction; false when none is left. */
    boolean readOne() {
        Boolean done = tx.execute(status -> {
            var claimed = queries.claimPending(1, MAX_ATTEMPTS);
            if (claimed.isEmpty()) {
                return false;
            }
            String sha = claimed.get(0);
            queries.countAttempt(sha);
            byte[] content = queries.content(sha).orElse(null);
            long start = System.nanoTime();
            ReadResult r = content == null ? null : reader.read(content);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (r == null) {
                queries.saveReading(sha, "UNREADABLE", null, 0, false, null, millis, "file gone", clock.instant());
            } else {
                queries.saveReading(sha, r.status().name(), r.text(), r.pages().size(), r.usedOcr(), r.minConfidence(),
                        millis, r.detail(), clock.instant());
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Reads everything pending now, on the calling thread (tests, benches). */
    int drainNow() {
        int n = 0;
        while (readOne()) {
            n++;
        }
        return n;
    }

    @PreDestroy
    void stop() {
        records.shutdownNow();
        executor.shutdownNow();
    }
}
