package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.Territory;

/**
 * Acceptance on real data: the 30 June 2025 HCMC / Bình Dương / Bà Rịa–Vũng Tàu world with a few thousand
 * in-flight dossiers in the old agencies, the real 2025 plan imported from the dvhcvn mapping, dry-run and executed
 * through the API. Counts before = after, no open dossier left in a closed agency, split wards' dossiers routed by
 * address or in triage (nowhere else), past events untouched, codes still trackable.
 */
@IntegrationTest
class ReorgRealDataTest {

    static final int N = 3000;

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    Territory territory;
    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    Http http;

    private String tag;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    @org.junit.jupiter.api.AfterEach
    void removeFixture() {
        if (tag != null) {
            ReorgFixtures.delete(jdbc, tag);
        }
    }

    @Test
    void realHcmc2025PlanMovesEveryInFlightDossierAndReconciles() {
        ReorgFixtures.OldWorld world = ReorgFixtures.oldWorld(territory);
        assertThat(world.communes()).hasSize(273 + 91 + 77);
        assertThat(world.splitSuccessors()).isNotEmpty();
        tag = "acc" + UUID.randomUUID().toString().substring(0, 6);
        List<DossierBulk.NewDossier> fixture = ReorgFixtures.dossiers(world, tag, N);
        assertThat(bulk.insert(fixture)).isEqualTo(N);
        Map<UUID, DossierBulk.NewDossier> byId = new HashMap<>();
        fixture.forEach(d -> byId.put(d.id(), d));
        long inFlight = fixture.stream().filter(d -> d.state() != DossierState.REFUSED).count();
        // Accepted dossiers are in processing: an open step in their old agency's queue, claimed by an old officer.
        int steps = jdbc.sql("""
                insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at, assignee,
                                         assignee_name, assigned_at)
                select id, 1, 2, 'APPRAISAL', 'Thẩm định', 'HANDLING', agency_code, received_at, 'old.officer',
                       'Cán bộ cũ', received_at
                  from dossier where applicant_name like ? and state = 'ACCEPTED'
                """).param(tag + "-%").update();
        assertThat(steps).isPositive();

        // Import the real plan (empty body = the shipped dvhcvn mapping), add street rules for the split wards.
        Http.Response imported = postEmpty(http, "/api/v1/reorg/plans/import?format=dvhcvn-merges&province=79&effective=2025-07-01");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String id = imported.json().get("id").asString();
        assertThat(imported.json().get("state").asString()).isEqualTo("DRAFT");
        List<Map<String, Object>> rules = new ArrayList<>();
        world.splitSuccessors().forEach((unit, succ) -> succ.forEach(s -> rules.add(
                Map.of("unit", unit, "to", s, "streets", List.of(ReorgFixtures.street(unit, s))))));
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/routing-rules", rules).status()).isEqualTo(200);

        Http.Response validation = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/validate", Map.of());
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.json().get("ok").asBoolean()).as(validation.body()).isTrue();
        assertThat(validation.json().get("counts").get("closingUnits").asLong()).isEqualTo(3 + world.districts().size() + 441);
        assertThat(validation.json().get("counts").get("openingUnits").asLong()).isEqualTo(1 + 168);

        // Dry run: nothing changes.
        long eventsBefore = events(tag);
        Http.Response dry = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/dry-run", Map.of());
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode report = dry.json();
        assertThat(report.get("inFlight").asLong()).isGreaterThanOrEqualTo(inFlight);
        assertThat(report.get("byRule").get("FULL_MERGE").asLong()).isPositive();
        assertThat(report.get("byRule").get("ADDRESS_RULE").asLong()).isPositive();
        assertThat(report.get("byRule").get("TRIAGE").asLong()).isPositive();
        assertThat(report.get("unresolvedCount").asLong()).isEqualTo(report.get("byRule").get("TRIAGE").asLong());
        assertThat(events(tag)).isEqualTo(eventsBefore);
        assertThat(agencies(tag)).isEqualTo(fixture.stream().map(DossierBulk.NewDossier::agencyCode).sorted().toList());
        Http.Response csv = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/dry-run.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(report.get("inFlight").asLong() + 1);

        Http.Response exec = http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of());
        assertThat(exec.status()).as(exec.body()).isEqualTo(200);
        assertThat(exec.json().get("journal").asLong()).isEqualTo(report.get("inFlight").asLong());

        Http.Response rec = http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id + "/reconciliation");
        assertThat(rec.status()).isEqualTo(200);
        JsonNode r = rec.json();
        assertThat(r.get("openBefore").asLong()).isEqualTo(r.get("openAfter").asLong()).isEqualTo(report.get("inFlight").asLong());
        assertThat(r.get("invariantHolds").asBoolean()).isTrue();
        assertThat(r.get("untraceableFlows").asLong()).isZero();
        assertThat(r.get("triage").asLong()).isEqualTo(report.get("byRule").get("TRIAGE").asLong());
        r.get("byState").properties().forEach(e ->
                assertThat(e.getValue().get("before").asLong()).as(e.getKey()).isEqualTo(e.getValue().get("after").asLong()));
        assertThat(http.getAs("quantri", "demo", "/api/v1/reorg/plans/" + id).json().get("state").asString()).isEqualTo("RECONCILED");

        // Every open step followed its dossier into the successor's queue, unassigned; none waits at a closed agency.
        assertThat(jdbc.sql("""
                select count(*) from dossier_step s join dossier d on d.id = s.dossier_id
                 where d.applicant_name like ? and s.finished_at is null
                   and (s.agency_code is distinct from coalesce(d.agency_code, s.agency_code) or s.assignee is not null)
                """).param(tag + "-%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dossier_step s join dossier d on d.id = s.dossier_id where d.applicant_name like ? and s.finished_at is null")
                .param(tag + "-%").query(Long.class).single()).isEqualTo(steps);

        // Dossier by dossier.
        Map<UUID, Moved> moved = moved(tag);
        int checked = 0;
        for (DossierBulk.NewDossier d : fixture) {
            Moved m = moved.get(d.id());
            if (d.state() == DossierState.REFUSED) {
                assertThat(m.agencyCode()).isEqualTo(d.agencyCode());
                assertThat(m.transfers()).isZero();
                continue;
            }
            checked++;
            assertThat(m.transfers()).as(d.applicantName()).isEqualTo(1);
            assertThat(m.events()).isEqualTo(d.state() == DossierState.ACCEPTED ? 3 : 2); // past events kept, one appended
            assertThat(m.dueAt()).isEqualTo(d.dueAt());                                     // deadline unchanged
            assertThat(territory.agency(m.agencyCode(), ReorgFixtures.AFTER)).as(m.agencyCode()).isPresent();
            String oldUnit = d.agencyCode().substring(d.agencyCode().indexOf('-') + 1);
            List<String> succ = world.splitSuccessors().get(oldUnit);
            if (succ != null) {
                // A split ward: the street rule's successor, or triage — nowhere else.
                String expected = d.addressLine().contains("Đường Thử")
                        ? "UBND-" + succ.stream().filter(s -> d.addressLine().endsWith(" " + s)).findFirst().orElseThrow()
                        : "TTPV-79";
                assertThat(m.agencyCode()).as(d.addressLine()).isEqualTo(expected);
                assertThat(m.rule()).isEqualTo(expected.startsWith("TTPV") ? "TRIAGE" : "ADDRESS_RULE");
            } else if (d.agencyCode().startsWith("STP-")) {
                assertThat(m.agencyCode()).isEqualTo("STP-79");
            } else if (d.agencyCode().startsWith("TTPV-")) {
                assertThat(m.agencyCode()).isEqualTo("TTPV-79");
            } else if (oldUnit.length() == 5) {
                String prefix = d.agencyCode().substring(0, d.agencyCode().indexOf('-') + 1);
                String successor = territory.successors(oldUnit, ReorgFixtures.BEFORE).get(0).unit().code();
                assertThat(m.agencyCode()).isEqualTo(prefix + successor);
                assertThat(m.rule()).isEqualTo("FULL_MERGE");
            } else {
                // Old district: its functions went to the communes, by the applicant's commune, else triage.
                assertThat(m.rule()).isIn("ADDRESS_RULE", "TRIAGE");
                if (d.addressUnitCode() == null) {
                    assertThat(m.agencyCode()).isEqualTo("TTPV-79");
                }
            }
        }
        assertThat(checked).isEqualTo((int) inFlight);

        // Old dossier codes keep working for tracking, and now show the new agency.
        DossierBulk.NewDossier accepted = fixture.stream().filter(d -> d.code() != null).findFirst().orElseThrow();
        Http.Response track = http.get("/api/v1/dossiers/track?code=" + accepted.code() + "&check="
                + accepted.applicantPhone().substring(accepted.applicantPhone().length() - 4));
        assertThat(track.status()).as(track.body()).isEqualTo(200);
        assertThat(track.json().get("agency").get("code").asString()).isEqualTo(moved.get(accepted.id()).agencyCode());

        // Executing again changes nothing.
        long eventsAfter = events(tag);
        assertThat(http.postJson("quantri", "demo", "/api/v1/reorg/plans/" + id + "/execute", Map.of()).status()).isEqualTo(200);
        assertThat(events(tag)).isEqualTo(eventsAfter);

        // Applicants with an e-mail address are told once the plan is executed (PlanExecuted, after its commit).
        vn.motcua.support.PlanEvents.awaitCompleted(jdbc, UUID.fromString(id));
        Set<UUID> withEmail = new HashSet<>();
        fixture.stream().filter(d -> d.applicantEmail() != null && d.state() != DossierState.REFUSED).forEach(d -> withEmail.add(d.id()));
        assertThat(withEmail).isNotEmpty();
        assertThat(jdbc.sql("select dossier_id from notification where dedup_key like ?").param("%/TRANSFERRED/" + id)
                .query(UUID.class).set()).isEqualTo(withEmail);
        assertThat(jdbc.sql("select n.body from notification n join dossier d on d.id = n.dossier_id "
                        + "where n.dedup_key like ? and d.due_at is not null limit 1").param("%/TRANSFERRED/" + id)
                .query(String.class).single()).contains("hẹn trả kết quả không đổi");
    }

    static Http.Response postEmpty(Http http, String path) {
        return http.send(http.request(path).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("quantri:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    record Moved(String agencyCode, Instant dueAt, int events, int transfers, String rule) {
    }

    private Map<UUID, Moved> moved(String tag) {
        Map<UUID, Moved> out = new HashMap<>();
        jdbc.sql("""
                select d.id, d.agency_code, d.due_at, count(e.ord),
                       count(e.ord) filter (where e.type = 'TRANSFERRED'),
                       max(e.data ->> 'rule') filter (where e.type = 'TRANSFERRED')
                from dossier d join dossier_history e on e.dossier_id = d.id
                where d.applicant_name like ? group by d.id
                """).param(tag + "-%").query(rs -> {
            java.sql.Timestamp due = rs.getTimestamp(3);
            out.put(rs.getObject(1, UUID.class), new Moved(rs.getString(2), due == null ? null : due.toInstant(),
                    rs.getInt(4), rs.getInt(5), rs.getString(6)));
        });
        return out;
    }

    private long events(String tag) {
        return jdbc.sql("select count(*) from dossier_history e join dossier d on d.id = e.dossier_id where d.applicant_name like ?")
                .param(tag + "-%").query(Long.class).single();
    }

    private List<String> agencies(String tag) {
        return jdbc.sql("select agency_code from dossier where applicant_name like ? order by agency_code")
                .param(tag + "-%").query(String.class).list();
    }
}
