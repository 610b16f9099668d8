package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.support.Http;
import vn.motcua.support.ReorgPlan;
import vn.motcua.support.TestWorlds;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WorldTest;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;
import vn.motcua.territory.StaffChanges;

/**
 * Officers in a small authored plan (wards A and B merge into a new ward D, C is split between D and E): mapped
 * holders continue in successor posts (new posts created, or an existing one), an unmapped one awaits a decision;
 * a crash right after the officers' step and a resume do not duplicate holdings; the officers list (JSON and page)
 * names who takes on new procedures; the reconciliation invariant fails when an open step is left with an officer
 * whose holding ended, and holds again once it is with a holder of a successor post.
 */
@IntegrationTest
class ReorgOfficersTest extends WorldTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);
    static final LocalDate EFFECTIVE = LocalDate.of(2027, 1, 1);

    @Autowired
    StaffChanges staffChanges;
    @Autowired
    Staff staff;
    @Autowired
    AccountService accounts;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReorgEngine engine;

    String p;
    String a;
    String b;
    String c;
    String d;
    String e;
    String tag;
    TestWorlds.World world;

    @BeforeEach
    void setUp() {
        world = worlds.open("T", 1, 2, 3, 5);
        p = world.province();
        a = world.code(1);
        b = world.code(2);
        c = world.code(3);
        d = world.code(4);
        e = world.code(5);
        tag = "off" + world.base();
    }

    /** Other tests count the agencies valid today nationwide: close this test's posts and units (and so their agencies). */
    @AfterEach
    void tearDown() {
        staffChanges.closePostsOf(world.standardAgencyCodes(), TestWorlds.END);
        ReorgFixtures.delete(jdbc, tag);
    }

    /** An officer with a login account, holding a new post in an agency from the world's opening. */
    private UUID officer(String name, String username, String agency, String post, String title, PostRole role, String field) {
        accounts.save(username, "demo", name, Audience.OFFICER, Set.of(Role.HANDLING_OFFICER), false);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into territory_officer (id, code, full_name, username) values (?, ?, ?, ?)")
                .params(id, "CB-" + username, name, username).update();
        staffChanges.refresh();   // written in SQL: territory has no API for officers
        staffChanges.openPost(agency, post, title, role, field, OPENED);
        staffChanges.appoint(id, post, OPENED);
        return id;
    }

    private DossierBulk.NewDossier dossier(String agency, String unit, String procedure, int i, DossierState state) {
        Instant received = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(ReorgFixtures.VN).toInstant().plusSeconds(i);
        return new DossierBulk.NewDossier(UUID.randomUUID(), null, procedure, "Thủ tục " + procedure, state, tag + "-" + i,
                "0912345678", null, unit, i + " Đường Một", agency, "Cơ quan " + agency, received,
                received.plusSeconds(86_400L * 10));
    }

    private List<String> posts(UUID officer, LocalDate on) {
        return staff.postsOfOfficer(officer, on).stream().map(h -> h.postCode() + "@" + h.agency().code()).toList();
    }

    private long holdings(UUID officer) {
        return jdbc.sql("select count(*) from territory_post_holding where officer_id = ?").param(officer).query(Long.class).single();
    }

    @Test
    void officersMoveWithTheirPostsAndTheInvariantWatchesTheirSteps() {
        String u1 = tag + ".ht";
        String u2 = tag + ".ca";
        String u3 = tag + ".ld";
        String u4 = tag + ".tn";
        UUID hoTich = officer("Nguyễn Văn Hộ", u1, "UBND-" + a, "UBND-" + a + "-HT", "Công chức Tư pháp – Hộ tịch", PostRole.HANDLING, "HO_TICH");
        UUID police = officer("Trần Thị Cảnh", u2, "CA-" + a, "CA-" + a + "-TN", "Cán bộ tiếp nhận hồ sơ", PostRole.RECEPTION, null);
        UUID leader = officer("Lê Văn Lãnh", u3, "UBND-" + b, "UBND-" + b + "-LD", "Chủ tịch Ủy ban nhân dân", PostRole.LEADER, null);
        UUID reception = officer("Phạm Thị Tiếp", u4, "UBND-" + c, "UBND-" + c + "-TN", "Công chức tiếp nhận và trả kết quả", PostRole.RECEPTION, null);
        // A police residence officer (field CU_TRU) moving to the ward: the ward's civil-status work is not his field.
        UUID residence = officer("Võ Văn Trú", tag + ".ct", "CA-" + a, "CA-" + a + "-CT", "Cán bộ đăng ký cư trú", PostRole.HANDLING, "CU_TRU");
        // E continues: its post for C's reception officer exists already, vacant.
        staffChanges.openPost("UBND-" + e, "UBND-" + e + "-TN2", "Công chức tiếp nhận (bộ phận 2)", PostRole.RECEPTION, null, OPENED);

        List<DossierBulk.NewDossier> ds = new ArrayList<>();
        ds.add(dossier("UBND-" + a, a, "1.001193", 0, DossierState.ACCEPTED));   // in processing, assigned to u1
        ds.add(dossier("CA-" + a, a, "1.004194", 1, DossierState.SUBMITTED));
        ds.add(dossier("UBND-" + b, b, "1.001193", 2, DossierState.SUBMITTED));
        bulk.insert(ds);
        UUID stepped = ds.get(0).id();
        jdbc.sql("""
                insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at, assignee,
                                         assignee_name, assigned_at)
                values (?, 1, 2, 'APPRAISAL', 'Thẩm định', 'HANDLING', ?, now(), ?, 'Nguyễn Văn Hộ', now())
                """).params(stepped, "UBND-" + a, u1).update();

        String id = ReorgPlan.named("Sắp xếp cán bộ " + p).effective(EFFECTIVE)
                .openWard(d, p)
                .merge(List.of(a, b), List.of(c), d)
                .split(c, List.of(d, e))
                .streets(c, e, "Đường Thử Nghiệm")
                .postMapping(Map.of("post", "UBND-" + a + "-HT", "to", "UBND-" + d + "-HT"))         // new post, agency from the code
                .postMapping(Map.of("post", "CA-" + a + "-TN", "to", "UBND-" + d + "-TN", "agency", "UBND-" + d,
                        "title", "Công chức tiếp nhận và trả kết quả"))                                 // police desk → ward one-stop desk
                .postMapping(Map.of("post", "UBND-" + c + "-TN", "to", "UBND-" + e + "-TN2"))        // existing post
                .postMapping(Map.of("post", "CA-" + a + "-CT", "to", "UBND-" + d + "-CT", "agency", "UBND-" + d,
                        "title", "Công chức phụ trách cư trú"))
                .create(http);

        JsonNode v = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/validate", Map.of()).json();
        assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
        List<String> warnings = new ArrayList<>();
        v.get("warnings").forEach(w -> warnings.add(w.get("key").asString() + ":" + w.get("args").get(0).asString()));
        assertThat(warnings).contains("reorg.validation.postForDecision:UBND-" + b + "-LD")
                .noneMatch(w -> w.endsWith(":UBND-" + a + "-HT"));
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/officers").status()).isEqualTo(409);

        // Crash right after the officers' step has committed; the dossiers have not moved yet.
        assertThatThrownBy(() -> engine.execute(UUID.fromString(id), "quantri", new ExecutionObserver() {
            @Override
            public void officersMoved(UUID planId, int moved, int awaitingDecision) {
                assertThat(List.of(moved, awaitingDecision)).isEqualTo(List.of(4, 1));
                throw new IllegalStateException("crash after the officers' step");
            }
        })).hasMessageContaining("crash");
        assertThat(engine.view(UUID.fromString(id)).state()).isEqualTo(PlanState.EXECUTING.name());
        assertThat(posts(hoTich, EFFECTIVE)).containsExactly("UBND-" + d + "-HT@UBND-" + d);
        assertThat(jdbc.sql("select agency_code from dossier where id = ?").param(stepped).query(String.class).single())
                .isEqualTo("UBND-" + a);

        // Resume: finishes; nothing about the officers is done twice.
        Http.Response exec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of());
        assertThat(exec.status()).as(exec.body()).isEqualTo(200);
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of()).status()).isEqualTo(200);

        // Holdings: the old ones end the day before the effective date, the mapped ones continue in the successor posts.
        assertThat(posts(hoTich, EFFECTIVE.minusDays(1))).containsExactly("UBND-" + a + "-HT@UBND-" + a);
        assertThat(posts(hoTich, EFFECTIVE)).containsExactly("UBND-" + d + "-HT@UBND-" + d);
        assertThat(posts(police, EFFECTIVE)).containsExactly("UBND-" + d + "-TN@UBND-" + d);
        assertThat(posts(reception, EFFECTIVE)).containsExactly("UBND-" + e + "-TN2@UBND-" + e);
        assertThat(posts(leader, EFFECTIVE.minusDays(1))).hasSize(1);
        assertThat(posts(leader, EFFECTIVE)).isEmpty();
        assertThat(List.of(holdings(hoTich), holdings(police), holdings(leader), holdings(reception))).containsExactly(2L, 2L, 1L, 2L);
        PostHolding newHt = staff.postsOfOfficer(hoTich, EFFECTIVE).get(0);
        assertThat(List.of(newHt.role(), newHt.field(), newHt.postTitle(), newHt.validFrom().toString()))
                .isEqualTo(List.of(PostRole.HANDLING, "HO_TICH", "Công chức Tư pháp – Hộ tịch", "2027-01-01"));
        assertThat(staff.postsOfOfficer(police, EFFECTIVE).get(0).postTitle()).isEqualTo("Công chức tiếp nhận và trả kết quả");
        assertThat(staffChanges.post("UBND-" + a + "-HT", EFFECTIVE)).isEmpty();              // the closing agency's posts closed
        assertThat(staffChanges.post("UBND-" + b + "-LD", EFFECTIVE)).isEmpty();
        assertThat(staffChanges.post("UBND-" + e + "-TN2", EFFECTIVE)).isPresent();

        // The officers list: post changes, new procedures (police desk → ward: civil status), awaiting a decision.
        JsonNode o = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/officers").json();
        assertThat(o.get("moved").asInt()).isEqualTo(4);
        assertThat(o.get("awaiting").asInt()).isEqualTo(1);
        assertThat(o.get("postsOpened").asInt()).isEqualTo(3);
        List<String> changed = new ArrayList<>();
        o.get("changedPost").forEach(r -> changed.add(r.get("officer").asString() + ":" + r.get("fromPost").asString()
                + ">" + r.get("toPost").asString() + "@" + r.get("toAgency").asString()));
        assertThat(changed).containsExactlyInAnyOrder(
                "Nguyễn Văn Hộ:UBND-" + a + "-HT>UBND-" + d + "-HT@UBND-" + d,
                "Trần Thị Cảnh:CA-" + a + "-TN>UBND-" + d + "-TN@UBND-" + d,
                "Phạm Thị Tiếp:UBND-" + c + "-TN>UBND-" + e + "-TN2@UBND-" + e,
                "Võ Văn Trú:CA-" + a + "-CT>UBND-" + d + "-CT@UBND-" + d);
        // The reception officer (no field) takes on the ward's civil-status procedure; the residence officer does not.
        assertThat(o.get("newProcedures")).hasSize(1);
        JsonNode trainee = o.get("newProcedures").get(0);
        assertThat(trainee.get("officer").asString()).isEqualTo("Trần Thị Cảnh");
        List<String> procs = new ArrayList<>();
        trainee.get("newProcedures").forEach(x -> procs.add(x.asString()));
        assertThat(procs).contains("1.001193").doesNotContain("1.004194");
        assertThat(o.get("awaitingDecision")).hasSize(1);
        assertThat(o.get("awaitingDecision").get(0).get("officer").asString()).isEqualTo("Lê Văn Lãnh");
        assertThat(o.get("awaitingDecision").get(0).get("fromPost").asString()).isEqualTo("UBND-" + b + "-LD");


        // The step followed its dossier to D's queue, unassigned; the invariant holds.
        assertThat(jdbc.sql("select agency_code || '/' || coalesce(assignee, '-') from dossier_step where dossier_id = ? and finished_at is null")
                .param(stepped).query(String.class).single()).isEqualTo("UBND-" + d + "/-");
        JsonNode rec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation", Map.of()).json();
        assertThat(rec.get("invariantHolds").asBoolean()).as(rec.toString()).isTrue();
        assertThat(rec.get("staleAssignments").asLong()).isZero();

        // Left with the leader whose holding ended (no post in D): the invariant fails, and names the step.
        jdbc.sql("update dossier_step set assignee = ?, assignee_name = 'Lê Văn Lãnh' where dossier_id = ? and finished_at is null")
                .params(u3, stepped).update();
        rec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation", Map.of()).json();
        assertThat(rec.get("invariantHolds").asBoolean()).isFalse();
        assertThat(rec.get("heldByClosedAgency").asLong()).isZero();
        assertThat(rec.get("staleAssignments").asLong()).isEqualTo(1);
        assertThat(rec.get("staleSample").get(0).get("dossierId").asString()).isEqualTo(stepped.toString());
        assertThat(rec.get("staleSample").get(0).get("assignee").asString()).isEqualTo(u3);
        assertThat(engine.view(UUID.fromString(id)).state()).isEqualTo(PlanState.EXECUTED.name());
        // Claimed by the moved civil-status officer, who holds D's post: the invariant holds again.
        jdbc.sql("update dossier_step set assignee = ?, assignee_name = 'Nguyễn Văn Hộ' where dossier_id = ? and finished_at is null")
                .params(u1, stepped).update();
        rec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation", Map.of()).json();
        assertThat(rec.get("invariantHolds").asBoolean()).isTrue();
        assertThat(engine.view(UUID.fromString(id)).state()).isEqualTo(PlanState.RECONCILED.name());

        // The decision for the leader: appointed to the new ward's leader post; he then counts among the changed.
        String awaitingId = o.get("awaitingDecision").get(0).get("officerId").asString();
        String appointment = "/api/v1/reorg/plans/" + id + "/officers/" + awaitingId + "/appointment";
        assertThat(http.postJson("quantri", "demo", appointment, Map.of("post", "KHONG-CO")).status()).isEqualTo(422);
        assertThat(http.postJson("kiemtra", "demo", appointment, Map.of("post", "UBND-" + d + "-LD")).status()).isEqualTo(403);
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/officers/" + hoTich + "/appointment",
                Map.of("post", "UBND-" + d + "-LD")).status()).isEqualTo(404);                    // not awaiting
        staffChanges.openPost("UBND-" + d, "UBND-" + d + "-LD", "Chủ tịch Ủy ban nhân dân", PostRole.LEADER, null, EFFECTIVE);
        Http.Response decided = http.postJson("quantri", "demo", appointment, Map.of("post", "UBND-" + d + "-LD"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("awaitingDecision")).isEmpty();
        assertThat(posts(leader, EFFECTIVE)).containsExactly("UBND-" + d + "-LD@UBND-" + d);

        // The page (administrators).
        login("quantri");
        Http.Response page = http.get("/admin/reorg/plans/" + id + "/officers");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Cán bộ có nhiệm vụ mới", "Cán bộ chờ quyết định", "Lê Văn Lãnh", "Trần Thị Cảnh",
                "1.001193", "UBND-" + d + "-HT");
        assertThat(http.get("/admin/reorg/plans/" + id).body()).contains("/admin/reorg/plans/" + id + "/officers");
    }

    @Test
    void aMappingToNoPostAndNoSuccessorAgencyIsAValidationError() {
        UUID x = officer("Đỗ Văn Sai", tag + ".sai", "UBND-" + a, "UBND-" + a + "-HT", "Công chức Tư pháp – Hộ tịch", PostRole.HANDLING, "HO_TICH");
        assertThat(x).isNotNull();
        String id = ReorgPlan.named("Sai ánh xạ " + p).effective(EFFECTIVE).legalBasis("Thử").dissolve(a, e)
                .postMapping(Map.of("post", "UBND-" + a + "-HT", "to", "UBND-KHONGCO-HT")).create(http);
        JsonNode v = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/validate", Map.of()).json();
        assertThat(v.get("ok").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        v.get("errors").forEach(err -> keys.add(err.get("key").asString()));
        assertThat(keys).contains("reorg.validation.postTargetUnknown");
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of()).status()).isEqualTo(422);
        assertThat(posts(x, EFFECTIVE)).containsExactly("UBND-" + a + "-HT@UBND-" + a);      // nothing moved
    }

    private void login(String user) {
        String csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(http.get("/login").body())
                .results().findFirst().orElseThrow().group(1);
        Http.Response r = http.send(http.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build());
        assertThat(r.status()).isEqualTo(302);
    }
}
