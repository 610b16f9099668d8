package vn.motcua.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.territory.TerritoryHistory;

/**
 * Keeps the daily aggregates ({@code reporting_day}) up to yesterday. Each run, in Hồ Chí Minh City days:
 * <ol>
 * <li>new boundaries of the held key: a unit version beginning or ending mid-month since the last run (its days from
 * then on are re-done once; {@link BoundaryStore});</li>
 * <li>late changes: the dossiers whose history has a row since the end of the last aggregated day (every change of a
 * dossier writes one, in its transaction) — their agencies' days from the dossier's receipt to the last aggregated
 * day are re-done (an acceptance, a supplement request or a transfer changes what was counted on earlier days);</li>
 * <li>new days: every day after the last aggregated one up to yesterday, in chunks of {@value #CHUNK_DAYS} days, the
 * watermark ({@code reporting_catch_up.through_day}) moving with each chunk's commit (a crash resumes there).</li>
 * </ol>
 * Cluster-safe: every transaction takes the same PostgreSQL advisory lock; the scheduled run tries it and skips the
 * round when another node holds it. Progress is logged per chunk. Today is never aggregated: answers add it live.
 */
@Component
public class IndicatorCatchUp {

    private static final Logger log = LoggerFactory.getLogger(IndicatorCatchUp.class);
    static final long LOCK = 0x766_0001L;
    static final int CHUNK_DAYS = 31;

    private final JdbcClient jdbc;
    private final AggregateQueries queries;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BoundaryStore boundaries;
    private final TerritoryHistory territory;

    IndicatorCatchUp(JdbcClient jdbc, AggregateQueries queries, TransactionTemplate tx, Clock clock,
                     BoundaryStore boundaries, TerritoryHistory territory) {
        this.boundaries = boundaries;
        this.territory = territory;
        this.jdbc = jdbc;
        this.queries = queries;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a run did: whether it held the lock, days re-done for late changes, new days aggregated, through which day. */
    public record Run(boolean ran, int lateDays, int newDays, LocalDate through, long millis) {
    }

    @Scheduled(fixedDelayString = "${motcua.reporting.catch-up-interval:PT15M}",
            initialDelayString = "${motcua.reporting.catch-up-initial-delay:PT2M}")
    void scheduled() {
        Run r = run(false);
        if (r.ran() && r.lateDays() + r.newDays() > 0) {
            log.info("Indicator catch-up: {} days re-done for late changes, {} new days, aggregated through {} in {} ms",
                    r.lateDays(), r.newDays(), r.through(), r.millis());
        }
    }

    /** The last day aggregated (every day up to it is in {@code reporting_day}), if any. */
    public Optional<LocalDate> throughDay() {
        return queries.throughDay();
    }

    /** One run up to yesterday; with {@code wait}, waits for the lock instead of skipping. */
    public Run run(boolean wait) {
        long t0 = System.nanoTime();
        Instant cut = clock.instant();
        LocalDate yesterday = LocalDate.ofInstant(cut, IndicatorService.VN).minusDays(1);
        // 1. Late changes to the days already aggregated: the history rows written since the last run.
        Integer late = tx.execute(s -> {
            if (!lock(wait)) {
                return null;
            }
            Optional<LocalDate> through = throughDay();
            // 0. A unit version beginning or ending mid-month since the last run: a new boundary of the held key.
            Optional<LocalDate> cut0 = boundaries.sync(territory.changeDays());
            if (through.isEmpty()) {
                return 0;
            }
            int keyed = 0;
            if (cut0.isPresent() && !cut0.get().isAfter(through.get())) {
                int rows = 0;
                for (LocalDate d = cut0.get(); !d.isAfter(through.get()); d = d.plusDays(CHUNK_DAYS)) {
                    rows += queries.redo(d, min(d.plusDays(CHUNK_DAYS - 1), through.get()), null);
                }
                log.info("Indicator catch-up: new boundary {} of the held key: days {}..{} re-done ({} rows)", cut0.get(),
                        cut0.get(), through.get(), rows);
                keyed = (int) (through.get().toEpochDay() - cut0.get().toEpochDay() + 1);
            }
            Instant since = queries.eventsUntil()
                    .orElseGet(() -> through.get().plusDays(1).atStartOfDay(IndicatorService.VN).toInstant());
            Optional<AggregateQueries.Touched> touched = queries.touched(since, cut);
            queries.setEventsUntil(cut);
            if (touched.isEmpty() || touched.get().firstDay().isAfter(through.get())) {
                return keyed;
            }
            LocalDate first = touched.get().firstDay();
            int rows = 0;
            for (LocalDate d = first; !d.isAfter(through.get()); d = d.plusDays(CHUNK_DAYS)) {
                LocalDate last = min(d.plusDays(CHUNK_DAYS - 1), through.get());
                rows += queries.redo(d, last, touched.get().codes());
            }
            log.info("Indicator catch-up: late changes of {} agencies since {}: days {}..{} re-done ({} rows)",
                    touched.get().codes().size(), since, first, through.get(), rows);
            return Math.max(keyed, (int) (through.get().toEpochDay() - first.toEpochDay() + 1));
        });
        if (late == null) {
            return new Run(false, 0, 0, null, 0);
        }
        // 2. New days, chunk by chunk, each chunk committed with the watermark.
        int added = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                if (!lock(wait)) {
                    return null;
                }
                Optional<LocalDate> through = throughDay();
                LocalDate first = through.map(d -> d.plusDays(1)).orElseGet(this::firstDay);
                if (first == null || first.isAfter(yesterday)) {
                    if (through.isEmpty() && first == null) {
                        setThrough(yesterday); // no dossiers at all: nothing to aggregate before today
                    }
                    if (queries.eventsUntil().isEmpty()) {
                        queries.setEventsUntil(cut); // the days were read after every change before the run began
                    }
                    return 0;
                }
                LocalDate last = min(first.plusDays(CHUNK_DAYS - 1), yesterday);
                long c0 = System.nanoTime();
                int rows = queries.redo(first, last, null);
                setThrough(last);
                log.info("Indicator catch-up: days {}..{} aggregated ({} rows) in {} ms", first, last, rows,
                        (System.nanoTime() - c0) / 1_000_000);
                return (int) (last.toEpochDay() - first.toEpochDay() + 1);
            });
            if (n == null || n == 0) {
                break;
            }
            added += n;
        }
        return new Run(true, late, added, throughDay().orElse(null), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Re-does days [from, to] (only those already aggregated) for the agencies (null = all), at once: for corrections
     * written outside the dossier module's services (bulk imports, repairs), which leave no history row.
     */
    public int redo(LocalDate from, LocalDate to, Collection<String> agencyCodes) {
        Integer rows = tx.execute(s -> {
            lock(true);
            Optional<LocalDate> through = throughDay();
            if (through.isEmpty() || from.isAfter(through.get())) {
                return 0;
            }
            LocalDate end = min(to, through.get());
            int n = 0;
            for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(CHUNK_DAYS)) {
                n += queries.redo(d, min(d.plusDays(CHUNK_DAYS - 1), end), agencyCodes);
            }
            return n;
        });
        return rows == null ? 0 : rows;
    }

    /** {@code EXPLAIN (ANALYZE, BUFFERS)} of one chunk's re-doing of days [from, to], rolled back (the bench prints it). */
    public java.util.List<String> explainChunk(LocalDate from, LocalDate to) {
        return tx.execute(s -> {
            lock(true);
            s.setRollbackOnly();
            return queries.explainRedo(from, to);
        });
    }

    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(?)::text").param(LOCK).query(String.class).single();
            return true;
        }
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single());
    }

    private LocalDate firstDay() {
        return queries.firstDay();
    }

    private void setThrough(LocalDate day) {
        queries.setThrough(day);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
