package vn.motcua.dossier.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.platform.api.ApiException;

/**
 * Group commit of concurrent submissions (issue #24). A request validates its submission on its own thread
 * ({@link IntakeService#prepare}, no transaction, no connection held), hands it to one writer thread and waits; the
 * writer takes every submission waiting at that moment and writes them in one transaction — one statement for the
 * dossiers with their keys, files and first events ({@link SubmissionGroupStore}), then their events (the notify
 * module's messages for them in one more statement, {@link vn.motcua.platform.db.GroupedWrites}) — and answers each request only after that commit: nothing is acknowledged before it is durable. PostgreSQL's
 * per-transaction costs (round trips, {@code BEGIN}/{@code COMMIT}, the WAL flush, parse and plan) are shared by the
 * group.
 * <p>
 * Each request keeps its own answer: a dossier whose key was used already (earlier, or by another row of the same
 * group) or whose receipt number is taken is simply not written, and its request then does what a single write does
 * (returns the earlier dossier, or tries another number). When the group's transaction fails (a constraint, a lost
 * connection, a failed commit), nothing of it was written and every submission of it is written again in a
 * transaction of its own, so the failure is answered to the request that caused it only.
 * <p>
 * A caller inside a transaction of its own (demo data, tests) is written inline, in that transaction.
 */
@Service
public class SubmissionWriter {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWriter.class);
    /** At most this many submissions per group: ~80 parameters each, PostgreSQL takes 65,535 per statement. */
    static final int MAX_GROUP = 64;

    private record Pending(SubmissionGroupStore.Row row, IntakeService.Prepared prepared, CompletableFuture<Boolean> written) {
    }

    private final IntakeService intake;
    private final SubmissionGroupStore groups;
    private final DossierStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final vn.motcua.platform.db.GroupedWrites grouped;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    SubmissionWriter(IntakeService intake, SubmissionGroupStore groups, DossierStore store,
                     ApplicationEventPublisher events, PlatformTransactionManager transactions,
                     org.springframework.beans.factory.ObjectProvider<vn.motcua.platform.db.GroupedWrites> grouped) {
        this.intake = intake;
        this.grouped = grouped.getIfAvailable(() -> vn.motcua.platform.db.GroupedWrites.NONE);
        this.groups = groups;
        this.store = store;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.writer = new Thread(this::run, "submission-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** {@link IntakeService#submit}, the write grouped with the concurrent ones: same answers, same idempotency. */
    public Dossier submit(SubmitDossier cmd, Actor actor, Dossier.Channel channel, String idempotencyKey) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || !running) {
            return intake.submit(cmd, actor, channel, idempotencyKey);
        }
        IntakeService.checkKey(idempotencyKey);
        IntakeService.Prepared p;
        try {
            p = intake.prepare(cmd, actor, channel, idempotencyKey);
        } catch (ApiException refused) {
            // a repeat that would be refused now returns the dossier its key created
            return intake.earlier(actor, idempotencyKey).orElseThrow(() -> refused);
        }
        for (int attempt = 1; ; attempt++) {
            if (write(p)) {
                return p.dossier(); // as inserted, committed
            }
            Optional<Dossier> earlier = intake.earlier(actor, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("No free receipt number after three tries");
            }
            p = p.withReceiptNumber(ReceiptNumbers.next());
        }
    }

    /** True once the submission's group committed with it; false when it was not written (key or number taken). */
    private boolean write(IntakeService.Prepared p) {
        Pending pending = new Pending(p.row(), p, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            return writeAlone(pending.prepared());
        }
        try {
            return pending.written().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void run() {
        // shutting down: the loop ends once the queue is empty
        Groups.workOff(queue, MAX_GROUP, () -> running || !queue.isEmpty(), this::writeGroup, (group, failure) -> {
            for (Pending p : group) {
                p.written().completeExceptionally(failure);
            }
        });
    }

    private void writeGroup(List<Pending> group) {
        Set<UUID> written;
        try {
            // The group's notifications go in one statement too, after its events, before its commit.
            written = tx.execute(s -> grouped.grouped(() -> {
                Set<UUID> ids = groups.insertAll(group.stream().map(Pending::row).toList());
                for (Pending p : group) {
                    if (ids.contains(p.row().dossier().id())) {
                        events.publishEvent(p.prepared().event());
                    }
                }
                return ids;
            }));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).written().completeExceptionally(groupFailed);
                return;
            }
            log.info("A group of {} submissions failed ({}); writing each on its own", group.size(), groupFailed.toString());
            // Nothing of the group was written: each one again alone, so a failure is answered to its own request.
            for (Pending p : group) {
                try {
                    p.written().complete(writeAlone(p.prepared()));
                } catch (RuntimeException e) {
                    p.written().completeExceptionally(e);
                }
            }
            return;
        }
        for (Pending p : group) {
            p.written().complete(written.contains(p.row().dossier().id()));
        }
    }

    private boolean writeAlone(IntakeService.Prepared p) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            boolean inserted = store.insertSubmission(p.row());
            if (inserted) {
                events.publishEvent(p.event());
            }
            return inserted;
        }));
    }

    /** Submissions handed over and not yet taken into a group (for tests). */
    int waiting() {
        return queue.size();
    }

    /** Stops taking submissions (later ones are written inline) and writes those waiting. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(10_000);
    }
}
