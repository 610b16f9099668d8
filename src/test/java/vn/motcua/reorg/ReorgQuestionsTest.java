package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.reorg.internal.Reports;
import vn.motcua.support.Http;
import vn.motcua.support.TestWorlds;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WorldTest;

/**
 * Citizens' open questions in a reorganisation plan: the dry run counts them per closing agency with their
 * destination, the execution moves them once (also when resumed after a crash), the reconciliation counts them, and
 * the system-wide stranded check finds one left on a closed agency.
 */
@IntegrationTest
class ReorgQuestionsTest extends WorldTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);

    @Autowired
    ReorgEngine engine;

    private String province;
    private final String tag = "PAKN-RQ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    /** Other tests count the agencies valid today and the open questions: close the units, remove the questions. */
    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from question_event where question_id in (select id from question where code like ?)").param(tag + "%").update();
        jdbc.sql("delete from question where code like ?").param(tag + "%").update();
    }

    /** A municipality with {@code n} wards opened on 2026-01-01 and their standard agencies; codes (province first). */
    private List<String> world(int n) {
        TestWorlds.World w = worlds.openWards("Q", n);
        province = w.province();
        List<String> codes = new ArrayList<>(w.communes());
        codes.add(0, w.province());
        return codes;
    }

    /** An open (or closed) question held by {@code agency}, inserted as the questions module stores it. */
    private UUID question(String agency, String state, int i) {
        UUID id = UUID.randomUUID();
        Instant received = LocalDate.now(ReorgFixtures.VN).minusDays(3).atTime(9, 0).atZone(ReorgFixtures.VN).toInstant();
        Instant due = received.plusSeconds(86_400L * 21);
        jdbc.sql("""
                insert into question (id, code, subject, body, place_code, agency_code, agency_name, state, received_at,
                  clock_from, answer_due_at, action_due_at)
                values (?, ?, 'Hỏi thử', 'Nội dung thử', '00000', ?, ?, ?, ?, ?, ?, ?)
                """).params(id, tag + "-" + i, agency, "Cơ quan " + agency, state, Timestamp.from(received),
                Timestamp.from(received), Timestamp.from(due), Timestamp.from(due)).update();
        return id;
    }

    private String agencyOf(UUID id) {
        return jdbc.sql("select agency_code from question where id = ?").param(id).query(String.class).single();
    }

    private String triageReasonOf(UUID id) {
        return jdbc.sql("select triage_reason from question where id = ?").param(id).query(String.class).list()
                .get(0);
    }

    private long reorganisedEvents(UUID id) {
        return jdbc.sql("select count(*) from question_event where question_id = ? and type = 'REORGANISED'").param(id)
                .query(Long.class).single();
    }

    private JsonNode post(String path, Object body) {
        Http.Response r = http.postJson("quantri", "demo", path, body);
        assertThat(r.status()).as(path + " " + r.body()).isBetween(200, 201);
        return r.json();
    }

    @Test
    void openQuestionsMoveWithTheirAgencyOnceEvenAfterACrashAndTheReconciliationCountsThem() {
        List<String> w = world(5);
        String p = w.get(0), a = w.get(1), b = w.get(2), c = w.get(3), e = w.get(4), f = w.get(5);
        UUID onA = question("UBND-" + a, "RECEIVED", 1);
        UUID published = question("UBND-" + a, "PUBLISHED", 2);
        UUID onB = question("UBND-" + b, "PROCESSING", 3);
        UUID onE = question("UBND-" + e, "AWAITING_INFORMATION", 4);
        UUID onC = question("UBND-" + c, "RECEIVED", 5);
        String dueBefore = jdbc.sql("select answer_due_at::text from question where id = ?").param(onA).query(String.class).single();

        String effective = LocalDate.now(ReorgFixtures.VN).minusDays(1).toString();
        String id = post("/api/v1/reorg/plans", Map.of(
                "name", "Sáp nhập và chia tách thử " + a, "effective", effective,
                "legalBasis", "Nghị quyết thử nghiệm (câu hỏi)",
                "operations", List.of(Map.of("op", "MERGE", "from", List.of(a, b), "into", c),
                        Map.of("op", "SPLIT", "unit", e, "to", List.of(c, f))))).get("id").asString();
        JsonNode v = post("/api/v1/reorg/plans/" + id + "/validate", Map.of());
        assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();

        // The dry run: per closing agency, its open questions and where they go; nothing moves.
        JsonNode dry = post("/api/v1/reorg/plans/" + id + "/dry-run", Map.of());
        JsonNode qs = dry.get("questions");
        assertThat(qs).as(dry.toString()).hasSize(3);
        assertThat(qs.get(0).get("fromAgency").asString()).isEqualTo("UBND-" + a);
        assertThat(qs.get(0).get("toAgency").asString()).isEqualTo("UBND-" + c);
        assertThat(qs.get(0).get("rule").asString()).isEqualTo("FULL_MERGE");
        assertThat(qs.get(0).get("open").asLong()).isEqualTo(1);  // the published one does not move
        assertThat(qs.get(1).get("fromAgency").asString()).isEqualTo("UBND-" + b);
        assertThat(qs.get(2).get("fromAgency").asString()).isEqualTo("UBND-" + e);
        assertThat(qs.get(2).get("toAgency").asString()).isEqualTo("TTPV-" + p);  // a split: the service centre triages
        assertThat(qs.get(2).get("rule").asString()).isEqualTo("TRIAGE");
        assertThat(agencyOf(onA)).isEqualTo("UBND-" + a);

        // A crash right after the unit changes: no question has moved yet.
        UUID plan = UUID.fromString(id);
        assertThatThrownBy(() -> engine.execute(plan, "quantri", new ExecutionObserver() {
            @Override
            public void unitsApplied(UUID planId) {
                throw new IllegalStateException("crash after units");
            }
        })).hasMessageContaining("crash after units");
        assertThat(agencyOf(onA)).isEqualTo("UBND-" + a);
        // Resumed: each moves once, keeping its deadline; the published one and the one already on C stay.
        engine.execute(plan, "quantri");
        assertThat(agencyOf(onA)).isEqualTo("UBND-" + c);
        assertThat(agencyOf(onB)).isEqualTo("UBND-" + c);
        assertThat(agencyOf(onE)).isEqualTo("TTPV-" + p);
        // Moved to triage, it says why (the centre's inbox and the question's page show it); a full successor does not.
        assertThat(triageReasonOf(onE)).isEqualTo("questions.triage.reorganised");
        assertThat(triageReasonOf(onA)).isNull();
        assertThat(agencyOf(published)).isEqualTo("UBND-" + a);
        assertThat(agencyOf(onC)).isEqualTo("UBND-" + c);
        assertThat(jdbc.sql("select answer_due_at::text from question where id = ?").param(onA).query(String.class).single())
                .isEqualTo(dueBefore);
        assertThat(List.of(reorganisedEvents(onA), reorganisedEvents(onB), reorganisedEvents(onE), reorganisedEvents(onC)))
                .containsExactly(1L, 1L, 1L, 0L);
        assertThat(jdbc.sql("select reason from question_event where question_id = ? and type = 'REORGANISED'").param(onA)
                .query(String.class).single()).contains(id).contains("Nghị quyết thử nghiệm (câu hỏi)");
        // A further execute moves nothing more.
        engine.execute(plan, "quantri");
        assertThat(reorganisedEvents(onA)).isEqualTo(1);

        Reports.Reconciliation rec = engine.view(plan).reconciliation();
        assertThat(rec.questions()).isEqualTo(new Reports.QuestionCounts(3, 3, 0, true));
        assertThat(rec.invariantHolds()).isTrue();
        JsonNode recJson = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation").json();
        assertThat(recJson.get("questions").get("moved").asLong()).isEqualTo(3);
    }

    @Test
    void theStrandedCheckFindsAnOpenQuestionLeftOnAClosedAgency() {
        JsonNode before = http.getAs("quantri", "demo", "/api/v1/reorg/stranded").json();
        String closed = jdbc.sql("select code from territory_agency where valid_to is not null and valid_to <= current_date "
                + "and code like 'UBND-%' and not exists (select 1 from territory_agency x where x.code = territory_agency.code "
                + "and x.valid_to is null) limit 1").query(String.class).single();
        question(closed, "PROCESSING", 1);
        question(closed, "REFUSED", 2);  // closed: not stranded

        JsonNode after = http.getAs("quantri", "demo", "/api/v1/reorg/stranded").json();
        assertThat(after.get("questions").asLong()).isEqualTo(before.get("questions").asLong() + 1);
        assertThat(after.get("count").asLong()).isEqualTo(before.get("count").asLong() + 1);
        assertThat(after.get("sample").toString()).contains(tag + "-1").doesNotContain(tag + "-2");

        Http admin = new Http(port);
        assertThat(admin.login("quantri", "demo").status()).isEqualTo(302);
        String page = admin.get("/admin/reorg/stranded").body();
        assertThat(page).contains("Câu hỏi, phản ánh của người dân").contains(tag + "-1").contains(closed)
                .contains("Chuyển tiếp câu hỏi đến cơ quan có thẩm quyền");
    }
}
