package vn.motcua.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.audit.internal.GapList.Gap;

/**
 * The sealer's gap list after a round, and the low-water mark it gives (the number below the first gap): where a late
 * row can still appear is remembered until nothing can commit there, and nothing else is.
 */
class ChainSealerMarkTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Instant EARLIER = NOW.minus(GapList.SETTLE).minusMillis(1);

    @Test
    void numbersSkippedAboveTheTopBecomeGapsAndTheMarkStopsBelowTheFirst() {
        List<Gap> after = GapList.after(List.of(), 100, new long[]{101, 104, 105, 109}, false, 50, 60, NOW);
        assertThat(after).containsExactly(new Gap(102, 103, 60, NOW), new Gap(106, 108, 60, NOW));
        assertThat(GapList.mark(after, 109)).isEqualTo(101);
        assertThat(GapList.mark(List.of(), 109)).isEqualTo(109); // no gap: everything up to the top is linked
    }

    @Test
    void aLateRowLinkedInsideAGapSplitsIt() {
        List<Gap> after = GapList.after(List.of(new Gap(102, 108, 60, NOW)), 109, new long[]{102, 105}, false, 50, 61, NOW);
        assertThat(after).containsExactly(new Gap(103, 104, 60, NOW), new Gap(106, 108, 60, NOW));
        assertThat(GapList.mark(after, 109)).isEqualTo(102);
    }

    @Test
    void aGapIsDroppedOnlyOnceEveryTransactionThatCouldCommitIntoItHasEndedAndItSettled() {
        List<Gap> gaps = List.of(new Gap(102, 103, 60, EARLIER));
        assertThat(GapList.after(gaps, 109, new long[0], false, 59, 70, NOW)).isEqualTo(gaps); // a transaction before 60 runs
        assertThat(GapList.after(gaps, 109, new long[0], false, 60, 70, NOW)).isEmpty();
        List<Gap> fresh = List.of(new Gap(102, 103, 60, NOW.minusMillis(500)));
        assertThat(GapList.after(fresh, 109, new long[0], false, 65, 70, NOW)).isEqualTo(fresh); // not settled yet
    }

    @Test
    void aFullRoundKeepsTheGapsItDidNotReachThoughTheySettled() {
        List<Gap> gaps = List.of(new Gap(10, 10, 60, EARLIER), new Gap(500, 600, 60, EARLIER));
        // the batch filled up with rows of the first gaps: the round read up to 450 only
        List<Gap> after = GapList.after(gaps, 1000, new long[]{300, 450}, true, 99, 100, NOW);
        assertThat(after).containsExactly(new Gap(500, 600, 60, EARLIER));
        assertThat(GapList.mark(after, 1000)).isEqualTo(499);
    }

    @Test
    void theMarkNeverMovesBackAndAGapFullyLinkedIsGone() {
        List<Gap> after = GapList.after(List.of(new Gap(102, 103, 60, NOW)), 109, new long[]{102, 103, 110}, false, 0, 61, NOW);
        assertThat(after).isEmpty();
        assertThat(GapList.mark(after, 110)).isEqualTo(110);
    }

    @Test
    void pastTheCapTheClosestGapsMergeAndKeepTheLaterTest() {
        List<Gap> many = new ArrayList<>();
        for (int i = 0; i < GapList.MAX + 10; i++) {
            many.add(new Gap(i * 10L, i * 10L, i, NOW.minusSeconds(i)));
        }
        many.add(new Gap(1_000_000, 1_000_000, 3, NOW)); // far from the others: stays alone
        List<Gap> merged = GapList.merged(many, GapList.MAX);
        assertThat(merged).hasSizeLessThanOrEqualTo(GapList.MAX);
        assertThat(merged.get(merged.size() - 1)).isEqualTo(new Gap(1_000_000, 1_000_000, 3, NOW));
        // every number of every gap is still covered, with a test no earlier than its own
        for (Gap g : many) {
            assertThat(merged).anySatisfy(m -> {
                assertThat(m.lo()).isLessThanOrEqualTo(g.lo());
                assertThat(m.hi()).isGreaterThanOrEqualTo(g.hi());
                assertThat(m.xmax()).isGreaterThanOrEqualTo(g.xmax());
                assertThat(m.foundAt()).isAfterOrEqualTo(g.foundAt());
            });
        }
    }
}
