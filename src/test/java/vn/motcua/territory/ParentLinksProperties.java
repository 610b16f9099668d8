package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.IntegrationTest;

/**
 * Property: after any sequence of renames, reclassifications, merges, splits and dissolutions of units at every level,
 * at increasing effective dates, the children of every unit as of any date are exactly the units valid on that date
 * whose parent code is that unit — and each of them finds its province as of that date. The expected answer comes
 * from a plain model kept beside the changes, not from the directory. Fixed seeds, so a failure is reproducible
 * (the seed is in the test name); the codes get a random prefix only so that runs never collide in one database.
 */
@IntegrationTest
class ParentLinksProperties {

    @Autowired
    TerritoryChanges changes;
    @Autowired
    Territory territory;

    /** One version of a unit in the model. */
    static final class V {
        final String code;
        final String name;
        final UnitType type;
        final String parent;
        final LocalDate from;
        LocalDate to;

        V(String code, String name, UnitType type, String parent, LocalDate from) {
            this.code = code;
            this.name = name;
            this.type = type;
            this.parent = parent;
            this.from = from;
        }

        boolean validOn(LocalDate d) {
            return !d.isBefore(from) && (to == null || d.isBefore(to));
        }

        String fullName() {
            return prefix(type) + " " + name;
        }
    }

    static String prefix(UnitType t) {
        return switch (t) {
            case PROVINCE -> "Tỉnh";
            case MUNICIPALITY -> "Thành phố";
            case DISTRICT -> "Huyện";
            case WARD -> "Phường";
            case TOWNSHIP -> "Thị trấn";
            case SPECIAL_ZONE -> "Đặc khu";
            case COMMUNE -> "Xã";
        };
    }

    /** The model and the change being built, side by side. */
    final class Step {
        final UnitChanges.Builder b = UnitChanges.builder();
        final LocalDate e;

        Step(LocalDate e) {
            this.e = e;
        }

        void close(String code) {
            b.close(code);
            live(code).to = e;
        }

        void open(String code, String name, UnitType type, String parent) {
            V v = new V(code, name, type, parent, e);
            b.open(code, name, v.fullName(), type, parent);
            model.add(v);
        }

        void link(String from, String to, LineageKind kind, Share share) {
            b.link(from, to, kind, share);
        }

        void apply() {
            changes.apply(b.build(), e, "Nghị quyết thử " + e);
        }
    }

    final List<V> model = new ArrayList<>();
    final String px = "Q" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "-";
    int next;

    V live(String code) {
        return model.stream().filter(v -> v.code.equals(code) && v.to == null).findFirst().orElseThrow();
    }

    List<V> live(Predicate<V> p) {
        return model.stream().filter(v -> v.to == null && p.test(v)).toList();
    }

    String newCode() {
        return px + next++;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 14, 2025})
    void childrenOfEveryUnitAsOfAnyDateAreTheUnitsWithThatParentCode(long seed) {
        Random r = new Random(seed);
        LocalDate d = LocalDate.of(2040, 1, 1);
        List<LocalDate> dates = new ArrayList<>(List.of(d.minusDays(1), d));

        Step founding = new Step(d);
        for (int p = 0; p < 2; p++) {
            String pc = newCode();
            founding.open(pc, "Tỉnh số " + pc, UnitType.PROVINCE, null);
            for (int k = 0, nd = 1 + r.nextInt(3); k < nd; k++) {
                String dc = newCode();
                founding.open(dc, "Huyện số " + dc, UnitType.DISTRICT, pc);
                for (int j = 0, nc = 1 + r.nextInt(4); j < nc; j++) {
                    String cc = newCode();
                    founding.open(cc, "An " + cc, r.nextBoolean() ? UnitType.COMMUNE : UnitType.WARD, dc);
                }
            }
        }
        founding.apply();

        for (int op = 0; op < 14; op++) {
            d = d.plusDays(1 + r.nextInt(400));
            dates.add(d.minusDays(1));
            dates.add(d);
            Step s = new Step(d);
            if (!randomOperation(r, s)) {
                continue;
            }
            s.apply();
        }
        dates.add(d.plusYears(1));

        TreeSet<String> codes = new TreeSet<>();
        model.forEach(v -> codes.add(v.code));
        for (LocalDate at : dates) {
            for (String code : codes) {
                List<String> expected = model.stream().filter(v -> code.equals(v.parent) && v.validOn(at))
                        .map(v -> v.code).sorted().toList();
                boolean parentValid = model.stream().anyMatch(v -> v.code.equals(code) && v.validOn(at));
                assertThat(parentValid || expected.isEmpty()).as("model keeps no orphans: %s on %s", code, at).isTrue();
                assertThat(territory.children(code, at)).extracting(AdministrativeUnit::code)
                        .as("children of %s on %s", code, at).containsExactlyElementsOf(expected);
                V self = model.stream().filter(v -> v.code.equals(code) && v.validOn(at)).findFirst().orElse(null);
                if (self == null) {
                    assertThat(territory.unit(code, at)).as("%s on %s", code, at).isEmpty();
                    continue;
                }
                AdministrativeUnit u = territory.unit(code, at).orElseThrow();
                assertThat(u.fullName()).isEqualTo(self.fullName());
                assertThat(u.parentCode()).isEqualTo(self.parent);
                V province = self;
                while (province.parent != null) {
                    String pc = province.parent;
                    province = model.stream().filter(v -> v.code.equals(pc) && v.validOn(at)).findFirst().orElseThrow();
                }
                AdministrativeUnit foundProvince = territory.province(code, at).orElseThrow();
                assertThat(foundProvince.code()).as("province of %s on %s", code, at).isEqualTo(province.code);
                assertThat(foundProvince.fullName()).isEqualTo(province.fullName());
                assertThat(foundProvince.validOn(at)).isTrue();
            }
        }
    }

    /** Adds one random operation to the step; false when the territory offers nothing for the one drawn. */
    private boolean randomOperation(Random r, Step s) {
        List<V> all = live(v -> true);
        switch (r.nextInt(6)) {
            case 0 -> { // rename any unit, at any level
                V v = all.get(r.nextInt(all.size()));
                s.close(v.code);
                s.open(v.code, v.name + " Mới", v.type, v.parent);
                s.link(v.code, v.code, LineageKind.RENAME, Share.FULL);
            }
            case 1 -> { // reclassify a province or a commune-level unit
                List<V> candidates = live(v -> v.type != UnitType.DISTRICT);
                V v = candidates.get(r.nextInt(candidates.size()));
                UnitType to = switch (v.type) {
                    case PROVINCE -> UnitType.MUNICIPALITY;
                    case MUNICIPALITY -> UnitType.PROVINCE;
                    case WARD -> r.nextBoolean() ? UnitType.COMMUNE : UnitType.TOWNSHIP;
                    default -> UnitType.WARD;
                };
                s.close(v.code);
                s.open(v.code, v.name, to, v.parent);
                s.link(v.code, v.code, LineageKind.RECLASSIFY, Share.FULL);
            }
            case 2 -> { // merge two sibling communes, into a new code or into one of them
                List<V> communes = live(v -> v.type.isCommuneLevel());
                if (communes.isEmpty()) {
                    return false;
                }
                V a = communes.get(r.nextInt(communes.size()));
                List<V> siblings = communes.stream().filter(v -> v != a && v.parent.equals(a.parent)).toList();
                if (siblings.isEmpty()) {
                    return false;
                }
                V b = siblings.get(r.nextInt(siblings.size()));
                String into = r.nextBoolean() ? a.code : newCode();
                s.close(a.code);
                s.close(b.code);
                s.open(into, "Hợp " + into, UnitType.WARD, a.parent);
                s.link(a.code, into, LineageKind.MERGE, Share.FULL);
                s.link(b.code, into, LineageKind.MERGE, Share.FULL);
            }
            case 3 -> { // split a commune in two (one part may keep the code)
                List<V> communes = live(v -> v.type.isCommuneLevel());
                if (communes.isEmpty()) {
                    return false;
                }
                V a = communes.get(r.nextInt(communes.size()));
                String first = r.nextBoolean() ? a.code : newCode();
                String second = newCode();
                s.close(a.code);
                s.open(first, "Tách " + first, UnitType.COMMUNE, a.parent);
                s.open(second, "Tách " + second, UnitType.COMMUNE, a.parent);
                s.link(a.code, first, LineageKind.SPLIT, Share.PARTIAL);
                s.link(a.code, second, LineageKind.SPLIT, Share.PARTIAL);
            }
            case 4 -> { // dissolve a district: its communes go (TRANSFER) to another district of the same province
                List<V> districts = live(v -> v.type == UnitType.DISTRICT);
                if (districts.isEmpty()) {
                    return false;
                }
                V gone = districts.get(r.nextInt(districts.size()));
                List<V> others = districts.stream().filter(v -> v != gone && v.parent.equals(gone.parent)).toList();
                if (others.isEmpty()) {
                    return false;
                }
                V keeper = others.get(r.nextInt(others.size()));
                for (V c : live(v -> gone.code.equals(v.parent))) {
                    s.close(c.code);
                    s.open(c.code, c.name, c.type, keeper.code);
                    s.link(c.code, c.code, LineageKind.TRANSFER, Share.FULL);
                }
                s.close(gone.code);
                s.link(gone.code, keeper.code, LineageKind.DISSOLVE, Share.FULL);
            }
            default -> { // dissolve a province into another: its districts move, their communes stay with them
                List<V> provinces = live(v -> v.parent == null);
                if (provinces.size() < 2) {
                    // or dissolve a commune into a sibling
                    List<V> communes = live(v -> v.type.isCommuneLevel());
                    if (communes.isEmpty()) {
                        return false;
                    }
                    V a = communes.get(r.nextInt(communes.size()));
                    List<V> siblings = communes.stream().filter(v -> v != a && v.parent.equals(a.parent)).toList();
                    if (siblings.isEmpty()) {
                        return false;
                    }
                    s.close(a.code);
                    s.link(a.code, siblings.get(0).code, LineageKind.DISSOLVE, Share.FULL);
                    return true;
                }
                V gone = provinces.get(r.nextInt(provinces.size()));
                V keeper = provinces.stream().filter(v -> v != gone).findFirst().orElseThrow();
                for (V dist : live(v -> gone.code.equals(v.parent))) {
                    s.close(dist.code);
                    s.open(dist.code, dist.name, dist.type, keeper.code);
                    s.link(dist.code, dist.code, LineageKind.TRANSFER, Share.FULL);
                }
                s.close(gone.code);
                s.link(gone.code, keeper.code, LineageKind.MERGE, Share.FULL);
            }
        }
        return true;
    }
}
