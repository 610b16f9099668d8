package vn.motcua.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void versionSevenWithTheMillisecondsFirst() {
        long ms = 1_782_000_000_123L;
        UUID id = TimeOrderedIds.at(ms);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString().replace("-", "").substring(0, 12)).isEqualTo(String.format("%012x", ms));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsPostgresComparesThem() {
        // PostgreSQL orders uuid values byte by byte (unsigned): the same order as their lower-case hex text.
        String previous = "";
        Set<UUID> seen = new HashSet<>();
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 5_000; ms += 7) {
            UUID id = TimeOrderedIds.at(ms);
            assertThat(id.toString()).isGreaterThan(previous);
            previous = id.toString();
            seen.add(id);
        }
        for (int i = 0; i < 10_000; i++) {
            seen.add(TimeOrderedIds.next());
        }
        assertThat(seen).hasSize(715 + 10_000);
    }
}
