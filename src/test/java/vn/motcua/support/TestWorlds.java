package vn.motcua.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryChanges;
import vn.motcua.territory.UnitChanges;
import vn.motcua.territory.UnitType;

/**
 * Small worlds of their own for reorganisation tests: a province (or municipality) and a few communes with unique codes
 * ({@code prefix + number}), opened on {@link #OPENED} with their standard agencies, and closed again on {@link #END}
 * by {@link #closeAll()} (test contexts share one database, and other tests count the units and agencies valid
 * today). Plans name further codes of a world ({@link World#code(int)}) for the units they open.
 */
public final class TestWorlds {

    public static final LocalDate OPENED = LocalDate.of(2026, 1, 1);
    public static final LocalDate END = LocalDate.of(2030, 1, 1);

    /**
     * A province {@code prefix + base} and communes {@code prefix + (base + offset)}; {@code span} codes after the
     * province belong to the world (opened now or by a plan).
     */
    public record World(String prefix, int base, int span, String province, List<String> communes) {

        /** The world's code at that offset from the province (1, 2, …), whether opened or kept for a plan. */
        public String code(int offset) {
            if (offset < 0 || offset > span) {
                throw new IllegalArgumentException("offset " + offset + " outside the world (span " + span + ")");
            }
            return prefix + (base + offset);
        }

        /** The standard agency codes (UBND-, CA-, TTPV-, STP-) of every code of the world, for closing their posts. */
        public List<String> standardAgencyCodes() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i <= span; i++) {
                for (String k : List.of("UBND-", "CA-", "TTPV-", "STP-")) {
                    out.add(k + code(i));
                }
            }
            return out;
        }
    }

    private final TerritoryChanges changes;
    private final TerritoryAgencies agencies;
    private final Territory territory;
    private final List<World> opened = new ArrayList<>();

    public TestWorlds(TerritoryChanges changes, TerritoryAgencies agencies, Territory territory) {
        this.changes = changes;
        this.agencies = agencies;
        this.territory = territory;
    }

    /** A municipality ("Thành phố Thử …") with wards ("Phường Thử …") at these offsets. */
    public World open(String prefix, int... wardOffsets) {
        return open(prefix, UnitType.MUNICIPALITY, UnitType.WARD, wardOffsets);
    }

    /** A municipality with {@code n} wards at offsets 1 … n. */
    public World openWards(String prefix, int n) {
        return open(prefix, UnitType.MUNICIPALITY, UnitType.WARD, range(n));
    }

    /** A province of that type with {@code n} communes of that type at offsets 1 … n. */
    public World open(String prefix, UnitType provinceType, UnitType communeType, int n) {
        return open(prefix, provinceType, communeType, range(n));
    }

    private World open(String prefix, UnitType provinceType, UnitType communeType, int[] offsets) {
        int span = 0;
        for (int o : offsets) {
            span = Math.max(span, o);
        }
        span = Math.max(span, 9);
        int base = ThreadLocalRandom.current().nextInt(100_000, 900_000 - span);
        String p = prefix + base;
        UnitChanges.Builder b = UnitChanges.builder().open(p, "Thử " + base,
                (provinceType == UnitType.PROVINCE ? "Tỉnh Thử " : "Thành phố Thử ") + base, provinceType, null);
        List<String> communes = new ArrayList<>();
        for (int o : offsets) {
            String c = prefix + (base + o);
            communes.add(c);
            b.open(c, "Thử " + c, (communeType == UnitType.COMMUNE ? "Xã Thử " : "Phường Thử ") + c, communeType, p);
        }
        changes.apply(b.build(), OPENED, "Thử nghiệm");
        List<String> all = new ArrayList<>(communes);
        all.add(0, p);
        agencies.deriveAgencies(all, OPENED);
        World w = new World(prefix, base, span, p, List.copyOf(communes));
        opened.add(w);
        return w;
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i + 1;
        }
        return out;
    }

    /** The worlds opened so far. */
    public List<World> opened() {
        return List.copyOf(opened);
    }

    /** Closes every unit still open of every world (those a plan opened under its province too), on {@link #END}. */
    public void closeAll() {
        for (World w : opened) {
            UnitChanges.Builder b = UnitChanges.builder();
            LocalDate last = END.minusDays(1);
            territory.children(w.province(), last).forEach(u -> b.close(u.code()));
            for (int i = 1; i <= w.span(); i++) {
                String c = w.code(i);
                if (territory.unit(c, last).filter(u -> !w.province().equals(u.parentCode())).isPresent()) {
                    b.close(c);
                }
            }
            if (territory.unit(w.province(), last).isPresent()) {
                b.close(w.province());
            }
            changes.apply(b.build(), END, "Kết thúc thử nghiệm");
        }
        opened.clear();
    }
}
