package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.Journey;
import vn.motcua.support.ReorgPlan;
import vn.motcua.support.TestWorlds;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WorldTest;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;
import vn.motcua.territory.TerritoryHistory;

/**
 * A plan authored as JSON on a small world of its own (unique codes): merge, split with a street rule, rename of a
 * unit whose new agencies are derived at execution, an explicit target; validation errors; the API's errors and
 * access rules; the public document-validity answer and page; the administrator pages.
 */
@IntegrationTest
class ReorgApiTest extends WorldTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);

    @Autowired
    TerritoryHistory history;
    @Autowired
    DossierBulk bulk;

    /** A province P with wards A, B, C, E, F, opened on 2026-01-01, with their standard agencies; D is kept for a plan. */
    record World(String p, String a, String b, String c, String d, String e, String f) {
    }

    private World world() {
        TestWorlds.World w = worlds.open("T", 1, 2, 3, 5, 6);
        return new World(w.province(), w.code(1), w.code(2), w.code(3), w.code(4), w.code(5), w.code(6));
    }

    /** A plan merging wards A and B of the world into a new ward D from 2027-01-01; its id. */
    private String mergeIntoNewWard(World w, String name, int batchSize) {
        return ReorgPlan.named(name).batchSize(batchSize).openWard(w.d(), w.p()).merge(List.of(w.a(), w.b()), w.d())
                .create(http);
    }

    private DossierBulk.NewDossier dossier(String agency, String unit, String line, String tag, int i, DossierState state) {
        Instant received = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(ReorgFixtures.VN).toInstant().plusSeconds(i);
        return new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.001193", "Đăng ký khai sinh", state, tag + "-" + i,
                "0912345678", tag + "-" + i + "@example.vn", unit, line, agency, "Ủy ban nhân dân " + agency, received,
                received.plusSeconds(86_400L * 10));
    }

    /** Shared by the steps of the journey below. */
    private World w;
    private List<DossierBulk.NewDossier> ds;
    private String id;

    @TestFactory
    Stream<DynamicTest> authoredPlanMergesSplitsRenamesAndReconciles() {
        return Journey.steps()
                .step("dossiers in flight at the old wards' agencies", () -> {
                    w = world();
                    String tag = "api" + UUID.randomUUID().toString().substring(0, 6);
                    ds = new ArrayList<>();
                    ds.add(dossier("UBND-" + w.a(), w.a(), "1 Đường Một", tag, 0, DossierState.ACCEPTED));       // → D, FULL_MERGE
                    ds.add(dossier("UBND-" + w.b(), w.b(), "2 Đường Hai", tag, 1, DossierState.SUBMITTED));      // → D, FULL_MERGE
                    ds.add(dossier("UBND-" + w.c(), w.c(), "3 Đường Thử Nghiệm", tag, 2, DossierState.ACCEPTED)); // → E, ADDRESS_RULE
                    ds.add(dossier("UBND-" + w.c(), w.c(), "4 Đường Lạ", tag, 3, DossierState.ACCEPTED));         // → triage TTPV-P
                    ds.add(dossier("UBND-" + w.f(), w.f(), "5 Đường Năm", tag, 4, DossierState.ACCEPTED));        // → new UBND-F
                    ds.add(dossier("CA-" + w.a(), w.a(), "6 Đường Sáu", tag, 5, DossierState.SUBMITTED));         // → EXPLICIT CA-E
                    ds.add(dossier("UBND-" + w.a(), w.a(), "7 Đường Bảy", tag, 6, DossierState.REFUSED));         // not in flight
                    bulk.insert(ds);
                })
                .step("the authored plan is a draft", () -> {
                    Http.Response created = http.postJson("quantri", "demo", "/api/v1/reorg/plans",
                            ReorgPlan.named("Thử nghiệm sắp xếp " + w.p()).batchSize(2)
                                    .openWard(w.d(), w.p())
                                    .merge(List.of(w.a(), w.b()), List.of(w.c()), w.d())
                                    .split(w.c(), List.of(w.d(), w.e()))
                                    .rename(w.f(), "Đổi Tên", "Phường Đổi Tên " + w.f())
                                    .streets(w.c(), w.e(), "Đường Thử Nghiệm")
                                    .explicit(ds.get(5).id().toString(), "CA-" + w.e()).toMap());
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    id = created.json().get("id").asString();
                    assertThat(created.json().get("state").asString()).isEqualTo("DRAFT");
                })
                .step("the dry run routes every dossier by a rule and changes nothing", () -> {
                    Http.Response dry = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/dry-run", Map.of());
                    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
                    JsonNode r = dry.json();
                    assertThat(r.get("inFlight").asLong()).isEqualTo(6);
                    assertThat(r.get("byRule").get("FULL_MERGE").asLong()).isEqualTo(3);
                    assertThat(r.get("byRule").get("ADDRESS_RULE").asLong()).isEqualTo(1);
                    assertThat(r.get("byRule").get("EXPLICIT").asLong()).isEqualTo(1);
                    assertThat(r.get("byRule").get("TRIAGE").asLong()).isEqualTo(1);
                    assertThat(r.get("unresolved").get(0).get("fromAgency").asString()).isEqualTo("UBND-" + w.c());
                    assertThat(territory.agency("UBND-" + w.d(), LocalDate.of(2027, 1, 1))).isEmpty(); // nothing changed
                })
                .step("execution moves them in batches and reconciles", () -> {
                    Http.Response exec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of());
                    assertThat(exec.status()).as(exec.body()).isEqualTo(200);
                    assertThat(exec.json().get("batches").asInt()).isEqualTo(3);
                    assertThat(exec.json().get("unitsOpened").asInt()).isEqualTo(2);
                    JsonNode rec = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation").json();
                    assertThat(rec.get("openBefore").asLong()).isEqualTo(6);
                    assertThat(rec.get("openAfter").asLong()).isEqualTo(6);
                    assertThat(rec.get("invariantHolds").asBoolean()).isTrue();
                    assertThat(rec.get("triage").asLong()).isEqualTo(1);
                    assertThat(rec.get("byState").get("ACCEPTED").get("before").asLong()).isEqualTo(4);

                    assertThat(agencyOf(ds.get(0).id())).isEqualTo("UBND-" + w.d());
                    assertThat(agencyOf(ds.get(1).id())).isEqualTo("UBND-" + w.d());
                    assertThat(agencyOf(ds.get(2).id())).isEqualTo("UBND-" + w.e());
                    assertThat(agencyOf(ds.get(3).id())).isEqualTo("TTPV-" + w.p());
                    assertThat(agencyOf(ds.get(4).id())).isEqualTo("UBND-" + w.f());
                    assertThat(agencyOf(ds.get(5).id())).isEqualTo("CA-" + w.e());
                    assertThat(agencyOf(ds.get(6).id())).isEqualTo("UBND-" + w.a());
                })
                .step("the units changed through the territory, the opened units' agencies exist from the effective date", () -> {
                    assertThat(territory.unit(w.f(), LocalDate.of(2027, 1, 1)).orElseThrow().fullName()).isEqualTo("Phường Đổi Tên " + w.f());
                    assertThat(territory.agency("UBND-" + w.d(), LocalDate.of(2027, 1, 1))).isPresent();
                    assertThat(territory.agency("UBND-" + w.a(), LocalDate.of(2027, 1, 1))).isEmpty();
                    assertThat(territory.successors(w.c(), LocalDate.of(2026, 12, 31))).extracting(s -> s.unit().code())
                            .containsExactlyInAnyOrder(w.d(), w.e());
                    assertThat(territory.successors(w.a(), LocalDate.of(2026, 12, 31))).extracting(s -> s.kind())
                            .containsExactly(LineageKind.MERGE);
                    assertThat(territory.successors(w.c(), LocalDate.of(2026, 12, 31))).extracting(s -> s.share())
                            .containsOnly(Share.PARTIAL);
                })
                .step("a triage decision sends the dossier left in triage to the agency an officer names, once", () -> {
                    Http.Response decided = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/triage/" + ds.get(3).id(),
                            Map.of("agencyCode", "UBND-" + w.d()));
                    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
                    assertThat(agencyOf(ds.get(3).id())).isEqualTo("UBND-" + w.d());
                    assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation").json().get("triage").asLong()).isZero();
                    // The applicant is told the agency chosen (the plan's own notice named the service centre), once.
                    assertThat(jdbc.sql("select body from notification where dedup_key = ?")
                            .param(ds.get(3).id() + "/TRANSFERRED/" + id + "/UBND-" + w.d()).query(String.class).list())
                            .singleElement().asString().contains("tiếp tục giải quyết", "không phải nộp lại");
                    // The journal as the decision left it says who decided; the journal row itself is not rewritten
                    // (append-only: its batch's audit link covers it). The same dossier cannot be decided twice, nor
                    // one never in triage.
                    assertThat(jdbc.sql("select rule || ' ' || to_agency from dossier_transfer_now where plan_id = ?::uuid and dossier_id = ?")
                            .params(id, ds.get(3).id()).query(String.class).single()).isEqualTo("EXPLICIT UBND-" + w.d());
                    assertThat(jdbc.sql("select rule from dossier_transfer where plan_id = ?::uuid and dossier_id = ?")
                            .params(id, ds.get(3).id()).query(String.class).single()).isEqualTo("TRIAGE");
                    assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/triage/" + ds.get(3).id(),
                            Map.of("agencyCode", "UBND-" + w.d())).status()).isEqualTo(409);
                    assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/triage/" + ds.get(0).id(),
                            Map.of("agencyCode", "UBND-" + w.e())).status()).isEqualTo(409);
                    assertThat(agencyOf(ds.get(0).id())).isEqualTo("UBND-" + w.d());
                })
                .step("the journal lists every move", () -> {
                    Http.Response journal = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/journal.csv");
                    assertThat(journal.body().lines().count()).isEqualTo(7);
                })
                .stream();
    }

    private String agencyOf(UUID id) {
        return jdbc.sql("select coalesce(agency_code, triage_owner) from dossier where id = ?").param(id).query(String.class).single();
    }

    @Test
    void executingFromThePageRunsInTheBackgroundAndShowsProgress() {
        World w = world();
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        List<DossierBulk.NewDossier> ds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ds.add(dossier("UBND-" + (i % 2 == 0 ? w.a() : w.b()), i % 2 == 0 ? w.a() : w.b(), i + " Đường Một", tag, i,
                    DossierState.ACCEPTED));
        }
        bulk.insert(ds);
        String id = mergeIntoNewWard(w, "Thử nghiệm trang " + w.p(), 2);
        login("quantri");
        String page = "/admin/reorg/plans/" + id;

        // Executing goes through a confirmation page: a bare POST executes nothing and leads there (issue 17).
        Http.Response bare = http.postForm(page + "/execute", page);
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.raw().headers().firstValue("Location").orElseThrow()).endsWith(page + "/execute");
        assertThat(http.get(page + "/execute").body()).contains("id=\"no-dry-run\"").doesNotContain("id=\"confirm-form\"");
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id).json().get("state").asString())
                .isEqualTo("DRAFT");
        assertThat(http.postForm(page + "/dry-run", page).status()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("id=\"execute-link\"").doesNotContain("action=\"" + page + "/execute\"");
        String confirm = http.get(page + "/execute").body();
        assertThat(confirm).contains("id=\"confirm-warning\"", "không thể hoàn tác", "id=\"confirm-in-flight\">6<",
                "id=\"open-decisions\"");
        String dryRunAt = confirm.replaceAll("(?s).*name=\"dryRunAt\" value=\"([^\"]+)\".*", "$1");
        // Unticked, or for another dry run than the one shown: still nothing.
        assertThat(http.postForm(page + "/execute", page + "/execute", "dryRunAt", dryRunAt).raw().headers()
                .firstValue("Location").orElseThrow()).endsWith(page + "/execute");
        assertThat(http.postForm(page + "/execute", page + "/execute", "confirmed", "true", "dryRunAt", "2020-01-01T00:00:00Z")
                .raw().headers().firstValue("Location").orElseThrow()).endsWith(page + "/execute");
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id).json().get("state").asString())
                .isEqualTo("DRY_RUN_DONE");

        Http.Response started = http.postForm(page + "/execute", page + "/execute", "confirmed", "true", "dryRunAt", dryRunAt);
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.raw().headers().firstValue("Location").orElseThrow()).endsWith(page);
        // The request returned at once; the page follows the run until it is done, then reloads itself.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                http.get(page + "/progress").raw().headers().firstValue("HX-Refresh").isPresent());
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation").json()
                .get("invariantHolds").asBoolean()).isTrue();
        ds.forEach(d -> assertThat(agencyOf(d.id())).isEqualTo("UBND-" + w.d()));
        Http.Response done = http.get(page);
        assertThat(done.body()).contains("Hồ sơ đã chuyển").doesNotContain("Đang thực hiện");

        // Executing again from the page does nothing more; an unknown plan is refused at once.
        assertThat(http.postForm(page + "/execute", page + "/execute", "confirmed", "true", "dryRunAt", dryRunAt).status())
                .isEqualTo(302);
        Http.Response unknown = http.postForm("/admin/reorg/plans/" + UUID.randomUUID() + "/execute", page);
        assertThat(unknown.status()).isEqualTo(302);
    }

    @Test
    void theApiCanExecuteInTheBackgroundAndReportProgress() {
        World w = world();
        String tag = "as" + UUID.randomUUID().toString().substring(0, 6);
        List<DossierBulk.NewDossier> ds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ds.add(dossier("UBND-" + w.a(), w.a(), i + " Đường Hai", tag, i, DossierState.ACCEPTED));
        }
        bulk.insert(ds);
        String id = mergeIntoNewWard(w, "Thử nghiệm nền " + w.p(), 1);
        String progress = "/api/v1/reorg/plans/" + id + "/progress";
        assertThat(http.getAs("quantri", "demo", progress).json().get("batches").asInt()).isZero();
        assertThat(http.getAs("congdan", "demo", progress).status()).isEqualTo(403);

        Http.Response started = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute?async=true", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.raw().headers().firstValue("Location").orElseThrow()).endsWith(progress);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            JsonNode p = http.getAs("kiemtra", "demo", progress).json();
            return !p.get("running").asBoolean() && !p.get("state").asString().equals("EXECUTING")
                    && !p.get("state").asString().equals("DRAFT");
        });
        JsonNode done = http.getAs("kiemtra", "demo", progress).json();
        assertThat(done.get("batches").asInt()).isEqualTo(4);
        assertThat(done.get("batchesDone").asInt()).isEqualTo(4);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("failure").isNull()).isTrue();
        ds.forEach(d -> assertThat(agencyOf(d.id())).isEqualTo("UBND-" + w.d()));
        // An unknown plan cannot start: refused at once, not later in the background.
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + UUID.randomUUID() + "/execute?async=true",
                Map.of()).status()).isEqualTo(404);
        // Nor in the foreground: a 404 before the executing node writes its heartbeat row (which would be a 500).
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + UUID.randomUUID() + "/execute",
                Map.of()).status()).isEqualTo(404);
    }

    @Test
    void validationFindsMissingSuccessorsClosingSuccessorsAndCycles() {
        World w = world();
        String id = ReorgPlan.named("Vòng lặp").effective("2027-02-01").legalBasis("Thử")
                .dissolve(w.a(), w.b()).dissolve(w.b(), w.a()).merge(List.of(w.c()), "T0000000").create(http);
        JsonNode v = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/validate", Map.of()).json();
        assertThat(v.get("ok").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        v.get("errors").forEach(e -> keys.add(e.get("key").asString()));
        assertThat(keys).contains("reorg.validation.cycle", "reorg.validation.successorCloses", "reorg.validation.unknownUnit");
        assertThat(v.get("errors").get(0).get("message").asString()).isNotBlank();
        Http.Response dry = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/dry-run", Map.of());
        assertThat(dry.status()).isEqualTo(422);
        assertThat(dry.json().get("code").asString()).isEqualTo("reorg.plan.invalid");
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of()).status()).isEqualTo(422);
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id).json().get("state").asString()).isEqualTo("DRAFT");
    }

    @Test
    void badInputAndAccess() {
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans", Map.of("effective", "2027-01-01", "legalBasis", "x")).status())
                .isEqualTo(400);
        Http.Response badDate = http.postJson("quantri", "demo", "/api/v1/reorg/plans",
                Map.of("name", "x", "effective", "mai", "legalBasis", "x"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("code").asString()).isEqualTo("reorg.plan.effective");
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans",
                Map.of("name", "x", "effective", "2027-01-01", "legalBasis", "x", "operations", List.of(Map.of("op", "EXPLODE")))).status())
                .isEqualTo(400);
        assertThat(http.postJson(null, null, "/api/v1/reorg/plans", Map.of()).status()).isEqualTo(401);
        assertThat(http.postJson("congdan", "demo", "/api/v1/reorg/plans", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + UUID.randomUUID()).status()).isEqualTo(404);
        Http.Response noProvince = ReorgRealDataTest.postEmpty(http, "/api/v1/reorg/plans/import?format=dvhcvn-merges&province=99");
        assertThat(noProvince.status()).isEqualTo(404);
        Http.Response badFile = http.send(http.request("/api/v1/reorg/plans/import?format=dvhcvn-merges&province=79")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("quantri:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(badFile.status()).isEqualTo(422);
    }

    @Test
    void documentValidityAfterTheCutOver() {
        Http.Response r = http.get("/api/v1/reorg/document-validity?unit=26737&issuedOn=2025-05-10&asOf=2025-08-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("issuedBy").asString()).isEqualTo("Phường Đa Kao");
        assertThat(r.json().get("validUntilExpiry").asBoolean()).isTrue();
        assertThat(r.json().get("legalBasis").asString()).contains("190/2025/QH15");
        List<String> now = new ArrayList<>();
        r.json().get("competentNow").forEach(c -> now.add(c.get("code").asString()));
        assertThat(now).containsExactlyInAnyOrder("26737", "26740");
        assertThat(http.get("/api/v1/reorg/document-validity?unit=26737&issuedOn=2019-05-10").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reorg/document-validity?unit=26737&issuedOn=hôm-qua").status()).isEqualTo(400);
        Http.Response page = http.get("/reorg/document-validity?unit=26737&issuedOn=2025-05-10");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Phường Đa Kao", "Phường Tân Định", "Phường Sài Gòn", "190/2025/QH15");
    }

    @Test
    void adminPages() {
        String id = ReorgRealDataTest.postEmpty(http, "/api/v1/reorg/plans/import?format=dvhcvn-merges&province=01&effective=2025-07-01")
                .json().get("id").asString();
        assertThat(http.get("/admin/reorg").status()).isEqualTo(302);
        login("quantri");
        Http.Response list = http.get("/admin/reorg");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("/admin/reorg/plans/" + id);
        Http.Response page = http.get("/admin/reorg/plans/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Bản nháp");
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
