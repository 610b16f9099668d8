package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Predicate;

import vn.motcua.privacy.RetainedColumns;

/** What the retention tests share: the day the job runs, and the check of a subject's columns against the register. */
final class RetentionFixture {

    /** The day the job runs; each test back-dates its own closed dossiers or questions far enough before it. */
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-15T03:00:00Z"), ZoneOffset.UTC);

    private RetentionFixture() {
    }

    /** Every registered personal column of the tables {@code ofSubject} selects is cleared or kept for a reason. */
    static void everyColumnClearedOrKept(Register register, Predicate<Register.Table> ofSubject,
                                         RetainedColumns decided) {
        int checked = 0;
        for (Register.Table t : register.tables()) {
            if (!ofSubject.test(t)) {
                continue;
            }
            for (Register.Column c : t.columns()) {
                String name = t.table() + "." + c.column();
                assertThat(decided.anonymised().contains(name) || decided.kept().containsKey(name))
                        .as(name + " is neither anonymised by retention nor kept with a reason").isTrue();
                checked++;
            }
        }
        assertThat(checked).as("the register has columns of this subject").isPositive();
    }
}
