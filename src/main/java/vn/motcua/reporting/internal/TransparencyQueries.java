package vn.motcua.reporting.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of the transparency group (docs/indicators.md, "Transparency"): dossiers received and, of them, publicly
 * trackable — from the daily aggregates ({@code reporting_day.trackable}, V90_8) or the live dossier table, with the
 * same holder windows and filter as the other indicators.
 */
@Component
class TransparencyQueries {

    /** Received and trackable. */
    record Counts(long received, long trackable) {
        Counts plus(Counts o) {
            return new Counts(received + o.received, trackable + o.trackable);
        }
    }

    static final String AGGREGATED = """
            with h(code, valid_from, valid_to) as (select * from unnest(?::text[], ?::date[], ?::date[]))
            select coalesce(sum(received), 0), coalesce(sum(trackable), 0)
            from reporting_day r
            join h on h.code = r.agency_code and (h.valid_from is null or r.held_month >= h.valid_from)
                  and (h.valid_to is null or r.held_month < h.valid_to)
            where r.day between ? and ?
              and (?::text is null or r.procedure_field = ?) and (?::text is null or r.procedure_code = ?)
            """;

    /** The same classification as the catch-up's {@code trackable} (AggregateQueries.REDO), on the day of receipt. */
    static final String LIVE = """
            with h(code, valid_from, valid_to) as (select * from unnest(?::text[], ?::date[], ?::date[]))
            select count(*),
                   count(*) filter (where d.receipt_number is not null
                                      and (length(regexp_replace(coalesce(d.applicant_phone, ''), '\\D', '', 'g')) >= 4
                                           or d.applicant_personal_id is not null))
            from dossier d
            join h on h.code = d.agency_code
              and (h.valid_from is null
                   or (coalesce(d.agency_since, d.received_at) at time zone 'Asia/Ho_Chi_Minh')::date >= h.valid_from)
              and (h.valid_to is null
                   or (coalesce(d.agency_since, d.received_at) at time zone 'Asia/Ho_Chi_Minh')::date < h.valid_to)
            where d.state <> 'DRAFT' and d.received_at >= ? and d.received_at < ?
              and (?::text is null or d.procedure_field = ?) and (?::text is null or d.procedure_code = ?)
            """;

    private final JdbcTemplate jdbc;

    TransparencyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Counts aggregated(List<Holder> holders, Filter filter, LocalDate from, LocalDate to) {
        return jdbc.query(c -> {
            PreparedStatement ps = AggregateQueries.holders(c, AGGREGATED, holders);
            ps.setObject(4, from);
            ps.setObject(5, to);
            filter(ps, 6, filter);
            return ps;
        }, rs -> {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        });
    }

    Counts live(List<Holder> holders, Filter filter, Instant start, Instant end) {
        return jdbc.query(c -> {
            PreparedStatement ps = AggregateQueries.holders(c, LIVE, holders);
            ps.setTimestamp(4, Timestamp.from(start));
            ps.setTimestamp(5, Timestamp.from(end));
            filter(ps, 6, filter);
            return ps;
        }, rs -> {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        });
    }

    private static void filter(PreparedStatement ps, int at, Filter filter) throws java.sql.SQLException {
        ps.setString(at, filter.field());
        ps.setString(at + 1, filter.field());
        ps.setString(at + 2, filter.procedure());
        ps.setString(at + 3, filter.procedure());
    }
}
