package vn.motcua.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent where processing rests on it (Law 91/2025/QH15: never by silence or a pre-ticked box), kept as a log
 * ({@code privacy_consent}, append-only): the latest row of an account and purpose is the state; a withdrawal is a
 * new row, honoured from the next call of {@link #given}.
 */
@Service
@Transactional
public class Consents {

    /** Reuse of the citizen's data-store documents and profile in new dossiers (offer, attach, prefill). */
    public static final String DATA_STORE_REUSE = "DATA_STORE_REUSE";
    public static final List<String> PURPOSES = List.of(DATA_STORE_REUSE);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean explicitOnly;

    Consents(JdbcClient jdbc, Clock clock,
             @org.springframework.beans.factory.annotation.Value("${motcua.privacy.consent.explicit-only:true}")
             boolean explicitOnly) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.explicitOnly = explicitOnly;
    }

    /**
     * Whether the processing may run: yes when consent is given, never after a withdrawal; for an account that has
     * not decided yet, as {@code motcua.privacy.consent.explicit-only} says (default true: no — no consent by silence;
     * false: yes, the behaviour before; see docs/privacy.md).
     */
    @Transactional(readOnly = true)
    public boolean allows(String username, String purpose) {
        return latest(username, purpose).map(Consent::given).orElse(!explicitOnly);
    }

    /** Records a consent given by an act of the citizen (an upload to the store), unless they decided before. */
    public void giveUnlessDecided(String username, String purpose, String source) {
        if (latest(username, purpose).isEmpty()) {
            give(username, purpose, source);
        }
    }

    /** The latest decision of an account on a purpose. */
    public record Consent(String purpose, String action, Instant at, String source) {
        public boolean given() {
            return "GIVEN".equals(action);
        }
    }

    @Transactional(readOnly = true)
    public boolean given(String username, String purpose) {
        return latest(username, purpose).map(Consent::given).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<Consent> latest(String username, String purpose) {
        return jdbc.sql("""
                        select purpose, action, at, source from privacy_consent
                        where username = ? and purpose = ? order by id desc limit 1""")
                .params(username, purpose)
                .query((rs, n) -> new Consent(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .optional();
    }

    /** Records a consent; nothing when it is already given (the log keeps decisions, not repetitions). */
    public void give(String username, String purpose, String source) {
        record(username, purpose, "GIVEN", source);
    }

    /** Records a withdrawal; nothing when no consent is in force. */
    public void withdraw(String username, String purpose, String source) {
        record(username, purpose, "WITHDRAWN", source);
    }

    private void record(String username, String purpose, String action, String source) {
        if (!PURPOSES.contains(purpose)) {
            throw new IllegalArgumentException("Unknown purpose " + purpose);
        }
        // One decision at a time per account and purpose, so two clicks do not log the same decision twice.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('privacy_consent/' || ? || '/' || ?))) x")
                .params(username, purpose).query(Integer.class).single();
        boolean now = given(username, purpose);
        if (now == "GIVEN".equals(action)) {
            return;
        }
        jdbc.sql("insert into privacy_consent (username, purpose, action, at, source) values (?, ?, ?, ?, ?)")
                .params(username, purpose, action, Timestamp.from(clock.instant()), source).update();
    }
}
