package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.ModuleSlice;

/**
 * The territory module alone (with platform, for the database): units opened and merged through
 * {@link TerritoryChanges} are answered as of a date by {@link Territory} and {@link TerritoryHistory}, with their
 * derived agencies. No reference data is loaded: the test's world is its own.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class TerritoryModuleTest {

    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);
    static final LocalDate MERGED = LocalDate.of(2027, 1, 1);

    @Autowired
    ApplicationContext context;
    @Autowired
    TerritoryChanges changes;
    @Autowired
    TerritoryAgencies agencies;
    @Autowired
    Territory territory;
    @Autowired
    TerritoryHistory history;

    @Test
    void onlyTerritoryAndPlatformAreBooted() {
        assertThat(ModuleSlice.modulesIn(context)).containsExactlyInAnyOrder("platform", "territory");
    }

    @Test
    void aMergerIsAnsweredAsOfADateWithLineageAndDerivedAgencies() {
        int base = ThreadLocalRandom.current().nextInt(100_000, 900_000);
        String p = "S" + base, a = "S" + (base + 1), b = "S" + (base + 2), d = "S" + (base + 3);
        changes.apply(UnitChanges.builder()
                .open(p, "Thử " + base, "Thành phố Thử " + base, UnitType.MUNICIPALITY, null)
                .open(a, "A", "Phường A " + a, UnitType.WARD, p)
                .open(b, "B", "Phường B " + b, UnitType.WARD, p).build(), OPENED, "Thử nghiệm");
        assertThat(agencies.deriveAgencies(List.of(p, a, b), OPENED)).isPositive();
        assertThat(agencies.deriveAgencies(List.of(p, a, b), OPENED)).as("idempotent").isZero();

        var report = changes.apply(UnitChanges.builder()
                .open(d, "D", "Phường D " + d, UnitType.WARD, p)
                .close(a).close(b)
                .link(a, d, LineageKind.MERGE, Share.FULL)
                .link(b, d, LineageKind.MERGE, Share.FULL).build(), MERGED, "Nghị quyết thử nghiệm");
        assertThat(report).isEqualTo(new TerritoryChanges.ChangeReport(1, 2, 2));
        agencies.deriveAgencies(List.of(d), MERGED);

        // As of the day before, A is there with its agencies; as of the merger, only D is.
        assertThat(territory.unit(a, MERGED.minusDays(1))).isPresent();
        assertThat(territory.unit(a, MERGED)).isEmpty();
        assertThat(territory.children(p, MERGED).stream().map(AdministrativeUnit::code)).containsExactly(d);
        assertThat(territory.province(d, MERGED).map(AdministrativeUnit::code)).contains(p);
        assertThat(territory.agency("UBND-" + a, MERGED.minusDays(1))).isPresent();
        assertThat(territory.agency("UBND-" + a, MERGED)).as("a closed unit's agency closes with it").isEmpty();
        assertThat(territory.agencies(d, MERGED).stream().map(Agency::code)).contains("UBND-" + d, "CA-" + d);

        // Lineage: A's successor is D; D's predecessors are A and B; A's old code leads to D today.
        assertThat(territory.successors(a, MERGED.minusDays(1)).stream().map(s -> s.unit().code())).containsExactly(d);
        assertThat(history.predecessors(d, MERGED).stream().map(x -> x.unit().code())).contains(a, b);
        AdministrativeUnit oldA = history.lastVersionBefore(a, MERGED).orElseThrow();
        assertThat(history.currentSuccessors(oldA, MERGED).stream().map(AdministrativeUnit::code)).containsExactly(d);
    }
}
