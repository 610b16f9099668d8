package vn.motcua.reorg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.dossier.CustodyLedger.OpenDossier;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.support.InMemoryTerritory;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.Share;
import vn.motcua.territory.UnitChanges;
import vn.motcua.territory.UnitType;

/**
 * The reorganisation's routing without Spring or a database: which successor agency each in-flight dossier goes to.
 * <p>
 * The world, on the eve of 1 January 2027: province P (service centre TTPV-P, Sở Tư pháp STP-P) with wards A, B, C,
 * E, F, K and district X (its People's Committee UBND-X). The plan: A and B merge whole into D, which the plan opens
 * (its agencies are derived only at execution); C splits between E and F by street; K merges whole into F, which has
 * no police; X's level is abolished, its functions going to the wards by the applicant's address; G closes with no
 * successor. E's police was withdrawn the day before the cut-over.
 */
class RouterTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);
    static final LocalDate EFFECTIVE = LocalDate.of(2027, 1, 1);
    static final String STREET_E = "Đường Số Một";
    static final String STREET_F = "Đường Số Hai";

    final Router router = router(Map.of(), Map.of());

    static Router router(Map<String, String> explicit, Map<String, Map<String, String>> procedureTransfers) {
        InMemoryTerritory t = new InMemoryTerritory();
        world(t);
        return new Router(plan(explicit, procedureTransfers), t, t);
    }

    private static void world(InMemoryTerritory t) {
        AdministrativeUnit p = t.unit("P", "Thành phố Thử", UnitType.MUNICIPALITY, null, OPENED, null);
        t.standardAgencies(p);
        for (String w : List.of("A", "B", "C", "G")) {
            t.standardAgencies(t.unit(w, "Phường " + w, UnitType.WARD, "P", OPENED, EFFECTIVE));
        }
        AdministrativeUnit e = t.unit("E", "Phường E", UnitType.WARD, "P", OPENED, null);
        t.agency("UBND-E", "Ủy ban nhân dân Phường E", AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, e, null);
        t.agency("TTPV-E", "Trung tâm Phục vụ Phường E", AgencyLevel.COMMUNE, AgencyKind.SERVICE_CENTRE, null, e, null);
        t.agency("CA-E-OLD", "Công an Phường E (đã giải thể)", AgencyLevel.COMMUNE, AgencyKind.POLICE, null, e, EFFECTIVE);
        AdministrativeUnit f = t.unit("F", "Phường F", UnitType.WARD, "P", OPENED, null);
        t.agency("UBND-F", "Ủy ban nhân dân Phường F", AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, f, null);
        t.agency("TTPV-F", "Trung tâm Phục vụ Phường F", AgencyLevel.COMMUNE, AgencyKind.SERVICE_CENTRE, null, f, null);
        AdministrativeUnit k = t.unit("K", "Phường K", UnitType.WARD, "P", OPENED, EFFECTIVE);
        t.standardAgencies(k);
        AdministrativeUnit x = t.unit("X", "Quận X", UnitType.DISTRICT, "P", OPENED, EFFECTIVE);
        t.agency("UBND-X", "Ủy ban nhân dân Quận X", AgencyLevel.DISTRICT, AgencyKind.PEOPLES_COMMITTEE, null, x, null);
    }

    private static CompiledPlan plan(Map<String, String> explicit, Map<String, Map<String, String>> procedureTransfers) {
        UnitChanges changes = UnitChanges.builder().open("D", "D", "Phường D", UnitType.WARD, "P")
                .close("A").close("B").close("C").close("G").close("K").close("X").build();
        Map<String, List<CompiledPlan.Succ>> successors = new LinkedHashMap<>();
        successors.put("A", List.of(new CompiledPlan.Succ("D", Share.FULL)));
        successors.put("B", List.of(new CompiledPlan.Succ("D", Share.FULL)));
        successors.put("C", List.of(new CompiledPlan.Succ("E", Share.PARTIAL), new CompiledPlan.Succ("F", Share.PARTIAL)));
        successors.put("K", List.of(new CompiledPlan.Succ("F", Share.FULL)));
        successors.put("X", List.of(new CompiledPlan.Succ("E", Share.PARTIAL), new CompiledPlan.Succ("F", Share.PARTIAL)));
        Map<String, List<CompiledPlan.Rule>> routing = Map.of("C", List.of(
                new CompiledPlan.Rule("E", List.of(PlanCompiler.addressKey(STREET_E))),
                new CompiledPlan.Rule("F", List.of(PlanCompiler.addressKey(STREET_F)))));
        Instant effective = EFFECTIVE.atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        return new CompiledPlan(effective, EFFECTIVE, "Nghị quyết thử nghiệm", changes,
                new LinkedHashSet<>(List.of("A", "B", "C", "G", "K", "X")), Set.of("D"), successors, routing,
                Map.of("X", "COMMUNE"), procedureTransfers, explicit, Map.of(), false, 0, 1000, 5, true, List.of());
    }

    static OpenDossier dossier(String code, String procedure, String agency, String addressUnit, String addressLine) {
        Instant received = Instant.parse("2026-12-01T02:00:00Z");
        return new OpenDossier(UUID.randomUUID(), code, procedure, "ACCEPTED", agency, false, received,
                received.plusSeconds(86_400L * 10), addressUnit, addressLine, received);
    }

    private Router.Decision decide(String agency, String addressUnit, String addressLine) {
        return router.decide(dossier(null, "1.001193", agency, addressUnit, addressLine));
    }

    @ParameterizedTest(name = "{0}, address {1} ''{2}'' → {3} by {4} ({5})")
    @CsvSource(nullValues = "-", value = {
            // A whole merger into a unit the plan opens: the successor's agency of the same kind, derived.
            "UBND-A, A, 1 Đường Bất Kỳ,          UBND-D,  FULL_MERGE,   -",
            "CA-B,   B, -,                        CA-D,    FULL_MERGE,   -",
            "TTPV-A, -, -,                        TTPV-D,  FULL_MERGE,   -",
            // A split: the street named by one rule decides, with or without diacritics and in any case.
            "UBND-C, C, 12 " + STREET_E + ",      UBND-E,  ADDRESS_RULE, street",
            "UBND-C, C, 5 đường số hai,           UBND-F,  ADDRESS_RULE, street",
            "UBND-C, C, 5 DUONG SO HAI,           UBND-F,  ADDRESS_RULE, street",
            // A split with no street, an unknown one, or one that names both: the province's service centre.
            "UBND-C, C, -,                        TTPV-P,  TRIAGE,       noAddress",
            "UBND-C, C, 7 Hẻm Không Tên,          TTPV-P,  TRIAGE,       splitNoStreetMatch",
            "UBND-C, C, " + STREET_E + " góc " + STREET_F + ", TTPV-P, TRIAGE, splitNoStreetMatch",
            // The split's successor whose police was withdrawn: no agency there to take it.
            "CA-C,   C, 12 " + STREET_E + ",      TTPV-P,  TRIAGE,       splitNoStreetMatch",
            "CA-C,   C, 12 " + STREET_F + ",      TTPV-P,  TRIAGE,       splitNoStreetMatch",
            // A merger into a unit with no police: nobody of that kind to take it.
            "CA-K,   K, -,                        TTPV-P,  TRIAGE,       noSuccessorAgency",
            "UBND-K, K, -,                        UBND-F,  FULL_MERGE,   -",
            // An abolished district: the applicant's ward decides (merged whole, split by street, or unknown).
            "UBND-X, A, -,                        UBND-D,  ADDRESS_RULE, addressUnit",
            "UBND-X, C, 3 " + STREET_F + ",       UBND-F,  ADDRESS_RULE, street",
            "UBND-X, C, 3 Đường Khác,             TTPV-P,  TRIAGE,       splitNoStreetMatch",
            "UBND-X, E, -,                        TTPV-P,  TRIAGE,       addressUnitNotInPlan",
            "UBND-X, -, -,                        TTPV-P,  TRIAGE,       noAddress",
    })
    void routes(String agency, String addressUnit, String line, String to, RoutingRule rule, String reason) {
        Router.Decision d = decide(agency, addressUnit, line);
        assertThat(d).isNotNull();
        assertThat(d.to()).isNotNull();
        assertThat(d.to().code()).isEqualTo(to);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.reason()).isEqualTo(reason);
    }

    @Test
    void aRememberedStreetLookupDecidesAsAFreshRouterWould() {
        // One router remembers its street lookups (by split unit, address line, kind and sector of the closing
        // agency); each dossier is also routed by a new router, which has looked nothing up yet.
        Router shared = router(Map.of(), Map.of());
        List<OpenDossier> ds = List.of(
                dossier(null, "1.001193", "UBND-C", "C", "12 " + STREET_E),
                dossier(null, "1.001193", "CA-C", "C", "12 " + STREET_E),     // same line, police: E has none
                dossier(null, "1.001193", "UBND-X", "C", "12 " + STREET_E),   // the abolished district's, by address
                dossier(null, "1.001193", "UBND-C", "C", "7 Hẻm Không Tên"),
                dossier(null, "1.001193", "UBND-C", "C", STREET_E + " góc " + STREET_F),
                dossier(null, "1.001193", "UBND-C", "C", null));
        for (int round = 0; round < 3; round++) {
            for (OpenDossier d : ds) {
                assertThat(shared.decide(d)).as("%s %s, round %d", d.agencyCode(), d.addressLine(), round)
                        .isEqualTo(router(Map.of(), Map.of()).decide(d));
            }
        }
        assertThat(shared.decide(ds.get(0)).to().code()).isEqualTo("UBND-E");
        assertThat(shared.decide(ds.get(1)).to().code()).isEqualTo("TTPV-P");
    }

    @Test
    void aDerivedTargetCarriesTheNewUnitsNameAndCode() {
        Router.Target d = decide("UBND-A", "A", null).to();
        assertThat(d).isEqualTo(new Router.Target("UBND-D", "Ủy ban nhân dân Phường D", "D"));
        assertThat(router.agencyAt(AgencyKind.DEPARTMENT, "TU_PHAP", "D")).as("a ward has no department").isNull();
        assertThat(router.agencyAt(AgencyKind.POLICE, null, "F")).as("F has no police").isNull();
        assertThat(router.agencyAt(AgencyKind.POLICE, null, "E")).as("E's police was withdrawn").isNull();
        assertThat(router.agencyAt(AgencyKind.PEOPLES_COMMITTEE, null, "E").code()).isEqualTo("UBND-E");
    }

    @Test
    void aDossierOfAnAgencyTheReorganisationLeavesAloneIsNotRouted() {
        assertThat(decide("UBND-E", "E", null)).isNull();
        assertThat(decide("STP-P", "A", null)).isNull();
    }

    @Test
    void aUnitClosedWithNoSuccessorIsAProblemAndItsDossiersGoNowhereAutomatically() {
        Router.Decision d = decide("UBND-G", "G", null);
        assertThat(d.rule()).isEqualTo(RoutingRule.TRIAGE);
        assertThat(d.to()).as("no successor, so no province to triage in either").isNull();
        assertThat(router.problems()).contains(new CompiledPlan.Problem("reorg.validation.agencyNoSuccessor", "UBND-G", "G"));
    }

    @Test
    void theValidationProblemsNameEveryAgencyLeftWithoutASuccessor() {
        assertThat(router.problems()).containsExactlyInAnyOrder(
                new CompiledPlan.Problem("reorg.validation.agencyNoSuccessor", "UBND-G", "G"),
                new CompiledPlan.Problem("reorg.validation.agencyNoSuccessor", "CA-G", "G"),
                new CompiledPlan.Problem("reorg.validation.agencyNoSuccessor", "TTPV-G", "G"),
                new CompiledPlan.Problem("reorg.validation.noSuccessorAgency", "CA-C", "E"),
                new CompiledPlan.Problem("reorg.validation.noSuccessorAgency", "CA-C", "F"),
                new CompiledPlan.Problem("reorg.validation.noSuccessorAgency", "CA-K", "F"));
        assertThat(router.closingAgencies()).containsKeys("UBND-A", "CA-B", "UBND-X", "UBND-G")
                .doesNotContainKeys("UBND-E", "UBND-F", "TTPV-P");
        assertThat(router.provinceOf("D")).as("an opened unit's province is its parent").isEqualTo("P");
        assertThat(router.provinceOf("E")).isEqualTo("P");
    }

    @Test
    void thePlanCanNameADossierOrTransferAProcedure() {
        Router named = router(Map.of("HS-1", "STP-P", "HS-2", "NO-SUCH"),
                Map.of("UBND-A", Map.of("2.000815", "UBND-E")));
        Router.Decision byCode = named.decide(dossier("HS-1", "1.001193", "UBND-C", "C", null));
        assertThat(byCode.to().code()).isEqualTo("STP-P");
        assertThat(byCode.rule()).isEqualTo(RoutingRule.EXPLICIT);
        assertThat(byCode.reason()).isEqualTo("plan");
        // An explicit target that does not exist is a problem, and the dossier is routed as any other.
        Router.Decision unknown = named.decide(dossier("HS-2", "1.001193", "UBND-A", "A", null));
        assertThat(unknown.rule()).isEqualTo(RoutingRule.FULL_MERGE);
        assertThat(named.problems()).contains(new CompiledPlan.Problem("reorg.validation.unknownAgency", "NO-SUCH",
                EFFECTIVE.toString()));
        // The procedure transferred away from UBND-A goes to its new agency; other procedures follow the merger.
        Router.Decision transferred = named.decide(dossier(null, "2.000815", "UBND-A", "A", null));
        assertThat(transferred.to().code()).isEqualTo("UBND-E");
        assertThat(transferred.reason()).isEqualTo("procedure");
        assertThat(named.decide(dossier(null, "1.001193", "UBND-A", "A", null)).to().code()).isEqualTo("UBND-D");
    }

    @Test
    void aPostOfAClosingAgencyCanContinueAtTheSuccessorsOrTheProvince() {
        assertThat(router.successorTargets("A")).extracting(Router.Target::code)
                .contains("UBND-D", "CA-D", "TTPV-D", "UBND-P", "STP-P", "TTPV-P")
                .doesNotContain("UBND-E", "STP-D");
        assertThat(router.successorTargets("G")).isEmpty();
    }
}
