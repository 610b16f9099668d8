package vn.motcua.questions.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.questions.QuestionState;

/**
 * The questions a council member may read, filtered in the database: held by the agencies of their scope (the scope
 * is the SQL filter, never a check per row), optionally one agency, one state, or only the late ones.
 */
@Repository
public class CouncilQuestionQueries {

    private final JdbcClient jdbc;

    CouncilQuestionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A filter: {@code agency} and {@code state} null for all; {@code late}: open and past the current limit. */
    public record Filter(String agency, QuestionState state, boolean late) {
    }

    public record Page(List<Question> items, long total) {
    }

    public Page list(Collection<String> scopeAgencies, Filter filter, Instant now, int offset, int limit) {
        if (scopeAgencies.isEmpty()) {
            return new Page(List.of(), 0);
        }
        String where = " where agency_code in (:agencies)"
                + (filter.agency() != null ? " and agency_code = :agency" : "")
                + (filter.state() != null ? " and state = :state" : "")
                + (filter.late() ? " and state not in ('PUBLISHED', 'REFUSED') and action_due_at < :now" : "");
        var items = bind(jdbc.sql("select * from question" + where
                + " order by received_at desc, code limit :limit offset :offset"), scopeAgencies, filter, now)
                .param("limit", limit).param("offset", offset).query(QuestionStore::map).list();
        long total = bind(jdbc.sql("select count(*) from question" + where), scopeAgencies, filter, now)
                .query(Long.class).single();
        return new Page(items, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Collection<String> agencies,
                                                 Filter filter, Instant now) {
        spec = spec.param("agencies", agencies);
        if (filter.agency() != null) {
            spec = spec.param("agency", filter.agency());
        }
        if (filter.state() != null) {
            spec = spec.param("state", filter.state().name());
        }
        if (filter.late()) {
            spec = spec.param("now", QuestionStore.ts(now));
        }
        return spec;
    }
}
