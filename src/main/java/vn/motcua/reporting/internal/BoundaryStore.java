package vn.motcua.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mid-month boundaries of the aggregates' held key ({@code reporting_boundary}, migration V90_6): the days other
 * than a 1st on which an administrative unit version began or ended. {@code reporting_day.held_month} is the start of
 * the held period (the month's 1st or the last boundary before the holding day), so a holder window cut on such a day
 * reads the aggregates exactly (docs/indicators.md, "Mid-month reorganisations").
 */
@Component
public class BoundaryStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    BoundaryStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The boundaries the aggregates are keyed on. */
    public Set<LocalDate> stored() {
        return new HashSet<>(jdbc.sql("select day from reporting_boundary").query(LocalDate.class).list());
    }

    /**
     * Records the territory's change days not yet known (the 1sts are boundaries already); returns the earliest new
     * one: the aggregated days from it on must be re-done, their dossiers' held key may have moved.
     */
    Optional<LocalDate> sync(Collection<LocalDate> changeDays) {
        Set<LocalDate> known = stored();
        TreeSet<LocalDate> fresh = new TreeSet<>();
        for (LocalDate d : changeDays) {
            if (d.getDayOfMonth() != 1 && !known.contains(d)) {
                fresh.add(d);
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (LocalDate d : fresh) {
            jdbc.sql("insert into reporting_boundary (day, added_at) values (?, ?) on conflict do nothing")
                    .params(d, now).update();
        }
        return fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.first());
    }

    /** Whether every window of the selection starts and ends on a 1st or on a stored boundary (or is open). */
    public boolean aligned(List<Holder> holders) {
        return aligned(holders, this::stored);
    }

    /** As {@link #aligned(List)}, with the stored boundaries read by the caller once for many selections. */
    boolean aligned(List<Holder> holders, java.util.function.Supplier<Set<LocalDate>> stored) {
        Set<LocalDate> cuts = new HashSet<>();
        for (Holder h : holders) {
            if (h.from() != null && h.from().getDayOfMonth() != 1) {
                cuts.add(h.from());
            }
            if (h.to() != null && h.to().getDayOfMonth() != 1) {
                cuts.add(h.to());
            }
        }
        return cuts.isEmpty() || stored.get().containsAll(cuts);
    }
}
