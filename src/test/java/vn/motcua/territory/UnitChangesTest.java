package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.api.ApiException;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/** The unit-changes operation on synthetic units (own unique codes, far-future dates). */
@IntegrationTest
class UnitChangesTest {

    @Autowired
    TerritoryChanges changes;
    @Autowired
    Territory territory;
    @Autowired
    TerritoryHistory history;
    @Autowired
    TerritoryAgencies agencies;
    @LocalServerPort
    int port;

    final String p = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    final LocalDate d1 = LocalDate.of(2030, 1, 1);
    final LocalDate d2 = LocalDate.of(2031, 1, 1);
    final LocalDate d3 = LocalDate.of(2032, 1, 1);

    @Test
    void openSplitRenameAndLinkAreVisibleAsOfTheirDatesAndIdempotent() {
        UnitChanges founding = UnitChanges.builder()
                .open(p + "A", "An Hòa", "Phường An Hòa", UnitType.WARD, p)
                .open(p, "Thử", "Tỉnh Thử", UnitType.PROVINCE, null)
                .build();
        assertThat(changes.apply(founding, d1, "Nghị quyết thử 1")).isEqualTo(new TerritoryChanges.ChangeReport(2, 0, 0));
        assertThat(changes.apply(founding, d1, "Nghị quyết thử 1")).isEqualTo(new TerritoryChanges.ChangeReport(0, 0, 0));
        assertThat(territory.children(p, d1)).extracting(AdministrativeUnit::code).containsExactly(p + "A");
        assertThat(territory.unit(p, d1.minusDays(1))).isEmpty();

        UnitChanges split = UnitChanges.builder()
                .close(p + "A")
                .open(p + "B", "Bình An", "Phường Bình An", UnitType.WARD, p)
                .open(p + "A", "An Hòa Mới", "Phường An Hòa Mới", UnitType.WARD, p)
                .link(p + "A", p + "A", LineageKind.SPLIT, Share.PARTIAL)
                .link(p + "A", p + "B", LineageKind.SPLIT, Share.PARTIAL)
                .build();
        assertThat(changes.apply(split, d2, "Nghị quyết thử 2")).isEqualTo(new TerritoryChanges.ChangeReport(2, 1, 2));
        assertThat(changes.apply(split, d2, "Nghị quyết thử 2")).isEqualTo(new TerritoryChanges.ChangeReport(0, 0, 0));

        AdministrativeUnit newA = territory.unit(p + "A", d2).orElseThrow();
        changes.apply(UnitChanges.builder().rename(newA, "Hòa Bình", "Phường Hòa Bình").build(), d3, "Nghị quyết thử 3");

        assertThat(territory.unit(p + "A", d1)).hasValueSatisfying(u -> assertThat(u.fullName()).isEqualTo("Phường An Hòa"));
        assertThat(territory.unit(p + "A", d2)).hasValueSatisfying(u -> assertThat(u.fullName()).isEqualTo("Phường An Hòa Mới"));
        assertThat(territory.unit(p + "A", d3)).hasValueSatisfying(u -> assertThat(u.fullName()).isEqualTo("Phường Hòa Bình"));

        // Transitive successors: the first An Hòa → (An Hòa Mới → Hòa Bình) and Bình An; partial along the way.
        assertThat(territory.successors(p + "A", d1)).extracting(s -> s.unit().fullName() + "/" + s.share() + "/" + s.kind())
                .containsExactly("Phường An Hòa Mới/PARTIAL/SPLIT", "Phường Bình An/PARTIAL/SPLIT", "Phường Hòa Bình/PARTIAL/RENAME");
        assertThat(history.predecessors(p + "A", d3)).extracting(x -> x.unit().fullName())
                .containsExactly("Phường An Hòa Mới", "Phường An Hòa");
        assertThat(history.currentSuccessors(territory.unit(p + "A", d1).orElseThrow(), d3))
                .extracting(AdministrativeUnit::fullName).containsExactlyInAnyOrder("Phường Hòa Bình", "Phường Bình An");
    }

    @Test
    void changesNamingNoUnitAreRefusedAndNothingIsApplied() {
        UnitChanges bad = UnitChanges.builder()
                .open(p + "X", "X", "Xã X", UnitType.COMMUNE, p + "NOPE")
                .build();
        assertThatThrownBy(() -> changes.apply(bad, d1, "Nghị quyết thử"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.messageKey()).isEqualTo("territory.changes.noUnit");
                });
        assertThat(territory.unit(p + "X", d1)).isEmpty();
        assertThatThrownBy(() -> changes.apply(UnitChanges.builder().close(p + "NOPE").build(), d1, "x"))
                .isInstanceOf(ApiException.class);
    }

    /**
     * Issue #14: the Đồng Nai case on a test province — the province becomes a municipality and a few communes become
     * wards; the children list stays complete (the unchanged communes included), and routing from an unchanged
     * commune reaches the new province's agency.
     */
    @Test
    void childrenListsStayCompleteAcrossAProvinceReclassification() {
        UnitChanges.Builder founding = UnitChanges.builder().open(p, "Thử", "Tỉnh Thử", UnitType.PROVINCE, null);
        List<String> communes = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            communes.add(p + "C" + (k + 10));
            founding.open(p + "C" + (k + 10), "Lộc " + k, "Xã Lộc " + k, UnitType.COMMUNE, p);
        }
        changes.apply(founding.build(), d1, "Nghị quyết thử 1");
        List<String> all = new ArrayList<>(communes);
        all.add(p);
        agencies.deriveAgencies(all, d1);

        UnitChanges.Builder reclassify = UnitChanges.builder()
                .reclassify(territory.unit(p, d1).orElseThrow(), UnitType.MUNICIPALITY, "Thành phố Thử");
        for (int k = 0; k < 3; k++) {
            reclassify.reclassify(territory.unit(p + "C" + (k + 10), d1).orElseThrow(), UnitType.WARD, "Phường Lộc " + k);
        }
        changes.apply(reclassify.build(), d2, "Nghị quyết thử 2");
        agencies.deriveAgencies(List.of(p, p + "C10", p + "C11", p + "C12"), d2);

        Http http = new Http(port);
        for (LocalDate d : List.of(d1, d2.minusDays(1), d2, d3)) {
            var r = http.get("/api/v1/units?parent=" + p + "&asOf=" + d);
            assertThat(r.status()).isEqualTo(200);
            List<String> codes = new ArrayList<>();
            for (JsonNode u : r.json()) {
                codes.add(u.get("code").asString());
                assertThat(u.get("parentCode").asString()).isEqualTo(p);
            }
            assertThat(codes).as("children on %s", d).containsExactlyElementsOf(communes);
        }
        assertThat(territory.children(p, d2)).filteredOn(u -> u.type() == UnitType.WARD).hasSize(3);

        String unchanged = p + "C17";
        assertThat(territory.province(unchanged, d2)).hasValueSatisfying(u -> assertThat(u.fullName()).isEqualTo("Thành phố Thử"));
        assertThat(territory.province(unchanged, d1)).hasValueSatisfying(u -> assertThat(u.fullName()).isEqualTo("Tỉnh Thử"));
        assertThat(territory.competentAgencies(unchanged, AgencyLevel.PROVINCE, AgencyKind.PEOPLES_COMMITTEE, null, d2))
                .extracting(Agency::name).containsExactly("Ủy ban nhân dân Thành phố Thử");
        assertThat(territory.competentAgencies(unchanged, AgencyLevel.PROVINCE, AgencyKind.PEOPLES_COMMITTEE, null, d1))
                .extracting(Agency::name).containsExactly("Ủy ban nhân dân Tỉnh Thử");
    }
}
