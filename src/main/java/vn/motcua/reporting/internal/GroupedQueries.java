package vn.motcua.reporting.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of many holders in one statement, one result row per holder (agency code and window), for pages that
 * set many selections side by side (the province dashboard's ~190 lines). The SQL is the one-selection text of
 * {@link AggregateQueries#SUMS} and {@link IndicatorQueries#TOTALS} with the holder added to the select list and a
 * {@code group by}, derived when the class loads: a row counts exactly as it does for one selection, and a change to
 * those queries carries over (a change that moves the anchors below fails at start, not silently).
 */
@Component
class GroupedQueries {

    static final String SUMS = grouped(AggregateQueries.SUMS,
            new String[] {"select coalesce(sum(received), 0) as received"},
            new String[] {"select h.code as h_code, h.valid_from as h_from, h.valid_to as h_to, "
                    + "coalesce(sum(received), 0) as received"},
            "group by h.code, h.valid_from, h.valid_to");

    static final String TOTALS = grouped(IndicatorQueries.TOTALS,
            new String[] {"select d.id, d.channel,", "select count(*) filter (where received_in or to_process) as dossiers"},
            new String[] {"select h.code as h_code, h.valid_from as h_from, h.valid_to as h_to, d.id, d.channel,",
                    "select h_code, h_from, h_to, count(*) filter (where received_in or to_process) as dossiers"},
            "group by h_code, h_from, h_to");

    private final JdbcTemplate jdbc;

    GroupedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link AggregateQueries#sums} of each holder over days [from, to], the in-flight columns of day {@code to}. */
    Map<Holder, AggregateQueries.Sums> sums(List<Holder> holders, Filter filter, LocalDate from, LocalDate to) {
        Map<Holder, AggregateQueries.Sums> out = new HashMap<>();
        if (holders.isEmpty()) {
            return out;
        }
        jdbc.query(c -> {
            PreparedStatement ps = AggregateQueries.holders(c, SUMS, holders);
            for (int i = 4; i <= 7; i++) {
                ps.setObject(i, to);
            }
            ps.setObject(8, from);
            ps.setObject(9, to);
            ps.setString(10, filter.field());
            ps.setString(11, filter.field());
            ps.setString(12, filter.procedure());
            ps.setString(13, filter.procedure());
            return ps;
        }, rs -> {
            out.put(holder(rs), new AggregateQueries.Sums(rs.getLong("received"), rs.getLong("received_promised"),
                    rs.getLong("online"), rs.getLong("fully_online"), rs.getLong("finished"),
                    rs.getLong("finished_on_time"), rs.getLong("finished_second"), rs.getLong("finished_late_apology"),
                    rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("rating_sum"),
                    rs.getLong("apologies_issued"), rs.getLong("in_flight"), rs.getLong("in_flight_on_time"),
                    rs.getLong("in_flight_second"), rs.getLong("in_flight_late_apology"), rs.getLong("reused")));
        });
        return out;
    }

    /** {@link IndicatorQueries#totals} of each holder (live tables; with {@code changedSince}, the live delta). */
    Map<Holder, IndicatorQueries.Totals> totals(List<Holder> holders, Filter filter, Instant start, Instant end,
                                                Instant judgeAt, Instant changedSince) {
        Map<Holder, IndicatorQueries.Totals> out = new HashMap<>();
        if (holders.isEmpty()) {
            return out;
        }
        jdbc.query(c -> IndicatorQueries.statement(c, TOTALS, holders, filter, start, end, judgeAt, changedSince),
                rs -> {
                    out.put(holder(rs), new IndicatorQueries.Totals(rs.getLong("dossiers"), rs.getLong("to_process"),
                            rs.getLong("on_time"), rs.getLong("finished"), rs.getLong("in_progress"),
                            rs.getLong("second_supplement"), rs.getLong("received"), rs.getLong("received_promised"),
                            rs.getLong("online"), rs.getLong("fully_online"), rs.getLong("rated"),
                            rs.getLong("satisfied"), rs.getLong("rating_sum"), rs.getLong("apologies_issued"),
                            rs.getLong("late"), rs.getLong("late_with_apology"), rs.getLong("reused")));
                });
        return out;
    }

    private static Holder holder(ResultSet rs) throws SQLException {
        java.sql.Date f = rs.getDate("h_from");
        java.sql.Date t = rs.getDate("h_to");
        return new Holder(rs.getString("h_code"), f == null ? null : f.toLocalDate(), t == null ? null : t.toLocalDate());
    }

    /** {@code sql} with each anchor (found exactly once) replaced, and the group by appended. */
    static String grouped(String sql, String[] anchors, String[] replacements, String groupBy) {
        String out = sql;
        for (int i = 0; i < anchors.length; i++) {
            int at = out.indexOf(anchors[i]);
            if (at < 0 || out.indexOf(anchors[i], at + 1) >= 0) {
                throw new IllegalStateException("grouped query: anchor not found exactly once: " + anchors[i]);
            }
            out = out.substring(0, at) + replacements[i] + out.substring(at + anchors[i].length());
        }
        return out.stripTrailing() + "\n" + groupBy + "\n";
    }
}
