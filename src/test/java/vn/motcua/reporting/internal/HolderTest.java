package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows of one agency code are merged where they overlap or touch, so the SQL join finds a dossier once. */
class HolderTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void overlappingAndTouchingWindowsMergeDisjointOnesStay() {
        List<Holder> merged = Holder.merge(List.of(
                new Holder("UBND-26740", d("2025-07-01"), null),            // Phường Sài Gòn
                new Holder("UBND-26740", d("2025-01-01"), d("2025-07-01")), // Bến Nghé, same code before
                new Holder("CA-26740", d("2025-01-01"), d("2025-03-01")),
                new Holder("CA-26740", d("2025-05-01"), d("2025-07-01")),
                new Holder("CA-26740", d("2025-02-01"), d("2025-04-01")),
                new Holder("X", null, null),
                new Holder("X", d("2025-01-01"), d("2025-02-01"))));
        assertThat(merged).containsExactly(
                new Holder("CA-26740", d("2025-01-01"), d("2025-04-01")),
                new Holder("CA-26740", d("2025-05-01"), d("2025-07-01")),
                new Holder("UBND-26740", d("2025-01-01"), null),
                new Holder("X", null, null));
    }
}
