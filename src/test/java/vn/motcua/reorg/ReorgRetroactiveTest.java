package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.reorg.internal.Reports;
import vn.motcua.support.Http;
import vn.motcua.support.TestWorlds;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WorldTest;
import vn.motcua.territory.UnitType;

/**
 * Plans recorded after their effective date (real data lags the law): what the closing agencies received in between
 * moves like the rest, names follow a reclassification, a crash mid-way resumes to the same end, the report covers
 * every run, and the system-wide stranded check finds what a plan's own bookkeeping would not.
 */
@IntegrationTest
class ReorgRetroactiveTest extends WorldTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);

    @Autowired
    DossierBulk bulk;
    @Autowired
    ReorgEngine engine;

    private final List<String> tags = new ArrayList<>();

    /** Other tests count the agencies valid today: close this test's units; remove its dossiers. */
    @AfterEach
    void cleanUp() {
        tags.forEach(t -> ReorgFixtures.delete(jdbc, t));
    }

    static LocalDate effective() {
        return LocalDate.now(ReorgFixtures.VN).minusDays(200);
    }

    /** A province (or municipality) with {@code n} communes opened on 2026-01-01 and their standard agencies; codes. */
    private List<String> world(UnitType provinceType, UnitType communeType, int n) {
        TestWorlds.World w = worlds.open("R", provinceType, communeType, n);
        List<String> codes = new ArrayList<>(w.communes());
        codes.add(0, w.province());
        return codes;
    }

    private DossierBulk.NewDossier dossier(String agency, String unit, String line, String tag, int i, Instant received) {
        boolean province = agency.startsWith("STP-");
        return new DossierBulk.NewDossier(UUID.randomUUID(), (agency + "-" + tag + "-" + i).toUpperCase(java.util.Locale.ROOT), province ? "3.000333" : "1.001193",
                province ? "Thủ tục của Sở Tư pháp" : "Đăng ký khai sinh",
                DossierState.ACCEPTED, tag + "-" + i, "0912345678", null, unit, line, agency,
                territory.agency(agency, LocalDate.now(ReorgFixtures.VN)).orElseThrow().name(),
                received, received.plusSeconds(86_400L * 10));
    }

    private String tag() {
        String t = "retro" + UUID.randomUUID().toString().substring(0, 6);
        tags.add(t);
        return t;
    }

    private String agencyOf(UUID id) {
        return jdbc.sql("select coalesce(agency_code, triage_owner) from dossier where id = ?").param(id).query(String.class).single();
    }

    private String agencyNameOf(UUID id) {
        return jdbc.sql("select agency_name from dossier where id = ?").param(id).query(String.class).single();
    }

    private String post(String path, Object body) {
        Http.Response r = http.postJson("quantri", "demo", path, body);
        assertThat(r.status()).as(path + " " + r.body()).isBetween(200, 201);
        return r.body();
    }

    private JsonNode postJson(String path, Object body) {
        Http.Response r = http.postJson("quantri", "demo", path, body);
        assertThat(r.status()).as(path + " " + r.body()).isBetween(200, 201);
        return r.json();
    }

    @Test
    void aSplitRecordedMonthsAfterItsEffectiveDateMovesWhatWasReceivedSince() {
        List<String> w = world(UnitType.MUNICIPALITY, UnitType.WARD, 3);
        String p = w.get(0), a = w.get(1), b = w.get(2), c = w.get(3);
        String tag = tag();
        Instant today = Instant.now();
        Instant beforeEffective = OPENED.plusDays(30).atTime(9, 0).atZone(ReorgFixtures.VN).toInstant();
        List<DossierBulk.NewDossier> ds = List.of(
                dossier("UBND-" + a, a, "12 Đường Tách Một", tag, 0, today),            // received today: must move
                dossier("UBND-" + a, a, "14 Đường Tách Hai", tag, 1, beforeEffective),  // before the effective date
                dossier("UBND-" + b, b, "3 Đường Ba", tag, 2, today));                  // not in a closing unit
        bulk.insert(ds);

        String id = postJson("/api/v1/reorg/plans", Map.of(
                "name", "Tách phường ghi nhận muộn " + a, "effective", effective().toString(),
                "legalBasis", "Nghị quyết thử nghiệm (ghi nhận muộn)",
                "operations", List.of(Map.of("op", "SPLIT", "unit", a, "to", List.of(b, c))),
                "routingRules", List.of(Map.of("unit", a, "to", c, "streets", List.of("Đường Tách Một")),
                        Map.of("unit", a, "to", b, "streets", List.of("Đường Tách Hai"))))).get("id").asString();

        JsonNode v = postJson("/api/v1/reorg/plans/" + id + "/validate", Map.of());
        assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("counts").get("receivedAfterEffective").asLong()).isEqualTo(1);
        assertThat(v.get("warnings").toString()).contains("reorg.validation.receivedAfterEffective")
                .contains("hồ sơ được tiếp nhận từ ngày đó");

        JsonNode dry = postJson("/api/v1/reorg/plans/" + id + "/dry-run", Map.of());
        assertThat(dry.get("inFlight").asLong()).isEqualTo(2);
        assertThat(dry.get("receivedAfterEffective").asLong()).isEqualTo(1);
        assertThat(dry.get("byRule").get("ADDRESS_RULE").asLong()).isEqualTo(2);

        // The plan page says it too, in Vietnamese (no internal keys).
        Http admin = new Http(port);
        assertThat(admin.login("quantri", "demo").status()).isEqualTo(302);
        String page = admin.get("/admin/reorg/plans/" + id).body();
        assertThat(page).contains("Trong đó tiếp nhận từ ngày hiệu lực").contains("Hồ sơ tiếp nhận sau ngày hiệu lực")
                .contains("Theo địa chỉ").doesNotContain("ADDRESS_RULE").doesNotContain(">splitUnits<");

        JsonNode ex = postJson("/api/v1/reorg/plans/" + id + "/execute", Map.of());
        assertThat(ex.get("journal").asLong()).isEqualTo(2);
        assertThat(ex.get("moved").asLong()).isEqualTo(2);
        assertThat(ex.get("receivedAfterEffective").asLong()).isEqualTo(1);
        assertThat(ex.get("runs")).hasSize(1);
        assertThat(ex.get("runs").get(0).get("outcome").asString()).isEqualTo("COMPLETED");

        assertThat(agencyOf(ds.get(0).id())).isEqualTo("UBND-" + c);
        assertThat(agencyNameOf(ds.get(0).id())).isEqualTo("Ủy ban nhân dân Phường Thử " + c);
        assertThat(agencyOf(ds.get(1).id())).isEqualTo("UBND-" + b);
        assertThat(agencyOf(ds.get(2).id())).isEqualTo("UBND-" + b);
        // The history says the dossier was received after the effective date; nothing before it is rewritten.
        assertThat(jdbc.sql("select data->>'receivedAfterEffective' from dossier_history where dossier_id = ? and type = 'TRANSFERRED'")
                .param(ds.get(0).id()).query(String.class).list()).containsExactly("true");
        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and type = 'TRANSFERRED' "
                + "and data->>'receivedAfterEffective' is not null").param(ds.get(1).id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ?").param(ds.get(0).id())
                .query(Long.class).single()).isEqualTo(3); // SUBMITTED, ACCEPTED, TRANSFERRED

        JsonNode rec = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation").json();
        assertThat(rec.get("invariantHolds").asBoolean()).isTrue();
        assertThat(rec.get("heldByClosedAgency").asLong()).isZero();
        assertThat(rec.get("openBefore").asLong()).isEqualTo(2);
        assertThat(rec.get("openAfter").asLong()).isEqualTo(2);
        // The unit no longer exists today, and no open dossier is left with it.
        assertThat(http.get("/api/v1/units/" + a + "?asOf=" + LocalDate.now(ReorgFixtures.VN)).status()).isEqualTo(404);
        JsonNode stranded = http.getAs("kiemtra", "demo", "/api/v1/reorg/stranded").json();
        assertThat(stranded.get("sample").toString()).doesNotContain(ds.get(0).id().toString()).doesNotContain("UBND-" + a + "\"");

        // Public tracking shows the move with its type.
        JsonNode track = http.get("/api/v1/dossiers/track?code=" + ds.get(0).code() + "&check=5678").json();
        assertThat(track.get("agency").get("name").asString()).isEqualTo("Ủy ban nhân dân Phường Thử " + c);
        assertThat(track.get("events").findValuesAsString("type")).contains("TRANSFERRED");
    }

    @Test
    void aRetroactiveReclassificationOfAProvinceAndTenCommunesRenamesWhatOpenDossiersShow() {
        List<String> w = world(UnitType.PROVINCE, UnitType.COMMUNE, 12);
        String p = w.get(0);
        String tag = tag();
        Instant today = Instant.now();
        List<DossierBulk.NewDossier> ds = List.of(
                dossier("UBND-" + w.get(1), w.get(1), "1 Ấp Một", tag, 0, today),     // commune reclassified
                dossier("UBND-" + w.get(12), w.get(12), "2 Ấp Hai", tag, 1, today),   // commune unchanged
                dossier("STP-" + p, w.get(2), "3 Ấp Ba", tag, 2, today),              // the province's department
                dossier("UBND-" + w.get(3), w.get(3), "4 Ấp Bốn", tag, 3,
                        OPENED.plusDays(10).atStartOfDay(ReorgFixtures.VN).toInstant()));
        bulk.insert(ds);
        LocalDate before = effective().minusDays(1);
        assertThat(http.get("/api/v1/units?parent=" + p + "&asOf=" + before).json()).hasSize(12);

        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(Map.of("op", "RECLASSIFY", "unit", p, "type", "MUNICIPALITY", "fullName", "Thành phố Thử " + p.substring(1)));
        for (int i = 1; i <= 10; i++) {
            ops.add(Map.of("op", "RECLASSIFY", "unit", w.get(i), "type", "WARD", "fullName", "Phường Thử " + w.get(i)));
        }
        String id = postJson("/api/v1/reorg/plans", Map.of("name", "Chuyển tỉnh thành thành phố " + p,
                "effective", effective().toString(), "legalBasis", "Nghị quyết thử nghiệm về thành lập thành phố",
                "operations", ops)).get("id").asString();
        JsonNode ex = postJson("/api/v1/reorg/plans/" + id + "/execute", Map.of());
        assertThat(ex.get("journal").asLong()).isEqualTo(3);

        LocalDate now = LocalDate.now(ReorgFixtures.VN);
        assertThat(agencyNameOf(ds.get(0).id())).isEqualTo("Ủy ban nhân dân Phường Thử " + w.get(1));
        assertThat(agencyNameOf(ds.get(1).id())).isEqualTo("Ủy ban nhân dân Xã Thử " + w.get(12));
        assertThat(agencyNameOf(ds.get(2).id())).isEqualTo("Sở Tư pháp Thành phố Thử " + p.substring(1));
        assertThat(agencyNameOf(ds.get(3).id())).isEqualTo("Ủy ban nhân dân Phường Thử " + w.get(3));
        assertThat(agencyOf(ds.get(0).id())).isEqualTo("UBND-" + w.get(1));
        // What the public tracking page and newly printed forms read: the name valid now.
        assertThat(http.get("/api/v1/dossiers/track?code=" + ds.get(0).code() + "&check=5678").json()
                .get("agency").get("name").asString()).isEqualTo("Ủy ban nhân dân Phường Thử " + w.get(1));
        // Children lists, before and after, are complete (the ten reclassified and the two that did not change).
        assertThat(http.get("/api/v1/units?parent=" + p + "&asOf=" + before).json()).hasSize(12);
        assertThat(http.get("/api/v1/units?parent=" + p + "&asOf=" + now).json()).hasSize(12);
        assertThat(http.get("/api/v1/units/" + w.get(12) + "?asOf=" + now).json().get("parentCode").asString()).isEqualTo(p);
        JsonNode rec = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation").json();
        assertThat(rec.get("invariantHolds").asBoolean()).isTrue();
    }

    static final class Crash extends RuntimeException {
        Crash() {
            super("crash");
        }
    }

    @Test
    void aCrashInTheMiddleOfARetroactiveExecutionResumesToTheSameEndAndTheReportCoversEveryRun() {
        List<String> w = world(UnitType.MUNICIPALITY, UnitType.WARD, 3);
        String a = w.get(1), b = w.get(2), c = w.get(3);
        String tag = tag();
        Instant today = Instant.now();
        List<DossierBulk.NewDossier> ds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ds.add(dossier("UBND-" + (i % 2 == 0 ? a : b), i % 2 == 0 ? a : b, i + " Đường Gộp", tag, i, today));
        }
        bulk.insert(ds);
        String id = postJson("/api/v1/reorg/plans", Map.of("name", "Gộp phường ghi nhận muộn " + a,
                "effective", effective().toString(), "legalBasis", "Nghị quyết thử nghiệm", "batchSize", 1,
                "operations", List.of(Map.of("op", "MERGE", "from", List.of(a, b), "into", c)))).get("id").asString();
        UUID plan = UUID.fromString(id);
        assertThatThrownBy(() -> engine.execute(plan, "quantri", new ExecutionObserver() {
            @Override
            public void batchDone(UUID planId, int batchNo, int moved) {
                throw new Crash(); // after the first batch that commits (a second worker may finish the one it runs)
            }
        })).isInstanceOf(Crash.class);
        long midway = ds.stream().filter(d -> agencyOf(d.id()).equals("UBND-" + c)).count();
        assertThat(midway).isBetween(1L, 2L);
        Reports.Execution stopped = engine.view(plan).execution();
        assertThat(stopped.runs()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("INTERRUPTED"));

        Reports.Execution done = engine.execute(plan, "quantri");
        for (DossierBulk.NewDossier d : ds) {
            assertThat(agencyOf(d.id())).isEqualTo("UBND-" + c);
            assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ? and type = 'TRANSFERRED'")
                    .param(d.id()).query(Long.class).single()).isEqualTo(1);
        }
        // The report is about the plan: totals over both runs, and the runs listed.
        assertThat(done.moved()).isEqualTo(5);
        assertThat(done.movedNow()).isEqualTo(5 - midway);
        assertThat(done.receivedAfterEffective()).isEqualTo(5);
        assertThat(done.unitsClosed()).isEqualTo(2);
        assertThat(done.unitsLinked()).isEqualTo(2);
        assertThat(done.runs()).extracting(Reports.Run::outcome).containsExactly("INTERRUPTED", "COMPLETED");
        assertThat(done.runs()).extracting(Reports.Run::by).containsOnly("quantri");
        assertThat(done.runs().get(0).moved() + done.runs().get(1).moved()).isEqualTo(5);
        assertThat(engine.view(plan).reconciliation().invariantHolds()).isTrue();
    }

    @Test
    void theStrandedCheckFindsADossierPlantedOnAClosedAgencyAndRoutesItToTriage() {
        List<String> w = world(UnitType.MUNICIPALITY, UnitType.WARD, 2);
        String p = w.get(0), a = w.get(1);
        String tag = tag();
        DossierBulk.NewDossier d = dossier("UBND-" + a, a, "1 Đường Lạc", tag, 0, Instant.now());
        bulk.insert(List.of(d));
        JsonNode before = http.getAs("quantri", "demo", "/api/v1/reorg/stranded").json();
        // A closed agency, and a dossier put on it behind every plan's back.
        String closed = jdbc.sql("select code from territory_agency where valid_to is not null and valid_to <= current_date "
                + "and code like 'UBND-%' and not exists (select 1 from territory_agency x where x.code = territory_agency.code "
                + "and x.valid_to is null) limit 1").query(String.class).single();
        jdbc.sql("update dossier set agency_code = ? where id = ?").params(closed, d.id()).update();

        JsonNode after = http.getAs("quantri", "demo", "/api/v1/reorg/stranded").json();
        assertThat(after.get("count").asLong()).isEqualTo(before.get("count").asLong() + 1);
        assertThat(after.get("dossiers").asLong()).isEqualTo(before.get("dossiers").asLong() + 1);
        assertThat(after.get("sample").toString()).contains(d.id().toString());
        assertThat(http.get("/api/v1/reorg/stranded").status()).isEqualTo(401);
        assertThat(http.getAs("congdan", "demo", "/api/v1/reorg/stranded").status()).isEqualTo(403);
        // The metric carries the last count.
        String metrics = http.getAs("quantri", "demo", "/actuator/prometheus").body();
        assertThat(metrics).contains("motcua_dossiers_stranded " + (double) after.get("count").asLong());

        // One click: to the triage queue of the service centre of the province the closed agency served.
        assertThat(http.postJson("kiemtra", "demo", "/api/v1/reorg/stranded/" + d.id() + "/triage", Map.of()).status())
                .isEqualTo(403);
        // The administrator's page lists it with its button; one click sends it to triage.
        Http admin = new Http(port);
        assertThat(admin.login("quantri", "demo").status()).isEqualTo(302);
        String page = admin.get("/admin/reorg/stranded").body();
        assertThat(page).contains("Hồ sơ và công việc bị treo").contains(d.code()).contains(closed)
                .contains("/admin/reorg/stranded/" + d.id() + "/triage");
        assertThat(admin.get("/admin/reorg").body()).contains("/admin/reorg/stranded");
        assertThat(admin.postForm("/admin/reorg/stranded/" + d.id() + "/triage", "/admin/reorg/stranded").status())
                .isEqualTo(302);
        String owner = jdbc.sql("select triage_owner from dossier where id = ? and agency_code is null").param(d.id())
                .query(String.class).single();
        assertThat(owner).startsWith("TTPV-");
        assertThat(admin.get("/admin/reorg/stranded").body()).contains("Đã chuyển hồ sơ đến hàng chờ phân loại của " + owner)
                .doesNotContain(d.code());
        assertThat(jdbc.sql("select data->>'rule' from dossier_history where dossier_id = ? and type = 'TRANSFERRED'")
                .param(d.id()).query(String.class).list()).containsExactly("TRIAGE");
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/stranded").json().get("count").asLong())
                .isEqualTo(before.get("count").asLong());
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/stranded/" + d.id() + "/triage", Map.of()).status())
                .isEqualTo(409);
    }
}
