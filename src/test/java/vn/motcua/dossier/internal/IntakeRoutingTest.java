package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureSummary;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.support.InMemoryTerritory;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;
import vn.motcua.territory.UnitType;

/**
 * Intake routing without Spring: which agency receives a dossier for a procedure and a place, on a small world of a
 * 2025-style merger. Province 79 (service centre TTPV-79, Sở Tư pháp STP-79); today's wards 101 and 102; ward 103
 * has no People's Committee yet; old wards (until 1 July 2025): 11 merged whole into 101, 12 split between 101 and 102,
 * 13 merged into 102 on a link under review, 14 dissolved with no successor.
 */
class IntakeRoutingTest {

    static final LocalDate OLD = LocalDate.of(2020, 1, 1);
    static final LocalDate CUT = LocalDate.of(2025, 7, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    /** Procedure → who performs it (level, kind, sector), as the catalogue's performer says. */
    record Performer(AgencyLevel level, AgencyKind kind, String sector) {
    }

    static final Map<String, Performer> PERFORMERS = Map.of(
            "1.001193", new Performer(AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null),
            "1.004194", new Performer(AgencyLevel.COMMUNE, AgencyKind.POLICE, null),
            "3.000333", new Performer(AgencyLevel.PROVINCE, AgencyKind.DEPARTMENT, "TU_PHAP"),
            "3.000999", new Performer(AgencyLevel.PROVINCE, AgencyKind.DEPARTMENT, "Y_TE"));

    final InMemoryTerritory t = new InMemoryTerritory();
    final IntakeRouting routing;
    final AdministrativeUnit old13;

    IntakeRoutingTest() {
        AdministrativeUnit p = t.unit("79", "Thành phố Thử", UnitType.MUNICIPALITY, null, OLD, null);
        t.standardAgencies(p);
        AdministrativeUnit w101 = t.unit("101", "Phường Một", UnitType.WARD, "79", CUT, null);
        AdministrativeUnit w102 = t.unit("102", "Phường Hai", UnitType.WARD, "79", CUT, null);
        t.standardAgencies(w101);
        t.standardAgencies(w102);
        AdministrativeUnit w103 = t.unit("103", "Phường Ba", UnitType.WARD, "79", CUT, null);
        t.agency("CA-103", "Công an Phường Ba", AgencyLevel.COMMUNE, AgencyKind.POLICE, null, w103, null);
        // A second People's Committee for 102 only until 2026-01-01: a withdrawn agency does not count after that.
        t.agency("UBND-102B", "Ủy ban nhân dân (cũ)", AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, w102,
                LocalDate.of(2026, 1, 1));
        AdministrativeUnit o11 = t.unit("11", "Phường Mười Một", UnitType.WARD, "79", OLD, CUT);
        AdministrativeUnit o12 = t.unit("12", "Phường Mười Hai", UnitType.WARD, "79", OLD, CUT);
        old13 = t.unit("13", "Phường Mười Ba", UnitType.WARD, "79", OLD, CUT);
        t.unit("14", "Phường Mười Bốn", UnitType.WARD, "79", OLD, CUT);
        t.standardAgencies(o11);
        t.link(o11, w101, Share.FULL, LineageKind.MERGE);
        t.link(o12, w101, Share.PARTIAL, LineageKind.SPLIT);
        t.link(o12, w102, Share.PARTIAL, LineageKind.SPLIT);
        t.link(old13, w102, Share.FULL, LineageKind.MERGE);
        t.flagForReview(old13);
        routing = new IntakeRouting(t, t, catalogueOver(t), "79");
    }

    /** The catalogue's derivation for these procedures: the performer's level and kind at the place. */
    static Catalogue catalogueOver(InMemoryTerritory t) {
        return new Catalogue() {
            @Override
            public List<Agency> competentAgencies(String procedureCode, String unitCode, LocalDate asOf) {
                Performer p = PERFORMERS.get(procedureCode);
                return p == null ? List.of() : t.competentAgencies(unitCode, p.level(), p.kind(), p.sector(), asOf);
            }

            @Override
            public Optional<ProcedureVersion> versionInForce(String procedureCode, LocalDate asOf) {
                throw new UnsupportedOperationException("routing does not ask");
            }

            @Override
            public List<ProcedureSummary> search(String query, int limit) {
                throw new UnsupportedOperationException("routing does not ask");
            }

            @Override
            public List<ProcedureVersion> allInForce(LocalDate asOf) {
                throw new UnsupportedOperationException("routing does not ask");
            }
        };
    }

    /** Routed: procedure, place, expected agency. */
    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            "1.001193, 101, UBND-101",   // commune level, today's ward
            "1.004194, 101, CA-101",     // another kind at the same ward
            "1.004194, 103, CA-103",     // a ward with only some agencies
            "3.000333, 101, STP-79",     // province level: the province's department, from a ward
            "3.000333, 79,  STP-79",     // … or from the province itself
            "1.001193, 11,  UBND-101",   // an old ward merged whole: followed to its successor
            "1.004194, 11,  CA-101",
    })
    void routedToTheCompetentAgency(String procedure, String place, String agency) {
        IntakeRouting.Route r = routing.route(procedure, place, TODAY);
        assertThat(r.agency()).as(r.triageReason()).isNotNull();
        assertThat(r.agency().code()).isEqualTo(agency);
        assertThat(r.triageReason()).isNull();
        assertThat(r.triageOwner()).isNull();
    }

    /** To triage: procedure, place (blank = none), reason, the service centre that owns the queue. */
    @ParameterizedTest(name = "{0} at ''{1}'' → {2}")
    @CsvSource({
            "1.001193, '',    dossier.triage.noAddress,          TTPV-79",
            "1.001193, '  ',  dossier.triage.noAddress,          TTPV-79",
            "1.001193, 99999, dossier.triage.unknownUnit,        TTPV-79", // a code that never existed
            "1.001193, 14,    dossier.triage.unknownUnit,        TTPV-79", // a withdrawn ward with no successor
            "1.001193, 12,    dossier.triage.splitUnit,          TTPV-79", // an old ward split: the address decides
            "3.000333, 12,    dossier.triage.splitUnit,          TTPV-79", // … even for a province-level procedure
            "1.001193, 13,    dossier.triage.lineageUnderReview, TTPV-79", // a doubtful link: a person decides
            "1.001193, 103,   dossier.triage.noAgency,           TTPV-79", // no People's Committee at that ward
            "3.000999, 101,   dossier.triage.noAgency,           TTPV-79", // no department of that sector
            "9.999999, 101,   dossier.triage.noAgency,           TTPV-79", // a procedure no one performs here
    })
    void sentToTriageWithTheReason(String procedure, String place, String reason, String owner) {
        IntakeRouting.Route r = routing.route(procedure, place, TODAY);
        assertThat(r.agency()).isNull();
        assertThat(r.triageReason()).isEqualTo(reason);
        assertThat(r.triageOwner()).isEqualTo(owner);
    }

    @Test
    void aWithdrawnAgencyNoLongerCompetesButOneStillValidDoes() {
        // Before 2026-01-01 ward 102 has two People's Committees: nobody can choose, so triage.
        IntakeRouting.Route before = routing.route("1.001193", "102", LocalDate.of(2025, 12, 31));
        assertThat(before.agency()).isNull();
        assertThat(before.triageReason()).isEqualTo("dossier.triage.manyAgencies");
        // From then on only UBND-102 is valid.
        assertThat(routing.route("1.001193", "102", TODAY).agency().code()).isEqualTo("UBND-102");
    }

    @Test
    void theOldWardAnswersForItselfBeforeTheMerger() {
        // On the eve of the merger ward 11 and its own committee still exist.
        assertThat(routing.route("1.001193", "11", CUT.minusDays(1)).agency().code()).isEqualTo("UBND-11");
        // From the merger on, the same old code leads to the successor's committee.
        assertThat(routing.route("1.001193", "11", CUT).agency().code()).isEqualTo("UBND-101");
    }

    @Test
    void aCorrectedLinkRoutesAutomaticallyAgain() {
        InMemoryTerritory fresh = new InMemoryTerritory();
        AdministrativeUnit p = fresh.unit("79", "Thành phố Thử", UnitType.MUNICIPALITY, null, OLD, null);
        fresh.standardAgencies(p);
        AdministrativeUnit w = fresh.unit("102", "Phường Hai", UnitType.WARD, "79", CUT, null);
        fresh.standardAgencies(w);
        AdministrativeUnit o = fresh.unit("13", "Phường Mười Ba", UnitType.WARD, "79", OLD, CUT);
        fresh.link(o, w, Share.FULL, LineageKind.MERGE);
        IntakeRouting r = new IntakeRouting(fresh, fresh, catalogueOver(fresh), "79");
        assertThat(r.route("1.001193", "13", TODAY).agency().code()).isEqualTo("UBND-102");
        assertThat(routing.route("1.001193", "13", TODAY).agency()).as("the same link under review").isNull();
    }

    @Test
    void withoutAServiceCentreTheTriageQueueHasNoOwner() {
        InMemoryTerritory bare = new InMemoryTerritory();
        bare.unit("79", "Thành phố Thử", UnitType.MUNICIPALITY, null, OLD, null);
        IntakeRouting r = new IntakeRouting(bare, bare, catalogueOver(bare), "79");
        IntakeRouting.Route route = r.route("1.001193", null, TODAY);
        assertThat(route.triageReason()).isEqualTo("dossier.triage.noAddress");
        assertThat(route.triageOwner()).isNull();
    }
}
