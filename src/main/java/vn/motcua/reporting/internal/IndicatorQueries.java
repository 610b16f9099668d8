package vn.motcua.reporting.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indicators' SQL. Reporting reads the dossier module's tables directly (read-only: {@code dossier},
 * {@code dossier_result}, {@code dossier_pause}, {@code dossier_extension}); this is the one place that knows their
 * columns, documented in docs/indicators.md next to each formula. One statement per answer: a per-dossier CTE
 * ({@link #DOSSIERS}) classifies every dossier of the selected holders, then the totals and the per-procedure
 * resolution times are aggregated from it.
 */
@Component
public class IndicatorQueries {

    /**
     * Per dossier: the promised date (appointment moved by pauses, without Form 04 extensions), the end (first of
     * decided / returned / refused / stopped), the number of supplement requests during processing (pauses), the time
     * paused, the apology letters. Parameters: codes[], from[], to[] (holders), period start, period end, judge
     * instant (min(period end, now)). The holders' windows of one code never overlap ({@link Holder#merge}), so the
     * join on the code (hashed) finds each dossier at most once.
     */
    static final String DOSSIERS = """
            with h(code, valid_from, valid_to) as (select * from unnest(?::text[], ?::date[], ?::date[])),
            p(start_at, end_at, judge_at) as (select ?::timestamptz, ?::timestamptz, ?::timestamptz),
            d as (
              select d.id, d.channel, d.state, d.procedure_code, d.procedure_name, d.received_at, d.accepted_at,
                     case when d.state in ('DRAFT', 'SUBMITTED', 'TRIAGE', 'SUPPLEMENT_REQUESTED') then null
                          when d.state = 'REFUSED' then coalesce(d.due_at, d.reception_due_at)
                          else d.due_at - coalesce(x.shift, interval '0') end as promised,
                     least(r.decided_at, r.returned_at, d.closed_at) as end_at,
                     r.delivery, r.rating, r.rated_at, r.outcome, r.returned_at, d.procedure_field,
                     coalesce(q.n, 0) as pauses, coalesce(q.paused, interval '0') as paused,
                     coalesce(x.n, 0) as apologies, coalesce(x.in_period, 0) as apologies_in_period,
                     exists (select 1 from dossier_attachment a
                             where a.dossier_id = d.id and a.reused_document_id is not null) as reused,
                     exists (select 1 from dossier_attachment a where a.dossier_id = d.id) as has_files,
                     exists (select 1 from wallet_document w
                             where w.dossier_id = d.id and w.source = 'RESULT') as e_result
              from dossier d
              /*CANDIDATES*/
              join h on h.code = d.agency_code
                and (h.valid_from is null
                     or (coalesce(d.agency_since, d.received_at) at time zone 'Asia/Ho_Chi_Minh')::date >= h.valid_from)
                and (h.valid_to is null
                     or (coalesce(d.agency_since, d.received_at) at time zone 'Asia/Ho_Chi_Minh')::date < h.valid_to)
              cross join p
              left join dossier_result r on r.dossier_id = d.id
              left join lateral (select count(*) as n, sum(coalesce(dp.resumed_at, least(r.decided_at, r.returned_at, d.closed_at), p.judge_at) - dp.paused_at) as paused
                                 from dossier_pause dp where dp.dossier_id = d.id) q on true
              left join lateral (select count(*) as n, sum(e.new_due - e.previous_due) as shift,
                                        count(*) filter (where e.created_at >= p.start_at and e.created_at < p.end_at) as in_period
                                 from dossier_extension e where e.dossier_id = d.id) x on true
              where d.state <> 'DRAFT' and d.received_at < p.end_at
                and (?::text is null or d.procedure_field = ?) and (?::text is null or d.procedure_code = ?)
            ),
            c as (
              select d.*,
                     d.received_at >= p.start_at as received_in,
                     d.promised is not null and (d.end_at is null or d.end_at >= p.start_at) as to_process,
                     d.end_at is not null and d.end_at >= p.start_at and d.end_at < p.end_at as finished_in,
                     d.outcome = 'APPROVED' and d.returned_at >= p.start_at and d.returned_at < p.end_at as returned_in,
                     d.pauses < 2 and case when d.end_at is not null and d.end_at < p.end_at then d.end_at <= d.promised
                                           else d.promised >= p.judge_at end as on_time
              from d cross join p
            )
            """;

    static final String TOTALS = DOSSIERS + """
            select count(*) filter (where received_in or to_process) as dossiers,
                   count(*) filter (where to_process) as to_process,
                   count(*) filter (where to_process and on_time) as on_time,
                   count(*) filter (where to_process and finished_in) as finished,
                   count(*) filter (where to_process and not finished_in) as in_progress,
                   count(*) filter (where to_process and pauses >= 2) as second_supplement,
                   count(*) filter (where received_in) as received,
                   count(*) filter (where received_in and channel = 'ONLINE') as online,
                   count(*) filter (where received_in and channel = 'ONLINE' and delivery = 'ONLINE') as fully_online,
                   count(*) filter (where rating is not null and rated_at >= (select start_at from p)
                                    and rated_at < (select end_at from p)) as rated,
                   count(*) filter (where rating >= 4 and rated_at >= (select start_at from p)
                                    and rated_at < (select end_at from p)) as satisfied,
                   coalesce(sum(rating) filter (where rated_at >= (select start_at from p)
                                                and rated_at < (select end_at from p)), 0) as rating_sum,
                   count(*) filter (where received_in and promised is not null) as received_promised,
                   count(*) filter (where received_in and reused) as reused,
                   coalesce(sum(apologies_in_period), 0) as apologies_issued,
                   count(*) filter (where to_process and not on_time) as late,
                   count(*) filter (where to_process and not on_time and apologies > 0) as late_with_apology
            from c
            """;

    static final String PER_PROCEDURE = DOSSIERS + """
            select procedure_code, min(procedure_name) as procedure_name,
                   count(*) filter (where to_process and finished_in) as finished,
                   coalesce(sum(extract(epoch from (end_at - coalesce(accepted_at, received_at) - paused)))
                            filter (where to_process and finished_in), 0)::float8 as seconds,
                   count(*) filter (where returned_in) as results,
                   count(*) filter (where returned_in and e_result) as e_results,
                   count(*) filter (where returned_in and e_result and has_files) as digitised
            from c where (to_process and finished_in) or returned_in
            group by procedure_code order by procedure_code
            """;

    /**
     * Restricts the dossiers read to those changed since an instant (their history, indexed on its time) and those
     * open now (the agency and state index): the live delta after the aggregated days. Parameters: since, codes[].
     */
    static final String CANDIDATES = """
            join (select e.dossier_id as id from dossier_history e where e.at >= ?::timestamptz
                  union
                  select o.id from dossier o where o.agency_code = any (?::text[])
                     and o.state in ('SUBMITTED', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'PROCESSING_PAUSED', 'RESULT_READY')
                 ) cand on cand.id = d.id
            """;

    /** Raw counts of one selection and period (additive: the aggregated days and the live delta are summed). */
    public record Totals(long dossiers, long toProcess, long onTime, long finished, long inProgress,
                         long secondSupplement, long received, long receivedPromised, long online, long fullyOnline,
                         long rated, long satisfied, long ratingSum, long apologiesIssued, long late,
                         long lateWithApology, long reused) {

        public Double averageRating() {
            return rated == 0 ? null : (double) ratingSum / rated;
        }

        Totals plus(Totals o) {
            return new Totals(dossiers + o.dossiers, toProcess + o.toProcess, onTime + o.onTime, finished + o.finished,
                    inProgress + o.inProgress, secondSupplement + o.secondSupplement, received + o.received,
                    receivedPromised + o.receivedPromised, online + o.online, fullyOnline + o.fullyOnline,
                    rated + o.rated, satisfied + o.satisfied, ratingSum + o.ratingSum,
                    apologiesIssued + o.apologiesIssued, late + o.late, lateWithApology + o.lateWithApology,
                    reused + o.reused);
        }

        /**
         * The totals of aggregated days; with {@code snapshot}, the dossiers in flight at the end of the last day
         * count too (to process, on time if their promised date had not passed then).
         */
        static Totals of(AggregateQueries.Sums s, boolean snapshot) {
            long inFlight = snapshot ? s.inFlight() : 0;
            long inFlightOnTime = snapshot ? s.inFlightOnTime() : 0;
            long toProcess = s.finished() + inFlight;
            long onTime = s.finishedOnTime() + inFlightOnTime;
            return new Totals(s.received() - s.receivedPromised() + s.finished() + inFlight, toProcess, onTime,
                    s.finished(), inFlight, s.finishedSecond() + (snapshot ? s.inFlightSecond() : 0), s.received(),
                    s.receivedPromised(), s.online(), s.fullyOnline(), s.rated(), s.satisfied(), s.ratingSum(),
                    s.apologiesIssued(), toProcess - onTime,
                    s.finishedLateApology() + (snapshot ? s.inFlightLateApology() : 0), s.reused());
        }
    }

    /**
     * Per procedure: the dossiers finished in the period and their total resolution time (supplement time excluded);
     * the approved results returned in the period, of them those issued as an electronic document into the
     * applicant's data store, and of those the dossiers whose components are files (digitised).
     */
    public record ProcedureSum(String procedureCode, String procedureName, long finished, double seconds, long results,
                               long eResults, long digitised) {

        ProcedureSum plus(ProcedureSum o) {
            return new ProcedureSum(procedureCode, procedureName, finished + o.finished, seconds + o.seconds,
                    results + o.results, eResults + o.eResults, digitised + o.digitised);
        }
    }

    private final JdbcTemplate jdbc;

    IndicatorQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts from the live tables over {@code [start, end)}; with {@code changedSince}, only the dossiers changed since
     * then or open now are read (the live delta after the aggregated days), else all of the selection's.
     */
    public Totals totals(List<Holder> holders, Instant start, Instant end, Instant judgeAt, Instant changedSince) {
        return totals(holders, Filter.NONE, start, end, judgeAt, changedSince);
    }

    public Totals totals(List<Holder> holders, Filter filter, Instant start, Instant end, Instant judgeAt,
                         Instant changedSince) {
        return jdbc.query(c -> statement(c, TOTALS, holders, filter, start, end, judgeAt, changedSince), rs -> {
            rs.next();
            return new Totals(rs.getLong("dossiers"), rs.getLong("to_process"), rs.getLong("on_time"),
                    rs.getLong("finished"), rs.getLong("in_progress"), rs.getLong("second_supplement"),
                    rs.getLong("received"), rs.getLong("received_promised"), rs.getLong("online"),
                    rs.getLong("fully_online"), rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("rating_sum"),
                    rs.getLong("apologies_issued"), rs.getLong("late"), rs.getLong("late_with_apology"),
                    rs.getLong("reused"));
        });
    }

    public List<ProcedureSum> resolutionTimes(List<Holder> holders, Instant start, Instant end, Instant judgeAt,
                                              Instant changedSince) {
        return resolutionTimes(holders, Filter.NONE, start, end, judgeAt, changedSince);
    }

    public List<ProcedureSum> resolutionTimes(List<Holder> holders, Filter filter, Instant start, Instant end,
                                              Instant judgeAt, Instant changedSince) {
        return jdbc.query(c -> statement(c, PER_PROCEDURE, holders, filter, start, end, judgeAt, changedSince),
                (rs, i) -> new ProcedureSum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }

    static PreparedStatement statement(Connection c, String sql, List<Holder> holders, Filter filter,
                                               Instant start, Instant end, Instant judgeAt, Instant changedSince)
            throws SQLException {
        PreparedStatement ps = AggregateQueries.customPlan(
                c.prepareStatement(sql.replace("/*CANDIDATES*/", changedSince == null ? "" : CANDIDATES)));
        int i = 1;
        int k = 7;
        if (changedSince != null) {
            // The candidates' join comes first in the text, after the holders and the period (CTE parameters 1–6).
            ps.setTimestamp(k++, Timestamp.from(changedSince));
            ps.setArray(k++, c.createArrayOf("text", holders.stream().map(Holder::code).distinct().toArray()));
        }
        // The field and procedure filter, in the where clause after the joins.
        ps.setString(k++, filter.field());
        ps.setString(k++, filter.field());
        ps.setString(k++, filter.procedure());
        ps.setString(k, filter.procedure());
        ps.setArray(i++, c.createArrayOf("text", holders.stream().map(Holder::code).toArray()));
        ps.setArray(i++, c.createArrayOf("date", holders.stream()
                .map(h -> h.from() == null ? null : java.sql.Date.valueOf(h.from())).toArray()));
        ps.setArray(i++, c.createArrayOf("date", holders.stream()
                .map(h -> h.to() == null ? null : java.sql.Date.valueOf(h.to())).toArray()));
        ps.setTimestamp(i++, Timestamp.from(start));
        ps.setTimestamp(i++, Timestamp.from(end));
        ps.setTimestamp(i, Timestamp.from(judgeAt));
        return ps;
    }
}
