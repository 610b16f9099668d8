package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.WorkingCalendar;

import static vn.motcua.dossier.internal.DossierStore.instant;
import static vn.motcua.dossier.internal.DossierStore.ts;

/**
 * Watches every open dossier's appointment and every open step's quota, and flags them SOON (a badge
 * in the inbox) before they are late, then LATE. Cluster-safe: each run takes a PostgreSQL advisory
 * transaction lock, so when several nodes run the schedule only one does the work.
 */
@Component
public class LateWatch {

    private static final Logger log = LoggerFactory.getLogger(LateWatch.class);
    /** Advisory lock key: "40" (dossier) "2" (processing). */
    static final long LOCK = 402L;
    /** A dossier is flagged when less than one working day is left. */
    static final Duration DOSSIER_SOON = Duration.ofHours(8);

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final ProcessingStore steps;
    private final TransactionTemplate tx;
    private final Clock clock;

    LateWatch(JdbcClient jdbc, WorkingCalendar calendar, ProcessingStore steps, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.steps = steps;
        this.tx = tx;
        this.clock = clock;
    }

    public record Run(boolean ran, int stepsFlagged, int dossiersFlagged) {
    }

    @Scheduled(fixedDelayString = "${motcua.processing.watch-interval:PT1M}", initialDelayString = "PT20S")
    void scheduled() {
        Run r = watch(clock.instant());
        if (r.stepsFlagged() + r.dossiersFlagged() > 0) {
            log.info("Late watch: {} steps and {} dossiers newly flagged", r.stepsFlagged(), r.dossiersFlagged());
        }
    }

    /** One run at the given instant; does nothing when another node holds the lock. */
    public Run watch(Instant now) {
        return tx.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return new Run(false, 0, 0);
            }
            return new Run(true, watchSteps(now), watchDossiers(now));
        });
    }

    record Due(UUID dossierId, int seq, Instant due, Integer quotaHours, String agency, String warning) {
    }

    /*
     * Set-based, and never waiting: rows another transaction holds (an officer acting, a reorganisation batch moving
     * thousands of dossiers) are skipped with SKIP LOCKED and flagged on the next run a minute later, so the watch
     * can neither deadlock with nor slow down the work it watches. Past-due rows become LATE in one statement; only
     * the rows due within the horizon go through the working calendar in Java.
     */
    private int watchSteps(Instant now) {
        int late = jdbc.sql("""
                        update dossier_step set warning = 'LATE' where (dossier_id, seq) in (
                            select s.dossier_id, s.seq from dossier_step s join dossier d on d.id = s.dossier_id
                            where s.finished_at is null and d.state in ('ACCEPTED', 'RESULT_READY')
                              and s.due_at < :now and s.warning is distinct from 'LATE'
                            for update of s skip locked)
                        """).param("now", ts(now)).update();
        List<Due> candidates = jdbc.sql("""
                        select s.dossier_id, s.seq, s.due_at, s.quota_hours, s.agency_code, s.warning
                        from dossier_step s join dossier d on d.id = s.dossier_id
                        where s.finished_at is null and s.due_at is not null and d.state in ('ACCEPTED', 'RESULT_READY')
                          and s.due_at >= :now and s.due_at < :horizon and s.warning is null
                        """)
                .param("now", ts(now)).param("horizon", ts(now.plus(Duration.ofDays(10))))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getInt(2), instant(rs, "due_at"),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6)))
                .list();
        List<UUID> soonIds = new ArrayList<>();
        List<Integer> soonSeqs = new ArrayList<>();
        for (Due d : candidates) {
            String flag = flag(now, d.due(), d.agency(),
                    Duration.ofMinutes(Math.max(60, (d.quotaHours() == null ? 0 : d.quotaHours()) * 60L / 4)));
            if ("SOON".equals(flag)) {
                soonIds.add(d.dossierId());
                soonSeqs.add(d.seq());
            }
        }
        int soon = soonIds.isEmpty() ? 0 : jdbc.sql("""
                        update dossier_step set warning = 'SOON' where (dossier_id, seq) in (
                            select s.dossier_id, s.seq from dossier_step s
                            join unnest(:ids::uuid[], :seqs::int[]) as f(id, seq) on f.id = s.dossier_id and f.seq = s.seq
                            where s.warning is null for update of s skip locked)
                        """)
                .param("ids", soonIds.toArray(UUID[]::new)).param("seqs", soonSeqs.toArray(Integer[]::new)).update();
        return late + soon;
    }

    private int watchDossiers(Instant now) {
        int late = jdbc.sql("""
                        update dossier set warning = 'LATE' where id in (
                            select id from dossier where state in ('ACCEPTED', 'RESULT_READY') and due_at < :now
                              and warning is distinct from 'LATE'
                            for update skip locked)
                        """).param("now", ts(now)).update();
        List<Due> candidates = jdbc.sql("""
                        select id, 0, due_at, null, agency_code, warning from dossier
                        where state in ('ACCEPTED', 'RESULT_READY') and due_at >= :now and due_at < :horizon
                          and warning is null
                        """)
                .param("now", ts(now)).param("horizon", ts(now.plus(Duration.ofDays(10))))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), 0, instant(rs, "due_at"), null,
                        rs.getString(5), rs.getString(6)))
                .list();
        List<UUID> soon = new ArrayList<>();
        for (Due d : candidates) {
            if ("SOON".equals(flag(now, d.due(), d.agency(), DOSSIER_SOON))) {
                soon.add(d.dossierId());
            }
        }
        int flagged = soon.isEmpty() ? 0 : jdbc.sql("""
                        update dossier set warning = 'SOON' where id in (
                            select id from dossier where id = any (:ids) and warning is null for update skip locked)
                        """).param("ids", soon.toArray(UUID[]::new)).update();
        return late + flagged;
    }

    /** LATE once the due instant has passed; SOON when less office time than {@code soon} is left. */
    String flag(Instant now, Instant due, String agency, Duration soon) {
        if (now.isAfter(due)) {
            return "LATE";
        }
        Duration left = calendar.remainingWorkingTime(now, ZonedDateTime.ofInstant(due, IntakeService.VN), agency);
        return left.compareTo(soon) <= 0 ? "SOON" : null;
    }
}
