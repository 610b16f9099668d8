package vn.motcua.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedDossiers;

/**
 * The SQL of data subject requests ({@code privacy_request}); the citizen's dossiers are the dossier module's to list
 * ({@link RetainedDossiers#heldBy}), their retention rules this module's ({@code privacy_retention_rule}).
 */
@Component
class RequestStore {

    private final JdbcClient jdbc;
    /** Absent in a slice of this module alone: no dossiers then. */
    private final ObjectProvider<RetainedDossiers> dossiers;

    RequestStore(JdbcClient jdbc, ObjectProvider<RetainedDossiers> dossiers) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
    }

    void insert(DataRequests.Request r) {
        jdbc.sql("""
                        insert into privacy_request (id, username, kind, detail, reason, state, filed_at, due_on,
                                                     time_limit_days)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(r.id(), r.username(), r.kind(), r.detail(), r.reason(), Timestamp.from(r.filedAt()), r.dueOn(),
                        r.timeLimitDays())
                .update();
    }

    /** Records the answer of an open request; false when it was answered meanwhile. */
    boolean answer(UUID id, String outcome, String answer, LocalDate retainedUntil, boolean permanently, Instant at,
                   String by, String byName, String corrected) {
        return jdbc.sql("""
                        update privacy_request set state = 'ANSWERED', outcome = ?, answer = ?, retained_until = ?,
                               retained_permanently = ?, answered_at = ?, answered_by = ?, answered_by_name = ?,
                               corrected = ?
                        where id = ? and state = 'OPEN'""")
                .params(outcome, answer, retainedUntil, permanently, Timestamp.from(at), by, byName, corrected, id)
                .update() == 1;
    }

    Optional<DataRequests.Request> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(RequestStore::row).optional();
    }

    List<DataRequests.Request> of(String username) {
        return jdbc.sql(SELECT + " where username = ? order by filed_at desc limit 200").param(username)
                .query(RequestStore::row).list();
    }

    /** The officers' queue: open requests, the nearest due first; or the answered ones, newest first. */
    List<DataRequests.Request> queue(boolean open, int limit) {
        return jdbc.sql(SELECT + (open ? " where state = 'OPEN' order by due_on, filed_at"
                        : " where state = 'ANSWERED' order by answered_at desc") + " limit ?")
                .param(Math.max(1, Math.min(limit, 1000))).query(RequestStore::row).list();
    }

    /** The citizen's name and e-mail (for the notice of the answer); the account name when there is no account. */
    record Citizen(String displayName, String email) {
    }

    Citizen citizen(String username) {
        return jdbc.sql("select display_name, email from account where username = ?").param(username)
                .query((rs, n) -> new Citizen(rs.getString(1), rs.getString(2))).optional()
                .orElse(new Citizen(username, null));
    }

    String displayName(String username) {
        return jdbc.sql("select display_name from account where username = ?").param(username).query(String.class)
                .optional().orElse(username);
    }

    /** A dossier the citizen submitted that is not anonymised, with the retention rule that applies to it. */
    record Held(UUID id, String code, String procedureCode, String state, Instant closedAt, Integer years,
                String legalBasis) {
    }

    List<Held> dossiersOf(String username) {
        RetainedDossiers owner = dossiers.getIfAvailable();
        if (owner == null) {
            return List.of();
        }
        record Rule(Integer years, String legalBasis) {
        }
        Map<String, Rule> rules = new HashMap<>();
        jdbc.sql("select procedure_code, years, legal_basis from privacy_retention_rule")
                .query(rs -> {
                    rules.put(rs.getString(1), new Rule((Integer) rs.getObject(2), rs.getString(3)));
                });
        Rule fallback = rules.get("*");
        if (fallback == null) {
            return List.of(); // as the join on the default rule did: no default, nothing held
        }
        return owner.heldBy(username).stream().map(d -> {
            Rule own = rules.get(d.procedureCode());
            Rule r = own != null ? own : fallback;
            return new Held(d.id(), d.code(), d.procedureCode(), d.state(), d.closedAt(), r.years(),
                    r.legalBasis() != null ? r.legalBasis() : fallback.legalBasis());
        }).toList();
    }

    private static final String SELECT = """
            select id, username, kind, detail, reason, state, filed_at, due_on, time_limit_days, outcome, answer,
                   retained_until, retained_permanently, answered_at, answered_by, answered_by_name, corrected
            from privacy_request""";

    private static DataRequests.Request row(ResultSet rs, int n) throws SQLException {
        return new DataRequests.Request(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getObject(8, LocalDate.class), rs.getInt(9), rs.getString(10), rs.getString(11),
                rs.getObject(12, LocalDate.class), rs.getBoolean(13),
                rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15),
                rs.getString(16), rs.getString(17));
    }
}
