package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierState;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.Predecessor;
import vn.motcua.territory.Share;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryHistory;
import vn.motcua.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge and a split across the 1 July 2025 reorganisation, with lineage. Phường Sài Gòn (26740) took old Bến Nghé
 * whole (a merge: its dossiers count whole) and part of a split ward S (a partial predecessor, also a predecessor of
 * another new ward T). S's dossiers are apportioned by where the reorganisation's transfers took them: the fixture's
 * journal moves 3 of S's dossiers to Sài Gòn's People's Committee and 1 to T's, so S's figures count × 0.75 for Sài
 * Gòn and × 0.25 for T. Fixture (May 2025, all decided on time): S 4 dossiers, Bến Nghé 2. Sài Gòn with lineage:
 * 2 + round(4 × 0.75) = 5 more dossiers and on time; T: round(4 × 0.25) = 1 more.
 */
@IntegrationTest
class IndicatorApportionTest extends IndicatorTest {

    static final String TAG = "IND8";
    static final String PERIOD = "&from=2025-05-01&to=2025-07-31&lineage=true";

    @Autowired
    TerritoryHistory history;
    @Autowired
    TerritoryAgencies agencies;
    UUID plan = UUID.randomUUID();

    @Override
    String tag() {
        return TAG;
    }

    @AfterEach
    void removeTheJournal() {
        jdbc.sql("delete from dossier_transfer where plan_id = ?").param(plan).update();
    }

    String committee(String unitCode, LocalDate on) {
        return agencies.agenciesOf(List.of(unitCode), on).stream().filter(a -> a.kind() == AgencyKind.PEOPLES_COMMITTEE)
                .findFirst().orElseThrow().code();
    }

    @Test
    void aMergedPredecessorCountsWholeASplitOneByWhereItsDossiersWent() {
        LocalDate merge = LocalDate.of(2025, 7, 1);
        List<Predecessor> predecessors = history.predecessors("26740", merge);
        Predecessor whole = predecessors.stream().filter(p -> p.unit().code().equals("26740")).findFirst().orElseThrow();
        assertThat(whole.share()).isEqualTo(Share.FULL);
        Predecessor split = predecessors.stream().filter(p -> p.share() == Share.PARTIAL).findFirst().orElseThrow();
        AdministrativeUnit s = split.unit();
        AdministrativeUnit t = history.currentSuccessors(s, merge).stream().filter(u -> !u.code().equals("26740"))
                .findFirst().orElseThrow();
        String sAgency = committee(s.code(), merge.minusDays(1));
        String benNghe = committee("26740", merge.minusDays(1));
        String saiGon = committee("26740", merge);
        String tAgency = committee(t.code(), merge);
        assertThat(jdbc.sql("select count(*) from dossier_transfer where from_agency = ?").param(sAgency)
                .query(Long.class).single()).as("no other journal from " + sAgency).isZero();

        String saiGonQuery = "level=unit&code=26740" + PERIOD;
        String tQuery = "level=unit&code=" + t.code() + PERIOD;
        JsonNode saiGonBefore = get(saiGonQuery);
        JsonNode tBefore = get(tQuery);
        assertThat(saiGonBefore.toString()).contains("partialPredecessorsIncludedWhole"); // no journal yet: whole

        IndicatorFixtures f = fixtures();
        List<UUID> sDossiers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID id = f.dossier(sAgency, "1.001193", DossierState.ACCEPTED, "2025-05-0" + (i + 2) + "T08:00", "2025-05-20T17:00");
            f.decided(id, "2025-05-15T10:00");
            sDossiers.add(id);
        }
        for (int i = 0; i < 2; i++) {
            UUID id = f.dossier(benNghe, "1.001193", DossierState.ACCEPTED, "2025-05-0" + (i + 2) + "T08:00", "2025-05-20T17:00");
            f.decided(id, "2025-05-15T10:00");
        }
        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                    insert into dossier_transfer (plan_id, batch_no, dossier_id, from_agency, to_agency, to_agency_name,
                                                  rule, effective)
                    values (?, 1, ?, ?, ?, 'Ủy ban', 'TEST', ?)
                    """).params(plan, sDossiers.get(i), sAgency, i < 3 ? saiGon : tAgency,
                    IndicatorFixtures.ts("2025-07-01T00:00")).update();
        }

        JsonNode saiGonAfter = get(saiGonQuery);
        assertThat(saiGonAfter.get("dossiers").asLong() - saiGonBefore.get("dossiers").asLong()).isEqualTo(5);
        assertThat(saiGonAfter.get("onTime").get("numerator").asLong()
                - saiGonBefore.get("onTime").get("numerator").asLong()).isEqualTo(5);
        JsonNode sView = null;
        for (JsonNode u : saiGonAfter.get("units")) {
            if (u.get("code").asString().equals(s.code()) && u.has("apportioned")) {
                sView = u;
            }
        }
        assertThat(sView).as("the split ward's share is shown").isNotNull();
        assertThat(sView.get("apportioned").asDouble()).isEqualTo(0.75);
        assertThat(sView.get("dossiersMoved").asLong()).isEqualTo(4);
        assertThat(saiGonAfter.has("partialPredecessorsIncludedWhole")
                && saiGonAfter.get("partialPredecessorsIncludedWhole").toString().contains("\"" + s.code() + "\""))
                .as("apportioned, no longer whole").isFalse();

        JsonNode tAfter = get(tQuery);
        assertThat(tAfter.get("dossiers").asLong() - tBefore.get("dossiers").asLong()).isEqualTo(1);
        assertThat(tAfter.get("onTime").get("denominator").asLong()
                - tBefore.get("onTime").get("denominator").asLong()).isEqualTo(1);
    }
}
