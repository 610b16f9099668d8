package vn.motcua.reorg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import vn.motcua.territory.Share;
import vn.motcua.territory.UnitChanges;

/** Invariants of plan compilation: street matching ignores case and diacritics; cycles are found exactly. */
class PlanProperties {

    @Provide
    Arbitrary<String> streets() {
        return Arbitraries.of("Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Đinh Tiên Hoàng", "Ấp 3", "Khu phố Bình Thuận",
                "Tổ dân phố 12", "Trần Hưng Đạo", "Võ Văn Tần", "Phạm Ngũ Lão");
    }

    @Property
    void anAddressOnAStreetMatchesItWhateverTheCaseOrDiacritics(@ForAll("streets") String street,
                                                                @ForAll @IntRange(min = 1, max = 999) int number,
                                                                @ForAll boolean stripDiacritics, @ForAll boolean upper) {
        String written = stripDiacritics ? Normalizer.normalize(street, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('Đ', 'D').replace('đ', 'd') : street;
        written = upper ? written.toUpperCase(Locale.ROOT) : written;
        String address = number + "/" + (number + 1) + " " + written + ", phường Cũ";
        assertThat(PlanCompiler.addressKey(address)).contains(PlanCompiler.addressKey(street));
    }

    @Property
    void aStreetNeverMatchesInsideAnotherWord(@ForAll("streets") String street, @ForAll @IntRange(min = 1, max = 99) int n) {
        // "12 Lê Lợia" is not on "Lê Lợi": matching is by whole words.
        assertThat(PlanCompiler.addressKey(n + " " + street + "a")).doesNotContain(PlanCompiler.addressKey(street));
    }

    /** A chain u0 → u1 → … → uk of dissolutions into continuing units has no cycle; closing it back creates one. */
    @Property
    void cyclesAreFoundExactly(@ForAll @IntRange(min = 1, max = 30) int length, @ForAll @IntRange(min = 0, max = 29) int back) {
        Map<String, List<CompiledPlan.Succ>> succ = new LinkedHashMap<>();
        for (int i = 0; i < length; i++) {
            succ.put("u" + i, List.of(new CompiledPlan.Succ("u" + (i + 1), Share.FULL)));
        }
        assertThat(PlanValidator.cycle(plan(succ, Set.of()))).isNull();
        int target = Math.min(back, length - 1);
        Map<String, List<CompiledPlan.Succ>> cyclic = new LinkedHashMap<>(succ);
        cyclic.put("u" + length, List.of(new CompiledPlan.Succ("u" + target, Share.FULL)));
        assertThat(PlanValidator.cycle(plan(cyclic, Set.of()))).isNotNull().contains("u" + target);
        // The same back link into a unit the plan opens anew is not a cycle (a new version, not the old unit).
        assertThat(PlanValidator.cycle(plan(cyclic, Set.of("u" + target)))).isNull();
    }

    private static CompiledPlan plan(Map<String, List<CompiledPlan.Succ>> successors, Set<String> opening) {
        return new CompiledPlan(Instant.parse("2027-01-01T00:00:00Z"), LocalDate.of(2027, 1, 1), "x",
                new UnitChanges(List.of(), List.of(), List.of()), new LinkedHashSet<>(successors.keySet()), opening,
                successors, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), false, 0, 100, 5, false, new ArrayList<>());
    }
}
