package vn.motcua.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import vn.motcua.platform.cluster.ClusterSignals;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;

/**
 * The staff cache's rules, with the transaction synchronisation driven by hand (with real transactions:
 * {@code vn.motcua.territory.StaffCacheInvalidationTest}): what it loads, when it forgets, what a writing transaction
 * reads, and that a load racing a clear is not served afterwards.
 */
class StaffCacheTest {

    /** A very long expiry: nothing here may depend on time. */
    private final StaffCache cache = new StaffCache(Duration.ofDays(1), ClusterSignals.NONE);
    private final AtomicInteger loads = new AtomicInteger();
    /** What "the database" holds now. */
    private List<PostHolding> database = List.of(holding("P-1"));

    private record Q(String username, LocalDate asOf) {
    }

    private final Q q = new Q("lan", LocalDate.of(2033, 1, 1));

    private final Supplier<List<PostHolding>> load = () -> {
        loads.incrementAndGet();
        return new ArrayList<>(database);
    };

    private static PostHolding holding(String post) {
        Agency a = new Agency(new UUID(0, 1), "UBND-T1", "UBND phường Thử", AgencyLevel.COMMUNE,
                AgencyKind.PEOPLES_COMMITTEE, null, new UUID(0, 2), "T1", LocalDate.of(2033, 1, 1), null);
        return new PostHolding(UUID.nameUUIDFromBytes(post.getBytes()), post, "Công chức", PostRole.HANDLING, "HO_TICH", a,
                new UUID(0, 3), "Nguyễn Thị Lan", "lan", LocalDate.of(2033, 1, 1), null);
    }

    @AfterEach
    void noTransactionLeftBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clear();
        }
        new ArrayList<>(TransactionSynchronizationManager.getResourceMap().keySet())
                .forEach(TransactionSynchronizationManager::unbindResourceIfPossible);
    }

    private void beginTransaction() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    private void endTransaction(int status) {
        List<TransactionSynchronization> syncs = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clear();
        TransactionSynchronizationUtils.invokeAfterCompletion(syncs, status);
    }

    @Test
    void loadsOnceByArgumentsAndAnswersUnmodifiableLists() {
        List<PostHolding> first = cache.get(q, load);
        assertThat(cache.get(new Q("lan", LocalDate.of(2033, 1, 1)), load)).isEqualTo(first);
        assertThat(loads).hasValue(1);
        cache.get(new Q("lan", LocalDate.of(2033, 1, 2)), load);
        cache.get(new Q("binh", LocalDate.of(2033, 1, 1)), load);
        assertThat(loads).hasValue(3);
        assertThatThrownBy(() -> first.add(holding("P-2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChangeOutsideATransactionIsSeenByTheNextLookUp() {
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-1");
        database = List.of(holding("P-1"), holding("P-2"));
        cache.changed();
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-1", "P-2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void theWritingTransactionReadsTheDatabaseAndTheCacheIsClearedWhenItCommits() {
        cache.get(q, load);
        beginTransaction();
        database = List.of(holding("P-2"));   // the transaction's own (uncommitted) view
        cache.changed();
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
        assertThat(loads).as("not cached: the writer's view is not the others'").hasValue(3);
        cache.changed();                      // a second write in the same transaction: one synchronisation
        assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
        assertThat(loads).as("cached again after the commit").hasValue(4);
    }

    @Test
    void aLookUpCachedBeforeTheCommitIsNotServedAfterIt() throws Exception {
        beginTransaction();
        database = List.of(holding("P-2"));
        cache.changed();
        // Meanwhile another thread, outside this transaction, reads the committed view (P-1) and caches it.
        List<PostHolding> committed = List.of(holding("P-1"));
        assertThat(CompletableFuture.supplyAsync(() -> cache.get(q, () -> committed)).get())
                .extracting(PostHolding::postCode).containsExactly("P-1");
        assertThat(CompletableFuture.supplyAsync(() -> cache.get(q, load)).get())
                .as("cached for the others until the commit").extracting(PostHolding::postCode).containsExactly("P-1");
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
    }

    @Test
    void aRolledBackTransactionLeavesTheCommittedView() {
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-1");
        beginTransaction();
        List<PostHolding> committed = database;
        database = List.of(holding("P-2"));
        cache.changed();
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
        database = committed;                 // rolled back
        endTransaction(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-1");
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    @Test
    void aLoadThatRacedAClearIsNotServedToLaterLookUps() {
        // The load reads the old holdings, then (before it returns) a change commits and clears the cache.
        List<PostHolding> answer = cache.get(q, () -> {
            List<PostHolding> old = List.copyOf(database);
            database = List.of(holding("P-2"));
            cache.changed();
            return old;
        });
        assertThat(answer).extracting(PostHolding::postCode).containsExactly("P-1");
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");
    }

    @Test
    void aSuspendedWritingTransactionDoesNotHideAnInnerOnesCommit() {
        beginTransaction();
        cache.changed();                      // the outer transaction wrote staff
        List<TransactionSynchronization> outer = TransactionSynchronizationManager.getSynchronizations();
        outer.forEach(TransactionSynchronization::suspend);
        TransactionSynchronizationManager.clear();

        beginTransaction();                   // REQUIRES_NEW: a transaction of its own
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-1");
        assertThat(cache.get(q, load)).hasSize(1);
        assertThat(loads).as("the inner transaction wrote nothing: cached").hasValue(1);
        database = List.of(holding("P-2"));
        cache.changed();
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.get(q, load)).extracting(PostHolding::postCode).containsExactly("P-2");

        beginTransaction();                   // the outer one resumes
        outer.forEach(TransactionSynchronizationManager::registerSynchronization);
        outer.forEach(TransactionSynchronization::resume);
        int before = loads.get();
        cache.get(q, load);
        cache.get(q, load);
        assertThat(loads.get() - before).as("the outer transaction still reads the database").isEqualTo(2);
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }
}
