package vn.motcua.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the sealer's low-water mark may move after a round read from it (no row up to the pending number can still commit). */
class ChainSealerMarkTest {

    @Test
    void aRoundThatSawEveryRowMovesTheMarkToThePendingNumber() {
        assertThat(ChainSealer.markAfter(100, 500, false, 180)).isEqualTo(500);
        assertThat(ChainSealer.markAfter(100, 500, false, 100)).isEqualTo(500); // nothing new: every row was linked before
    }

    @Test
    void aFullRoundMovesTheMarkOnlyToTheLastRowItLinked() {
        assertThat(ChainSealer.markAfter(100, 500, true, 300)).isEqualTo(300);
    }

    @Test
    void aFullRoundBeyondThePendingNumberStopsAtIt() {
        assertThat(ChainSealer.markAfter(100, 500, true, 900)).isEqualTo(500);
    }

    @Test
    void theMarkNeverMovesBack() {
        assertThat(ChainSealer.markAfter(600, 500, false, 600)).isEqualTo(600);
        assertThat(ChainSealer.markAfter(600, 900, true, 550)).isEqualTo(600);
    }
}
