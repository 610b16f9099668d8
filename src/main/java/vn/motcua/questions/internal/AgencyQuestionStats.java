package vn.motcua.questions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Oversight figures for one agency over a period of receipt (the base of the council's per-agency page): questions
 * received, answered on time or late, open and late now, published, refused, and satisfaction from the ratings.
 * Counted on the agency that holds each question now (a forwarded question counts where it went). One query.
 */
@Component
public class AgencyQuestionStats {

    private final JdbcClient jdbc;

    AgencyQuestionStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param satisfaction useful / (useful + not useful) in percent, null without ratings
     */
    public record Stats(String agencyCode, long received, long answeredOnTime, long answeredLate, long open,
                        long openLate, long published, long refused, long useful, long notUseful,
                        Integer satisfaction) {
    }

    public Stats of(String agencyCode, Instant from, Instant to, Instant now) {
        List<Stats> one = ofMany(List.of(agencyCode), from, to, now);
        return one.isEmpty() ? new Stats(agencyCode, 0, 0, 0, 0, 0, 0, 0, 0, 0, null) : one.get(0);
    }

    /** The figures of every agency among {@code agencyCodes} that received questions in the period; one query. */
    public List<Stats> ofMany(Collection<String> agencyCodes, Instant from, Instant to, Instant now) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select agency_code, count(*) as received,
                  count(*) filter (where answered_at is not null and answered_at <= answer_due_at) as on_time,
                  count(*) filter (where answered_at is not null and answered_at > answer_due_at) as late,
                  count(*) filter (where state not in ('PUBLISHED', 'REFUSED')) as open,
                  count(*) filter (where state not in ('PUBLISHED', 'REFUSED') and action_due_at < :now) as open_late,
                  count(*) filter (where state = 'PUBLISHED') as published,
                  count(*) filter (where state = 'REFUSED') as refused,
                  coalesce(sum(useful), 0) as useful, coalesce(sum(not_useful), 0) as not_useful
                from question where agency_code in (:agencies) and received_at >= :from and received_at < :to
                group by agency_code order by agency_code
                """).param("agencies", agencyCodes).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    long useful = rs.getLong("useful");
                    long notUseful = rs.getLong("not_useful");
                    return new Stats(rs.getString("agency_code"), rs.getLong("received"), rs.getLong("on_time"), rs.getLong("late"),
                            rs.getLong("open"), rs.getLong("open_late"), rs.getLong("published"), rs.getLong("refused"),
                            useful, notUseful, useful + notUseful == 0 ? null
                            : (int) Math.round(100.0 * useful / (useful + notUseful)));
                }).list();
    }
}
