package vn.motcua.questions.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.platform.db.CustomPlans;
import vn.motcua.questions.FeedbackFigures;

/** The questions' figures for the Decision 766 indicators (formulas in docs/indicators.md, "Feedback"). */
@Component
class FeedbackFiguresQuery implements FeedbackFigures {

    private static final String COUNTS = """
            with h(code, valid_from, valid_to) as (select * from unnest(?::text[], ?::date[], ?::date[])),
            p(start_at, end_at, judge_at) as (select ?::timestamptz, ?::timestamptz, ?::timestamptz),
            q as (
              select q.id, q.answered_at, q.answer_due_at, q.state, q.closed_at, q.received_at
              from question q join h on h.code = q.agency_code
                and (h.valid_from is null or (q.received_at at time zone 'Asia/Ho_Chi_Minh')::date >= h.valid_from)
                and (h.valid_to is null or (q.received_at at time zone 'Asia/Ho_Chi_Minh')::date < h.valid_to)
              cross join p
              where q.received_at < p.end_at
            ),
            c as (
              select q.*,
                     not (q.state = 'REFUSED' and q.answered_at is null and coalesce(q.closed_at, q.received_at) < p.end_at)
                       and (q.answered_at is null or q.answered_at >= p.start_at) as to_handle,
                     case when q.answered_at is not null and q.answered_at < p.end_at then q.answered_at <= q.answer_due_at
                          else q.answer_due_at >= p.judge_at end as on_time
              from q cross join p
            )
            select count(*) filter (where to_handle) as to_handle,
                   count(*) filter (where to_handle and on_time) as on_time,
                   (select count(*) from question_rating r cross join p
                     where r.question_id in (select id from q) and r.at >= p.start_at and r.at < p.end_at) as ratings,
                   (select count(*) from question_rating r cross join p
                     where r.question_id in (select id from q) and r.useful
                       and r.at >= p.start_at and r.at < p.end_at) as useful
            from c
            """;

    private final JdbcTemplate jdbc;

    FeedbackFiguresQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Figures of(List<Window> windows, Instant start, Instant end, Instant judgeAt) {
        if (windows.isEmpty()) {
            return new Figures(0, 0, 0, 0);
        }
        return jdbc.query(c -> {
            // The holder windows and the period, as the indicators' sums: never a generic plan.
            var ps = CustomPlans.custom(c.prepareStatement(COUNTS));
            ps.setArray(1, c.createArrayOf("text", windows.stream().map(Window::agencyCode).toArray()));
            ps.setArray(2, c.createArrayOf("date", windows.stream()
                    .map(w -> w.from() == null ? null : Date.valueOf(w.from())).toArray()));
            ps.setArray(3, c.createArrayOf("date", windows.stream()
                    .map(w -> w.to() == null ? null : Date.valueOf(w.to())).toArray()));
            ps.setTimestamp(4, Timestamp.from(start));
            ps.setTimestamp(5, Timestamp.from(end));
            ps.setTimestamp(6, Timestamp.from(judgeAt));
            return ps;
        }, rs -> {
            rs.next();
            return new Figures(rs.getLong("to_handle"), rs.getLong("on_time"), rs.getLong("ratings"), rs.getLong("useful"));
        });
    }
}
