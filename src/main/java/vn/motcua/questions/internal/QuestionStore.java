package vn.motcua.questions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.QuestionState;

/** The question rows and their append-only events (JDBC). */
@Repository
public class QuestionStore {

    private final JdbcClient jdbc;
    private final PublishedSearchStore search;

    QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.search = new PublishedSearchStore(jdbc);
    }

    /** An event as recorded: who acted, in which agency, and whether after the time limit. */
    public record Event(int seq, Instant at, String type, QuestionState from, QuestionState to, String actor,
                        String actorName, String actorAgency, String target, String reason, boolean late) {
    }

    /** The next code of the day: PAKN-YYMMDD-NNNN (one row per day, locked until commit). */
    String nextCode(LocalDate day) {
        int n = jdbc.sql("""
                insert into question_code_day (day, last) values (:day, 1)
                on conflict (day) do update set last = question_code_day.last + 1 returning last
                """).param("day", day).query(Integer.class).single();
        return String.format("PAKN-%02d%02d%02d-%04d", day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth(), n);
    }

    void insert(Question q) {
        jdbc.sql("""
                insert into question (id, code, subject, body, place_code, place_unit_code, procedure_code, asker,
                  contact_name, contact_phone, contact_email, agency_code, agency_name, triage_reason, state,
                  received_at, clock_from, ack_due_at, info_due_at, answer_due_at, action_due_at)
                values (:id, :code, :subject, :body, :place, :unit, :procedure, :asker, :cname, :cphone, :cemail,
                  :agency, :agencyName, :triage, :state, :received, :clockFrom, :ack, :info, :answer, :action)
                """)
                .param("id", q.id()).param("code", q.code()).param("subject", q.subject()).param("body", q.body())
                .param("place", q.placeCode()).param("unit", q.placeUnitCode()).param("procedure", q.procedureCode())
                .param("asker", q.asker()).param("cname", q.contact().name()).param("cphone", q.contact().phone())
                .param("cemail", q.contact().email()).param("agency", q.agencyCode()).param("agencyName", q.agencyName())
                .param("triage", q.triageReason()).param("state", q.state().name()).param("received", ts(q.receivedAt()))
                .param("clockFrom", ts(q.clockFrom())).param("ack", ts(q.ackDueAt())).param("info", ts(q.infoDueAt()))
                .param("answer", ts(q.answerDueAt())).param("action", ts(q.actionDueAt()))
                .update();
    }

    private static final String COLUMNS = "select * from question ";

    public Optional<Question> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = ?").param(id).query(QuestionStore::map).optional();
    }

    Optional<Question> findByCode(String code) {
        return jdbc.sql(COLUMNS + "where code = ?").param(code).query(QuestionStore::map).optional();
    }

    Question lock(UUID id) {
        return jdbc.sql(COLUMNS + "where id = ? for update").param(id).query(QuestionStore::map).optional()
                .orElseThrow(() -> ApiException.notFound("questions.notFound"));
    }

    /**
     * Sets the columns (names from this class only, never from input), bumps the version and moves the state; the
     * row must be locked.
     */
    void update(UUID id, QuestionState state, Map<String, Object> set) {
        StringBuilder sql = new StringBuilder("update question set state = :state, version = version + 1");
        List<String> names = new ArrayList<>(set.keySet());
        for (String name : names) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException(name);
            }
            sql.append(", ").append(name).append(" = :").append(name);
        }
        sql.append(" where id = :id");
        var spec = jdbc.sql(sql.toString()).param("state", state.name()).param("id", id);
        for (String name : names) {
            Object v = set.get(name);
            spec = spec.param(name, v instanceof Instant i ? ts(i) : v);
        }
        spec.update();
    }

    void appendEvent(UUID id, Instant at, String type, QuestionState from, QuestionState to, String actor,
                     String actorName, String actorAgency, String target, String reason, boolean late) {
        jdbc.sql("""
                insert into question_event (question_id, seq, at, type, state_from, state_to, actor, actor_name,
                  actor_agency, target, reason, late)
                values (:id, (select coalesce(max(seq), 0) + 1 from question_event where question_id = :id), :at, :type,
                  :from, :to, :actor, :actorName, :agency, :target, :reason, :late)
                """).param("id", id).param("at", ts(at)).param("type", type)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", actor)
                .param("actorName", actorName).param("agency", actorAgency).param("target", target)
                .param("reason", reason).param("late", late).update();
    }

    public List<Event> events(UUID id) {
        return jdbc.sql("select * from question_event where question_id = ? order by seq").param(id)
                .query((rs, n) -> new Event(rs.getInt("seq"), rs.getTimestamp("at").toInstant(), rs.getString("type"),
                        state(rs.getString("state_from")), state(rs.getString("state_to")), rs.getString("actor"),
                        rs.getString("actor_name"), rs.getString("actor_agency"), rs.getString("target"),
                        rs.getString("reason"), rs.getBoolean("late"))).list();
    }

    /** Open questions of these agencies, the most urgent first. */
    public List<Question> openOf(Collection<String> agencyCodes, int limit) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + "where agency_code in (:agencies) and state not in ('PUBLISHED', 'REFUSED') "
                        + "order by action_due_at nulls last, received_at limit :limit")
                .param("agencies", agencyCodes).param("limit", limit).query(QuestionStore::map).list();
    }

    public List<Question> askedBy(String username) {
        return jdbc.sql(COLUMNS + "where asker = ? order by received_at desc limit 200").param(username)
                .query(QuestionStore::map).list();
    }

    /**
     * Published answers matching every folded term (or all), newest first, with their number counted at most
     * {@code countAhead} past the page (see {@link PublishedSearchStore}).
     */
    public PublishedSearchStore.Page searchPublished(List<String> foldedTerms, String procedureCode, int offset, int limit,
                                                     int countAhead) {
        return search.find(foldedTerms, procedureCode, offset, limit, countAhead);
    }

    /** Records a published answer's repeat keys ({@link RepeatKeys}); again: nothing more. */
    void saveRepeatKeys(UUID id, Instant publishedAt, long[] keys) {
        jdbc.sql("""
                insert into question_repeat_key (key, question_id, published_at)
                select distinct k, cast(:id as uuid), cast(:at as timestamptz) from unnest(cast(:keys as bigint[])) k
                on conflict do nothing
                """).param("id", id).param("at", ts(publishedAt)).param("keys", array(keys)).update();
    }

    /** {@link #saveRepeatKeys} for many answers in one statement (the start-up backfill). */
    void saveRepeatKeys(List<UUID> ids, List<Instant> publishedAt, List<long[]> keys) {
        StringBuilder k = new StringBuilder("{");
        StringBuilder q = new StringBuilder("{");
        StringBuilder at = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            for (long key : keys.get(i)) {
                String sep = k.length() == 1 ? "" : ",";
                k.append(sep).append(key);
                q.append(sep).append(ids.get(i));
                at.append(sep).append(publishedAt.get(i));
            }
        }
        jdbc.sql("""
                insert into question_repeat_key (key, question_id, published_at)
                select distinct * from unnest(cast(:k as bigint[]), cast(:q as uuid[]), cast(:at as timestamptz[]))
                on conflict do nothing
                """).param("k", k.append('}').toString()).param("q", q.append('}').toString())
                .param("at", at.append('}').toString()).update();
    }

    /**
     * The published question sharing the most repeat keys with these (at least {@code minShared}; the newest among
     * equals), or empty. Bounded whatever the number of answers: each key reads at most {@code perKey} index entries,
     * the newest.
     */
    public Optional<String[]> repeated(long[] keys, int minShared, int perKey) {
        if (keys.length == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select q.code, q.public_subject from (
                  select k.question_id, count(*) as shared, max(k.published_at) as published_at
                  from unnest(cast(:keys as bigint[])) as probe(key)
                  cross join lateral (select r.question_id, r.published_at from question_repeat_key r
                                      where r.key = probe.key order by r.published_at desc limit :per) k
                  group by k.question_id having count(*) >= :min) m
                join question q on q.id = m.question_id and q.state = 'PUBLISHED'
                order by m.shared desc, m.published_at desc limit 1
                """).param("keys", array(keys)).param("min", minShared).param("per", perKey)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    /** Published questions without repeat keys (published before they existed): id, subject, question, when. */
    List<Object[]> publishedWithoutRepeatKeys(int limit) {
        return jdbc.sql("""
                select id, public_subject, public_question, published_at from question q
                where state = 'PUBLISHED' and not exists (select 1 from question_repeat_key r where r.question_id = q.id)
                limit :limit
                """).param("limit", limit).query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4).toInstant()}).list();
    }

    /** A bigint[] literal of our own numbers (never user input). */
    private static String array(long[] keys) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ",").append(keys[i]);
        }
        return b.append('}').toString();
    }

    void linkEarlier(UUID id, String code) {
        jdbc.sql("update question set earlier_code = ? where id = ?").param(code).param(id).update();
    }

    public java.util.Optional<String> earlierCode(UUID id) {
        return jdbc.sql("select earlier_code from question where id = ? and earlier_code is not null").param(id)
                .query(String.class).optional();
    }

    /** Records one account's rating (a later one replaces it) and recounts; returns the counts. */
    int[] rate(UUID id, String username, boolean useful, Instant at) {
        jdbc.sql("""
                insert into question_rating (question_id, username, useful, at) values (:id, :u, :useful, :at)
                on conflict (question_id, username) do update set useful = excluded.useful, at = excluded.at
                """).param("id", id).param("u", username).param("useful", useful).param("at", ts(at)).update();
        return jdbc.sql("""
                update question set useful = (select count(*) from question_rating where question_id = :id and useful),
                  not_useful = (select count(*) from question_rating where question_id = :id and not useful)
                where id = :id returning useful, not_useful
                """).param("id", id).query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant inst(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static QuestionState state(String s) {
        return s == null ? null : QuestionState.valueOf(s);
    }

    static Question map(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("subject"),
                rs.getString("body"), rs.getString("place_code"), rs.getString("place_unit_code"),
                rs.getString("procedure_code"), rs.getString("asker"),
                new Question.Contact(rs.getString("contact_name"), rs.getString("contact_phone"),
                        rs.getString("contact_email")),
                rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("assignee"),
                rs.getString("triage_reason"), QuestionState.valueOf(rs.getString("state")), inst(rs, "received_at"),
                inst(rs, "clock_from"), inst(rs, "accepted_at"), inst(rs, "ack_due_at"), inst(rs, "info_due_at"),
                inst(rs, "answer_due_at"), inst(rs, "info_asked_at"), inst(rs, "answered_at"), rs.getString("answer"),
                inst(rs, "publish_due_at"), inst(rs, "published_at"), rs.getString("refusal_reason"),
                inst(rs, "closed_at"), inst(rs, "action_due_at"), rs.getString("public_subject"),
                rs.getString("public_question"), rs.getString("public_answer"), rs.getInt("useful"),
                rs.getInt("not_useful"), rs.getInt("version"));
    }
}
