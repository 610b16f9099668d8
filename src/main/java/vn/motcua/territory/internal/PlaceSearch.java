package vn.motcua.territory.internal;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Places;
import vn.motcua.territory.UnitType;

/**
 * {@link Places} over the in-memory unit index: a scan of about 14,000 precomputed name keys per query (well under a
 * millisecond), rebuilt when the index is. Names are folded with the platform's one Vietnamese folding
 * ({@link VietnameseText#fold}) after {@link NameKeys} drops the type prefix, so "phuong tan dinh", "P. Tân Định" and
 * "tan dinh" are one query.
 */
@Service
class PlaceSearch implements Places {

    private record Entry(AdministrativeUnit unit, String key, String fullKey) {
    }

    private record Keys(UnitIndex index, List<Entry> entries) {
    }

    private record Scored(Entry entry, int score, boolean current, AdministrativeUnit province) {
    }

    private final UnitDirectory units;
    private final String homeProvince;
    private volatile Keys keys;

    private final java.time.Clock clock;

    PlaceSearch(UnitDirectory units, @Value("${motcua.province-code:79}") String homeProvince, java.time.Clock clock) {
        this.clock = clock;
        this.units = units;
        this.homeProvince = homeProvince;
    }

    @Override
    public List<Place> search(String query, LocalDate asOf, Level level, int limit) {
        UnitIndex index = units.index();
        String q = NameKeys.plainKey(query);
        String alias = NameKeys.key(query);
        String qFull = VietnameseText.fold(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String code = query.strip();
        List<Scored> hits = new ArrayList<>();
        for (Entry e : entries(index)) {
            AdministrativeUnit u = e.unit();
            if (u.validFrom().isAfter(asOf) || !wanted(u.type(), level)) {
                continue;
            }
            int score = Math.max(score(e, q, qFull, code),
                    alias.equals(q) || !u.type().isProvinceLevel() ? 0 : score(e, alias, qFull, code));
            if (score == 0) {
                continue;
            }
            boolean current = u.validOn(asOf);
            AdministrativeUnit province = provinceOf(index, u);
            if (province != null && province.code().equals(homeProvince)) {
                score += 3;
            }
            hits.add(new Scored(e, score + (current ? 10 : 0), current, province));
        }
        hits.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(s -> s.entry().unit().type().isProvinceLevel())
                .thenComparingInt(s -> s.entry().unit().fullName().length())
                .thenComparing(s -> s.entry().unit().code())
                .thenComparing(s -> s.entry().unit().validFrom(), Comparator.reverseOrder()));
        List<Place> result = new ArrayList<>();
        for (Scored s : hits) {
            if (result.size() >= limit) {
                break;
            }
            AdministrativeUnit u = s.entry().unit();
            List<AdministrativeUnit> successors = s.current() ? List.of()
                    : units.currentSuccessors(u, asOf).stream()
                    .filter(x -> wanted(x.type(), level) || u.type().isCommuneLevel() && x.type().isCommuneLevel())
                    .sorted(Comparator.comparing(AdministrativeUnit::code)).toList();
            // An old version that lives on under the same name (e.g. a province the 2025 reorganisation kept) adds
            // nothing to its current version, which is listed already.
            if (!s.current() && successors.size() == 1 && successors.get(0).fullName().equals(u.fullName())
                    && hits.stream().anyMatch(h -> h.current() && h.entry().unit().equals(successors.get(0)))) {
                continue;
            }
            result.add(new Place(u, s.province(), s.current(), successors));
        }
        return result;
    }

    private static boolean wanted(UnitType type, Level level) {
        return switch (level) {
            case COMMUNE -> type.isCommuneLevel();
            case PROVINCE -> type.isProvinceLevel();
            case ANY -> type.isCommuneLevel() || type.isProvinceLevel();
        };
    }

    /** 100 same name, 80 name starts with the query, 60 a word starts with it, 40 every word of the query starts one. */
    private static int score(Entry e, String q, String qFull, String code) {
        if (e.unit().code().equals(code)) {
            return 100;
        }
        String k = e.key();
        if (k.equals(q) || e.fullKey().equals(qFull)) {
            return 100;
        }
        if (k.startsWith(q)) {
            return 80;
        }
        if (k.contains(" " + q) || e.fullKey().startsWith(qFull)) {
            return 60;
        }
        String[] words = k.split(" ");
        for (String t : q.split(" ")) {
            boolean found = false;
            for (String w : words) {
                if (w.startsWith(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return 0;
            }
        }
        return 40;
    }

    private AdministrativeUnit provinceOf(UnitIndex index, AdministrativeUnit u) {
        // The province on the unit's last day (today for a current one): parents are linked by code across versions.
        java.time.LocalDate on = u.validTo() == null ? VietnamTime.today(clock)
                : u.validTo().minusDays(1);
        AdministrativeUnit p = u;
        while (p != null && !p.type().isProvinceLevel()) {
            p = index.parent(p, on);
        }
        return p;
    }

    private List<Entry> entries(UnitIndex index) {
        Keys k = keys;
        if (k == null || k.index() != index) {
            List<Entry> list = new ArrayList<>(index.size());
            for (AdministrativeUnit u : index.all()) {
                if (u.type() != UnitType.DISTRICT) {
                    list.add(new Entry(u, NameKeys.plainKey(u.name()), VietnameseText.fold(u.fullName())));
                }
            }
            k = new Keys(index, List.copyOf(list));
            keys = k;
        }
        return k.entries();
    }
}
