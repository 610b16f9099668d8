package vn.motcua.questions.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.questions.QuestionCustody;
import vn.motcua.questions.QuestionState;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.Territory;

/** {@link QuestionCustody}: set-based, one statement for the move and one for its events. */
@Service
@Transactional
class QuestionCustodyService implements QuestionCustody {

    /** The triage reason of a question a reorganisation moved to a service centre (no single successor). */
    static final String REORGANISED_TO_TRIAGE = "questions.triage.reorganised";

    private final JdbcClient jdbc;
    private final Territory territory;
    private final Clock clock;

    QuestionCustodyService(JdbcClient jdbc, Territory territory, Clock clock) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldQuestion> openHeldBy(Collection<String> agencyCodes) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, code, agency_code, state, answer_due_at from question
                where agency_code in (:agencies) and state not in ('PUBLISHED', 'REFUSED') order by code
                """).param("agencies", agencyCodes)
                .query((rs, n) -> new HeldQuestion(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("agency_code"), QuestionState.valueOf(rs.getString("state")),
                        rs.getTimestamp("answer_due_at").toInstant())).list();
    }

    @Override
    public int moveOpen(String fromAgencyCode, String toAgencyCode, String planReference, String reason) {
        return moveOpen(fromAgencyCode, toAgencyCode, LocalDate.ofInstant(clock.instant(), QuestionService.VN),
                planReference, reason);
    }

    @Override
    public int moveOpen(String fromAgencyCode, String toAgencyCode, LocalDate asOf, String planReference, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Agency target = territory.agency(toAgencyCode, asOf)
                .orElseThrow(() -> new IllegalArgumentException("No agency " + toAgencyCode + " on " + asOf));
        List<UUID> moved = jdbc.sql("""
                update question set agency_code = :to, agency_name = :name, assignee = null, version = version + 1,
                  triage_reason = case when :triage then :reason else triage_reason end
                where agency_code = :from and state not in ('PUBLISHED', 'REFUSED') returning id
                """).param("to", target.code()).param("name", target.name()).param("from", fromAgencyCode)
                .param("triage", target.kind() == AgencyKind.SERVICE_CENTRE).param("reason", REORGANISED_TO_TRIAGE)
                .query(UUID.class).list();
        if (moved.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                insert into question_event (question_id, seq, at, type, state_from, state_to, actor, actor_name,
                  actor_agency, target, reason, late)
                select q.id, (select coalesce(max(e.seq), 0) + 1 from question_event e where e.question_id = q.id), :at,
                  'REORGANISED', q.state, q.state, 'system', 'Hệ thống', :from, :to, :reason, false
                from question q where q.id in (:ids)
                """).param("at", Timestamp.from(now)).param("from", fromAgencyCode)
                .param("to", target.code()).param("reason", planReference + (reason == null ? "" : " — " + reason)).param("ids", moved).update();
        return moved.size();
    }

    @Override
    @Transactional(readOnly = true)
    public Stranded openHeldOutside(Collection<String> validAgencyCodes, int sample) {
        String[] valid = validAgencyCodes.toArray(String[]::new);
        long count = jdbc.sql("""
                select count(*) from question
                where state not in ('PUBLISHED', 'REFUSED') and agency_code <> all(:valid)
                """).param("valid", valid).query(Long.class).single();
        if (count == 0) {
            return new Stranded(0, List.of());
        }
        List<HeldQuestion> first = jdbc.sql("""
                select id, code, agency_code, state, answer_due_at from question
                where state not in ('PUBLISHED', 'REFUSED') and agency_code <> all(:valid) order by code limit :n
                """).param("valid", valid).param("n", sample)
                .query((rs, n) -> new HeldQuestion(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("agency_code"), QuestionState.valueOf(rs.getString("state")),
                        rs.getTimestamp("answer_due_at").toInstant())).list();
        return new Stranded(count, first);
    }
}
