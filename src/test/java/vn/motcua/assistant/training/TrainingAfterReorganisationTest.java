package vn.motcua.assistant.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
import vn.motcua.support.Http;
import vn.motcua.support.ReorgPlan;
import vn.motcua.support.TestWorlds;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WorldTest;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.StaffChanges;

/**
 * The reorganisation test plan, reduced (wards A and B merge into D; A's police reception desk becomes D's one-stop
 * desk): the police officer takes on the ward's birth registration, which is new to her, and gets a training for it;
 * its briefing and quiz come from the catalogue; a failed quiz does not complete it, a passed one does; the
 * assignment check warns until then; the agency's page and the reorganisation's officers page show it.
 */
@IntegrationTest
class TrainingAfterReorganisationTest extends WorldTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);
    static final LocalDate EFFECTIVE = LocalDate.of(2027, 1, 1);
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    StaffChanges staffChanges;
    @Autowired
    AccountService accounts;
    @Autowired
    DossierBulk bulk;
    @Autowired
    TrainingService training;
    String p;
    String a;
    String b;
    String d;
    String tag;
    TestWorlds.World world;

    @BeforeEach
    void setUp() {
        world = worlds.open("T", 1, 2);
        p = world.province();
        a = world.code(1);
        b = world.code(2);
        d = world.code(4);
        tag = "trn" + world.base();
    }

    @AfterEach
    void tearDown() {
        staffChanges.closePostsOf(world.standardAgencyCodes(), TestWorlds.END);
        String like = tag + "-%";
        // not the history nor the journal: both are hash-chained and sealed (the journal by one link per batch since
        // session 12), and a deleted row breaks today's chain for every test verifying it
        jdbc.sql("delete from dossier_step where dossier_id in (select id from dossier where applicant_name like ?)").param(like).update();
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
    }

    /** A page fetched by a user signed in through the login form (pages do not take HTTP Basic). */
    Http.Response page(String user, String path) {
        Http h = new Http(port);
        assertThat(h.login(user, "demo").status()).isEqualTo(302);
        return h.get(path);
    }

    private UUID officer(String name, String username, String agency, String post, String title, PostRole role) {
        accounts.save(username, "demo", name, Audience.OFFICER, Set.of(Role.RECEPTION_OFFICER), false);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into territory_officer (id, code, full_name, username) values (?, ?, ?, ?)")
                .params(id, "CB-" + username, name, username).update();
        staffChanges.refresh();
        staffChanges.openPost(agency, post, title, role, null, OPENED);
        staffChanges.appoint(id, post, OPENED);
        return id;
    }

    @Test
    void an_officer_taking_on_a_new_procedure_is_trained_and_the_assignment_warning_follows() {
        String police = tag + ".ca";
        UUID policeId = officer("Trần Thị Cảnh", police, "CA-" + a, "CA-" + a + "-TN", "Cán bộ tiếp nhận hồ sơ", PostRole.RECEPTION);
        officer("Lê Văn Lãnh", tag + ".ld", "UBND-" + b, "UBND-" + b + "-LD", "Chủ tịch Ủy ban nhân dân", PostRole.LEADER);
        Instant received = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(VN).toInstant();
        UUID birth = UUID.randomUUID();
        bulk.insert(List.of(
                new DossierBulk.NewDossier(birth, null, "1.001193", "Đăng ký khai sinh", DossierState.SUBMITTED, tag + "-1",
                        "0912345678", null, b, "1 Đường Một", "UBND-" + b, "Cơ quan UBND-" + b, received,
                        received.plusSeconds(86_400L * 10)),
                new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.004194", "Đăng ký tạm trú", DossierState.SUBMITTED,
                        tag + "-2", "0912345678", null, a, "2 Đường Một", "CA-" + a, "Cơ quan CA-" + a, received,
                        received.plusSeconds(86_400L * 10))));

        String id = ReorgPlan.named("Sắp xếp " + p).effective(EFFECTIVE).openWard(d, p).merge(List.of(a, b), d)
                .postMapping(Map.of("post", "CA-" + a + "-TN", "to", "UBND-" + d + "-TN", "agency", "UBND-" + d,
                        "title", "Công chức tiếp nhận và trả kết quả"))
                .create(http);
        JsonNode v = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/validate", Map.of()).json();
        assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
        Http.Response exec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of());
        assertThat(exec.status()).as(exec.body()).isEqualTo(200);

        // The training queue: birth registration, new to the police desk officer, at the new ward's agency.
        JsonNode mine = http.getAs(police, "demo", "/api/v1/training/me").json();
        List<String> procs = new ArrayList<>();
        mine.forEach(t -> procs.add(t.get("procedureCode").asString() + "@" + t.get("agencyCode").asString()
                + ":" + t.get("reason").asString() + ":" + t.get("completedAt").isNull()));
        assertThat(procs).contains("1.001193@UBND-" + d + ":REORG:true").noneMatch(s -> s.startsWith("1.004194"));
        assertThat(jdbc.sql("select count(*) from training_assignment where officer_id = ?").param(policeId)
                .query(Long.class).single()).isEqualTo(procs.size());
        // A resumed execution does not add them twice.
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of()).status()).isEqualTo(200);
        assertThat(http.getAs(police, "demo", "/api/v1/training/me").json().size()).isEqualTo(procs.size());

        // Briefing and quiz from the catalogue and the rules.
        JsonNode brief = http.getAs(police, "demo", "/api/v1/training/procedures/1.001193/briefing").json();
        assertThat(brief.get("procedureName").asString()).containsIgnoringCase("khai sinh");
        assertThat(brief.get("documents").toString()).contains("Giấy chứng sinh");
        assertThat(brief.get("rules").toString()).contains("60/2014/QH13");
        JsonNode quiz = http.getAs(police, "demo", "/api/v1/training/procedures/1.001193/quiz").json();
        assertThat(quiz.size()).isBetween(3, 5);
        assertThat(quiz.toString()).doesNotContain("correct");

        // The assignment check warns while the training is open (the dossier moved to D's agency).
        JsonNode warn = http.getAs("quantri", "demo", "/api/v1/dossiers/" + birth + "/assignment-check?assignee=" + police).json();
        assertThat(warn.get("trained").asBoolean()).as(warn.toString()).isFalse();
        assertThat(warn.get("message").asString()).contains("Trần Thị Cảnh").contains("chưa hoàn thành bồi dưỡng");
        assertThat(page("quantri", "/workbench/training/dossier/" + birth + "/warning").body())
                .contains("Trần Thị Cảnh");
        assertThat(page("quantri", "/workbench/training/agencies/UBND-" + d).body())
                .contains("Trần Thị Cảnh").contains("1.001193").contains("Chưa hoàn thành");
        assertThat(page("quantri", "/admin/reorg/plans/" + id + "/officers").body())
                .contains("/workbench/training/agencies/UBND-" + d);

        // Wrong answers do not complete it; right ones do.
        Quiz answers = training.quiz("1.001193");
        Map<String, Integer> wrong = new HashMap<>();
        Map<String, Integer> right = new HashMap<>();
        answers.questions().forEach(q -> {
            wrong.put(q.id(), (q.correct() + 1) % q.options().size());
            right.put(q.id(), q.correct());
        });
        JsonNode failed = http.postJson(police, "demo", "/api/v1/training/procedures/1.001193/quiz", wrong).json();
        assertThat(failed.get("passed").asBoolean()).isFalse();
        assertThat(failed.get("correct").asInt()).isZero();
        assertThat(http.getAs("quantri", "demo", "/api/v1/dossiers/" + birth + "/assignment-check?assignee=" + police)
                .json().get("trained").asBoolean()).isFalse();
        JsonNode passed = http.postJson(police, "demo", "/api/v1/training/procedures/1.001193/quiz", right).json();
        assertThat(passed.get("passed").asBoolean()).isTrue();
        assertThat(passed.get("correct").asInt()).isEqualTo(answers.questions().size());
        assertThat(http.getAs("quantri", "demo", "/api/v1/dossiers/" + birth + "/assignment-check?assignee=" + police)
                .json().get("trained").asBoolean()).isTrue();
        assertThat(page("quantri", "/workbench/training/dossier/" + birth + "/warning").body())
                .doesNotContain("Trần Thị Cảnh");
        assertThat(http.getAs("congdan", "demo", "/api/v1/training/me").status()).isEqualTo(403);
    }
}
