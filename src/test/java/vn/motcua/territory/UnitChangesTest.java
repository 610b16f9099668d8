package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import vn.motcua.platform.api.ApiException;
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
}
