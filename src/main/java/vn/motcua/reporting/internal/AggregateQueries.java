package vn.motcua.reporting.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.platform.db.CustomPlans;

/**
 * The SQL of the daily aggregates ({@code reporting_day}, migration V90_1): re-doing a range of days from the dossier
 * tables (the same per-dossier classification as {@link IndicatorQueries#DOSSIERS}, counted on the day each fact
 * happened), finding the days touched by late changes, and summing the aggregates of a selection. Formulas:
 * docs/indicators.md.
 */
@Component
public class AggregateQueries {

    /** Parameters: first day, last day, start instant, end instant, agency codes (null = all). */
    static final String REDO = """
            with p(d1, d2, start_at, end_at, codes, bounds) as (
              select ?::date, ?::date, ?::timestamptz, ?::timestamptz, ?::text[],
                     (select coalesce(array_agg(day), '{}') from reporting_boundary)),
            -- The dossiers that can count in [start, end): received in it; received before it and not closed before
            -- its start (ended in it or in flight); returned or rated in it. Each branch is a bounded range BRIN
            -- indexes answer (V90_7): the second one the blocks both received before the start and closed since
            -- (BitmapAnd), so a chunk reads its own days, not the history after it. A dossier received before the
            -- start, ended before it and returned or rated after the end has no fact in the chunk. The where clause
            -- below keeps exactly the old selection.
            ids as (
              select d.id from dossier d cross join p where d.received_at >= p.start_at and d.received_at < p.end_at
              union
              select d.id from dossier d cross join p where d.received_at < p.start_at and d.closed_at >= p.start_at
              union
              select d.id from dossier d cross join p where d.received_at < p.start_at and d.closed_at is null
              union
              select r.dossier_id from dossier_result r cross join p
              where r.returned_at >= p.start_at and r.returned_at < p.end_at
              union
              select r.dossier_id from dossier_result r cross join p where r.rated_at >= p.start_at and r.rated_at < p.end_at
            ),
            b as (
              select d.id, d.agency_code, d.procedure_code, d.procedure_name, d.channel, d.state, d.received_at,
                     d.accepted_at, d.due_at, d.reception_due_at,
                     greatest(date_trunc('month', coalesce(d.agency_since, d.received_at) at time zone 'Asia/Ho_Chi_Minh')::date,
                              (select max(k) from unnest(p.bounds) k
                               where k <= (coalesce(d.agency_since, d.received_at) at time zone 'Asia/Ho_Chi_Minh')::date)) as held_month,
                     least(r.decided_at, r.returned_at, d.closed_at) as end_at, r.delivery, r.rating, r.rated_at,
                     r.outcome, r.returned_at, d.procedure_field, (d.receipt_number is not null
                      and (length(regexp_replace(coalesce(d.applicant_phone, ''), '\\D', '', 'g')) >= 4
                           or d.applicant_personal_id is not null)) as trackable,
                     exists (select 1 from dossier_attachment a
                             where a.dossier_id = d.id and a.reused_document_id is not null) as reused,
                     exists (select 1 from dossier_attachment a where a.dossier_id = d.id) as has_files,
                     exists (select 1 from wallet_document w
                             where w.dossier_id = d.id and w.source = 'RESULT') as e_result
              -- each candidate by its key (offset 0 keeps the look-up apart): joined on the condition below instead,
              -- PostgreSQL scans every dossier received before the chunk's end, the whole history for a late chunk
              from ids cross join lateral (select x.* from dossier x where x.id = ids.id offset 0) d cross join p
              left join dossier_result r on r.dossier_id = d.id
              where d.state <> 'DRAFT' and d.agency_code is not null and d.received_at < p.end_at
                and (p.codes is null or d.agency_code = any (p.codes))
                and (d.received_at >= p.start_at or r.rated_at >= p.start_at or r.returned_at >= p.start_at
                     or coalesce(least(r.decided_at, r.returned_at, d.closed_at) >= p.start_at, true))
            ),
            d as (
              select b.*, (b.received_at at time zone 'Asia/Ho_Chi_Minh')::date as rday,
                     (b.end_at at time zone 'Asia/Ho_Chi_Minh')::date as eday,
                     (b.rated_at at time zone 'Asia/Ho_Chi_Minh')::date as qday,
                     (b.returned_at at time zone 'Asia/Ho_Chi_Minh')::date as tday,
                     case when b.state in ('SUBMITTED', 'TRIAGE', 'SUPPLEMENT_REQUESTED') then null
                          when b.state = 'REFUSED' then coalesce(b.due_at, b.reception_due_at)
                          else b.due_at - coalesce(x.shift, interval '0') end as promised,
                     coalesce(q.n, 0) as pauses, coalesce(q.paused, interval '0') as paused, coalesce(x.n, 0) as apologies
              from b cross join p
              left join lateral (select count(*) as n, sum(coalesce(dp.resumed_at, b.end_at, p.end_at) - dp.paused_at) as paused
                                 from dossier_pause dp where dp.dossier_id = b.id) q on true
              left join lateral (select count(*) as n, sum(e.new_due - e.previous_due) as shift
                                 from dossier_extension e where e.dossier_id = b.id) x on true
            ),
            f as (
              select d.*, d.pauses < 2 and d.end_at <= d.promised as done_on_time from d
            ),
            rows as (
              select rday as day, agency_code, procedure_code, held_month, procedure_name,
                     1 as received, (promised is not null)::int as received_promised, (channel = 'ONLINE')::int as online,
                     (channel = 'ONLINE' and delivery is not distinct from 'ONLINE')::int as fully_online,
                     0 as finished, 0 as finished_on_time, 0 as finished_second, 0 as finished_late_apology,
                     0::float8 as resolution_seconds, 0 as rated, 0 as satisfied, 0 as rating_sum, 0 as apologies_issued,
                     0 as in_flight, 0 as in_flight_on_time, 0 as in_flight_second, 0 as in_flight_late_apology,
                     reused::int as reused, 0 as results, 0 as e_results, 0 as digitised, procedure_field,
                     trackable::int as trackable
              from f cross join p where f.rday between p.d1 and p.d2
              union all
              select eday, agency_code, procedure_code, held_month, procedure_name, 0, 0, 0, 0,
                     1, done_on_time::int, (pauses >= 2)::int, (not done_on_time and apologies > 0)::int,
                     extract(epoch from (f.end_at - coalesce(f.accepted_at, f.received_at) - f.paused))::float8,
                     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, procedure_field, 0
              from f cross join p where f.promised is not null and f.eday between p.d1 and p.d2
              union all
              select qday, agency_code, procedure_code, held_month, procedure_name, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     1, (rating >= 4)::int, rating, 0, 0, 0, 0, 0, 0, 0, 0, 0, procedure_field, 0
              from f cross join p where f.rating is not null and f.qday between p.d1 and p.d2
              union all
              select tday, agency_code, procedure_code, held_month, procedure_name, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     0, 0, 0, 0, 0, 0, 0, 0, 0,
                     1, e_result::int, (e_result and has_files)::int, procedure_field, 0
              from f cross join p where f.outcome = 'APPROVED' and f.tday between p.d1 and p.d2
              union all
              select g.day::date, agency_code, procedure_code, held_month, procedure_name, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     0, 0, 0, 0,
                     1, o.on_time::int, (pauses >= 2)::int, (not o.on_time and apologies > 0)::int, 0, 0, 0, 0,
                     procedure_field, 0
              from f cross join p
              cross join lateral generate_series(greatest(p.d1, f.rday)::timestamp, least(p.d2, coalesce(f.eday - 1, p.d2))::timestamp,
                                                 interval '1 day') g(day)
              cross join lateral (select f.pauses < 2
                                         and f.promised >= ((g.day + interval '1 day') at time zone 'Asia/Ho_Chi_Minh')
                                         as on_time) o
              where f.promised is not null
              union all
              select (e.created_at at time zone 'Asia/Ho_Chi_Minh')::date, x.agency_code, x.procedure_code,
                     greatest(date_trunc('month', coalesce(x.agency_since, x.received_at) at time zone 'Asia/Ho_Chi_Minh')::date,
                              (select max(k) from unnest(p.bounds) k
                               where k <= (coalesce(x.agency_since, x.received_at) at time zone 'Asia/Ho_Chi_Minh')::date)),
                     x.procedure_name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                     x.procedure_field, 0
              from dossier_extension e join dossier x on x.id = e.dossier_id cross join p
              where e.created_at >= p.start_at and e.created_at < p.end_at and x.agency_code is not null
                and x.state <> 'DRAFT' and (p.codes is null or x.agency_code = any (p.codes))
            )
            insert into reporting_day (day, agency_code, procedure_code, held_month, procedure_name, received,
                                       received_promised, online, fully_online, finished, finished_on_time,
                                       finished_second, finished_late_apology, resolution_seconds, rated, satisfied,
                                       rating_sum, apologies_issued, in_flight, in_flight_on_time, in_flight_second,
                                       in_flight_late_apology, reused, results, e_results, digitised,
                                       procedure_field, trackable)
            select day, agency_code, procedure_code, held_month, max(procedure_name), sum(received),
                   sum(received_promised), sum(online), sum(fully_online), sum(finished), sum(finished_on_time),
                   sum(finished_second), sum(finished_late_apology), sum(resolution_seconds), sum(rated), sum(satisfied),
                   sum(rating_sum), sum(apologies_issued), sum(in_flight), sum(in_flight_on_time), sum(in_flight_second),
                   sum(in_flight_late_apology), sum(reused), sum(results), sum(e_results), sum(digitised),
                   max(procedure_field), sum(trackable)
            from rows group by day, agency_code, procedure_code, held_month
            """;

    /**
     * Days touched by changes recorded after the aggregated days (late changes): per changed dossier, from the day it
     * was received; its agency now, and the agency it was moved from by a reorganisation. Ratings touch only the day
     * they are given (already a day after the aggregated ones), so they are left out. Parameters: from, until.
     */
    static final String TOUCHED = """
            select min((d.received_at at time zone 'Asia/Ho_Chi_Minh')::date) as first_day,
                   array_remove(array_agg(distinct d.agency_code) || array_agg(distinct e.data ->> 'from'), null) as codes
            from dossier_history e join dossier d on d.id = e.dossier_id
            where e.at >= ? and e.at < ? and e.type <> 'RATED'
            """;

    static final String SUMS = """
            with h(code, valid_from, valid_to) as (select * from unnest(?::text[], ?::date[], ?::date[]))
            select coalesce(sum(received), 0) as received, coalesce(sum(received_promised), 0) as received_promised,
                   coalesce(sum(online), 0) as online, coalesce(sum(fully_online), 0) as fully_online,
                   coalesce(sum(finished), 0) as finished, coalesce(sum(finished_on_time), 0) as finished_on_time,
                   coalesce(sum(finished_second), 0) as finished_second,
                   coalesce(sum(finished_late_apology), 0) as finished_late_apology,
                   coalesce(sum(rated), 0) as rated, coalesce(sum(satisfied), 0) as satisfied,
                   coalesce(sum(rating_sum), 0) as rating_sum, coalesce(sum(apologies_issued), 0) as apologies_issued,
                   coalesce(sum(in_flight) filter (where r.day = ?), 0) as in_flight,
                   coalesce(sum(in_flight_on_time) filter (where r.day = ?), 0) as in_flight_on_time,
                   coalesce(sum(in_flight_second) filter (where r.day = ?), 0) as in_flight_second,
                   coalesce(sum(in_flight_late_apology) filter (where r.day = ?), 0) as in_flight_late_apology,
                   coalesce(sum(reused), 0) as reused
            from reporting_day r
            join h on h.code = r.agency_code and (h.valid_from is null or r.held_month >= h.valid_from)
                  and (h.valid_to is null or r.held_month < h.valid_to)
            where r.day between ? and ?
              and (?::text is null or r.procedure_field = ?) and (?::text is null or r.procedure_code = ?)
            """;

    static final String PER_PROCEDURE = """
            with h(code, valid_from, valid_to) as (select * from unnest(?::text[], ?::date[], ?::date[]))
            select procedure_code, max(procedure_name), sum(finished), sum(resolution_seconds), sum(results),
                   sum(e_results), sum(digitised)
            from reporting_day r
            join h on h.code = r.agency_code and (h.valid_from is null or r.held_month >= h.valid_from)
                  and (h.valid_to is null or r.held_month < h.valid_to)
            where r.day between ? and ? and (r.finished > 0 or r.results > 0)
              and (?::text is null or r.procedure_field = ?) and (?::text is null or r.procedure_code = ?)
            group by procedure_code order by procedure_code
            """;

    /** Sums of the aggregates of a selection over days [from, to]; the in-flight columns of day {@code snapshot}. */
    public record Sums(long received, long receivedPromised, long online, long fullyOnline, long finished,
                       long finishedOnTime, long finishedSecond, long finishedLateApology, long rated, long satisfied,
                       long ratingSum, long apologiesIssued, long inFlight, long inFlightOnTime, long inFlightSecond,
                       long inFlightLateApology, long reused) {
    }

    /** Days and agencies touched by late changes. */
    public record Touched(LocalDate firstDay, List<String> codes) {
    }

    private final JdbcTemplate jdbc;

    AggregateQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes and recomputes days [d1, d2] for the agencies (null = all); returns the rows written. */
    int redo(LocalDate d1, LocalDate d2, Collection<String> codes) {
        Instant start = d1.atStartOfDay(IndicatorService.VN).toInstant();
        Instant end = d2.plusDays(1).atStartOfDay(IndicatorService.VN).toInstant();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(
                    "delete from reporting_day where day between ? and ? and (?::text[] is null or agency_code = any (?::text[]))");
            ps.setObject(1, d1);
            ps.setObject(2, d2);
            java.sql.Array a = codes == null ? null : c.createArrayOf("text", codes.toArray());
            ps.setArray(3, a);
            ps.setArray(4, a);
            return ps;
        });
        return jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(REDO);
            ps.setObject(1, d1);
            ps.setObject(2, d2);
            ps.setTimestamp(3, Timestamp.from(start));
            ps.setTimestamp(4, Timestamp.from(end));
            ps.setArray(5, codes == null ? null : c.createArrayOf("text", codes.toArray()));
            return ps;
        });
    }

    /**
     * The plan of re-doing days [d1, d2] for every agency, as run ({@code EXPLAIN (ANALYZE, BUFFERS)}): it deletes and
     * inserts, so the caller rolls back. For the bench.
     */
    List<String> explainRedo(LocalDate d1, LocalDate d2) {
        jdbc.update("delete from reporting_day where day between ? and ?", d1, d2);
        Instant start = d1.atStartOfDay(IndicatorService.VN).toInstant();
        Instant end = d2.plusDays(1).atStartOfDay(IndicatorService.VN).toInstant();
        return jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + REDO);
            ps.setObject(1, d1);
            ps.setObject(2, d2);
            ps.setTimestamp(3, Timestamp.from(start));
            ps.setTimestamp(4, Timestamp.from(end));
            ps.setArray(5, null);
            return ps;
        }, (rs, i) -> rs.getString(1));
    }

    /** The plan of the sums of a selection over days [from, to] ({@code EXPLAIN (ANALYZE, BUFFERS)}). For the bench. */
    public List<String> explainSums(List<Holder> holders, LocalDate from, LocalDate to) {
        return jdbc.query(c -> {
            PreparedStatement ps = holders(c, "explain (analyze, buffers) " + SUMS, holders);
            for (int i = 4; i <= 7; i++) {
                ps.setObject(i, to);
            }
            ps.setObject(8, from);
            ps.setObject(9, to);
            filter(ps, 10, Filter.NONE);
            return ps;
        }, (rs, i) -> rs.getString(1));
    }

    Optional<Touched> touched(Instant from, Instant until) {
        return jdbc.query(TOUCHED, rs -> {
            rs.next();
            java.sql.Date first = rs.getDate(1);
            if (first == null) {
                return Optional.empty();
            }
            String[] codes = (String[]) rs.getArray(2).getArray();
            return Optional.of(new Touched(first.toLocalDate(), List.of(codes).stream().distinct().sorted().toList()));
        }, Timestamp.from(from), Timestamp.from(until));
    }

    /** Sums over days [from, to] of the selection, with the in-flight figures of the day {@code to}. */
    public Sums sums(List<Holder> holders, LocalDate from, LocalDate to) {
        return sums(holders, Filter.NONE, from, to);
    }

    public Sums sums(List<Holder> holders, Filter filter, LocalDate from, LocalDate to) {
        return jdbc.query(c -> {
            PreparedStatement ps = holders(c, SUMS, holders);
            for (int i = 4; i <= 7; i++) {
                ps.setObject(i, to);
            }
            ps.setObject(8, from);
            ps.setObject(9, to);
            filter(ps, 10, filter);
            return ps;
        }, rs -> {
            rs.next();
            return new Sums(rs.getLong("received"), rs.getLong("received_promised"), rs.getLong("online"),
                    rs.getLong("fully_online"), rs.getLong("finished"), rs.getLong("finished_on_time"),
                    rs.getLong("finished_second"), rs.getLong("finished_late_apology"), rs.getLong("rated"),
                    rs.getLong("satisfied"), rs.getLong("rating_sum"), rs.getLong("apologies_issued"),
                    rs.getLong("in_flight"), rs.getLong("in_flight_on_time"), rs.getLong("in_flight_second"),
                    rs.getLong("in_flight_late_apology"), rs.getLong("reused"));
        });
    }

    /** Per procedure over days [from, to]: name, dossiers finished, total resolution seconds. */
    public List<IndicatorQueries.ProcedureSum> perProcedure(List<Holder> holders, LocalDate from, LocalDate to) {
        return perProcedure(holders, Filter.NONE, from, to);
    }

    public List<IndicatorQueries.ProcedureSum> perProcedure(List<Holder> holders, Filter filter, LocalDate from,
                                                            LocalDate to) {
        return jdbc.query(c -> {
            PreparedStatement ps = holders(c, PER_PROCEDURE, holders);
            ps.setObject(4, from);
            ps.setObject(5, to);
            filter(ps, 6, filter);
            return ps;
        }, (rs, i) -> new IndicatorQueries.ProcedureSum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }

    private static void filter(PreparedStatement ps, int at, Filter filter) throws SQLException {
        ps.setString(at, filter.field());
        ps.setString(at + 1, filter.field());
        ps.setString(at + 2, filter.procedure());
        ps.setString(at + 3, filter.procedure());
    }

    Optional<LocalDate> throughDay() {
        return jdbc.queryForList("select through_day from reporting_catch_up where id = 1 and through_day is not null",
                LocalDate.class).stream().findFirst();
    }

    Optional<Instant> eventsUntil() {
        return jdbc.queryForList("select events_until from reporting_catch_up where id = 1 and events_until is not null",
                Timestamp.class).stream().findFirst().map(Timestamp::toInstant);
    }

    void setEventsUntil(Instant at) {
        jdbc.update("update reporting_catch_up set events_until = ?, updated_at = now() where id = 1", Timestamp.from(at));
    }

    void setThrough(LocalDate day) {
        jdbc.update("update reporting_catch_up set through_day = ?, updated_at = now() where id = 1", day);
    }

    /** The first day a (submitted) dossier was received, or null when there is none. */
    LocalDate firstDay() {
        java.sql.Date d = jdbc.queryForObject(
                "select min((received_at at time zone 'Asia/Ho_Chi_Minh')::date) from dossier where state <> 'DRAFT'",
                java.sql.Date.class);
        return d == null ? null : d.toLocalDate();
    }

    /** Planned with its values every time, never kept as a generic plan ({@link CustomPlans}). */
    static PreparedStatement customPlan(PreparedStatement ps) throws SQLException {
        return CustomPlans.custom(ps);
    }

    static PreparedStatement holders(Connection c, String sql, List<Holder> holders) throws SQLException {
        PreparedStatement ps = customPlan(c.prepareStatement(sql));
        ps.setArray(1, c.createArrayOf("text", holders.stream().map(Holder::code).toArray()));
        ps.setArray(2, c.createArrayOf("date", holders.stream()
                .map(h -> h.from() == null ? null : java.sql.Date.valueOf(h.from())).toArray()));
        ps.setArray(3, c.createArrayOf("date", holders.stream()
                .map(h -> h.to() == null ? null : java.sql.Date.valueOf(h.to())).toArray()));
        return ps;
    }
}
