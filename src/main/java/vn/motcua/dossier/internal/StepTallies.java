package vn.motcua.dossier.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.territory.PostRole;

/**
 * Counts of open steps per (agency, role, field, assignee), kept by the database (V40_60): statement triggers on
 * {@code dossier_step} append delta rows, this class folds them and reads folded + unfolded. What the processing
 * page's warned count and the leader's workload table read instead of every open step of an agency.
 * <p>
 * Cluster-safe: a fold takes a PostgreSQL advisory transaction lock, so when several nodes run the schedule only one
 * folds; folding is also correct if two ran at once (each deletes only the deltas its snapshot sees).
 */
@Component
public class StepTallies {

    private static final Logger log = LoggerFactory.getLogger(StepTallies.class);
    /** Advisory lock key: "40" (dossier) "3" (step tallies). */
    static final long LOCK = 403L;

    /**
     * The tallies of the agencies {@code :ta} as one row per key with a non-zero count, columns as in
     * {@code dossier_step} (field_key, assignee and assignee_name null for none). A FROM item; the caller names it.
     */
    public static final String OPEN = """
            (select agency_code, role, nullif(field_key, '') as field_key, nullif(assignee, '') as assignee,
                    nullif(assignee_name, '') as assignee_name, sum(open) as open, sum(soon) as soon, sum(late) as late,
                    sum(warned) as warned
               from (select agency_code, role, field_key, assignee, assignee_name, open, soon, late, warned
                       from dossier_step_tally where agency_code = any(cast(:ta as text[]))
                     union all
                     select agency_code, role, field_key, assignee, assignee_name, open, soon, late, warned
                       from dossier_step_tally_delta where agency_code = any(cast(:ta as text[]))) t
              group by agency_code, role, field_key, assignee, assignee_name
             having sum(open) <> 0)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    StepTallies(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Open steps per officer of the given agencies, then the unassigned queues per role and field. */
    List<ProcessingQueries.Workload> workload(List<String> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select assignee, max(assignee_name), case when assignee is null then role end as queue_role,"
                        + " case when assignee is null then field_key end as queue_field, sum(open), sum(soon), sum(late)"
                        + " from " + OPEN + " s group by 1, 3, 4 order by assignee nulls first, 3, 4 nulls first")
                .param("ta", agencies.toArray(String[]::new))
                .query((rs, n) -> new ProcessingQueries.Workload(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? null : PostRole.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    @Scheduled(fixedDelayString = "${motcua.processing.tally-fold-interval:PT30S}", initialDelayString = "PT25S")
    void scheduled() {
        int folded = fold();
        if (folded > 1000) {
            log.info("Step tallies: {} delta rows folded", folded);
        }
    }

    /**
     * Folds the deltas into the tallies: deletes the deltas this transaction sees and adds their sums to the folded
     * rows, in one transaction (a reader sees the deltas or their sum, never both or neither). Returns the number of
     * deltas folded, or -1 when another node holds the lock.
     */
    public int fold() {
        Integer n = tx.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return -1;
            }
            int deltas = jdbc.sql("""
                    with gone as (delete from dossier_step_tally_delta returning *),
                         sums as (select agency_code, role, field_key, assignee, assignee_name, sum(open) as open,
                                         sum(soon) as soon, sum(late) as late, sum(warned) as warned, count(*) as n
                                    from gone group by 1, 2, 3, 4, 5),
                         added as (insert into dossier_step_tally as t
                                   select agency_code, role, field_key, assignee, assignee_name, open, soon, late, warned
                                     from sums
                                   on conflict (agency_code, role, field_key, assignee, assignee_name) do update
                                   set open = t.open + excluded.open, soon = t.soon + excluded.soon,
                                       late = t.late + excluded.late, warned = t.warned + excluded.warned)
                    select coalesce(sum(n), 0) from sums
                    """).query(Integer.class).single();
            // Keys whose steps all closed or moved (an officer's queue emptied, an agency merged away).
            jdbc.sql("delete from dossier_step_tally where open = 0 and soon = 0 and late = 0 and warned = 0").update();
            return deltas;
        });
        return n == null ? -1 : n;
    }
}
