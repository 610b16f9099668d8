package vn.motcua.territory.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;
import vn.motcua.territory.UnitChanges;
import vn.motcua.territory.UnitType;

/**
 * Builds, from the real data files on the classpath, the two unit changes the country went through:
 * the GSO list of 1 March 2025 (as openings) and the 1 July 2025 reorganisation (closings of all 63 provinces,
 * 696 districts and 10,035 communes; openings of 34 provinces and 3,321 communes; lineage from the dvhcvn merges
 * mapping). Pure: reads files, returns {@link UnitChanges}.
 */
final class Reorganisation2025 {

    static final String DIR = "data/territory/";
    static final String PRE = DIR + "thanglequoc_vn_units_20250301_simplified.json.gz";
    static final String POST = DIR + "thanglequoc_vn_units_20250701_full.json.gz";
    static final String MERGES = DIR + "dvhcvn2025_merges_new_to_old.json.gz";

    /**
     * The GSO list is the state on 1 March 2025; earlier changes are not in the data, so the snapshot is taken as
     * valid from 1 January 2025 (the date the last commune rearrangements before it took effect).
     */
    static final LocalDate SNAPSHOT_FROM = LocalDate.of(2025, 1, 1);
    static final String SNAPSHOT_BASIS = "Danh mục đơn vị hành chính (Cục Thống kê), trạng thái ngày 01/03/2025";
    static final LocalDate REORG = LocalDate.of(2025, 7, 1);
    static final String PROVINCE_BASIS = "Nghị quyết 202/2025/QH15";
    static final String HCMC_BASIS = "Nghị quyết 1685/NQ-UBTVQH15";
    static final String COMMUNE_BASIS = "Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã năm 2025";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Old units of 1 March 2025 by code (provinces, districts, communes share no code length). */
    record OldUnit(String code, String name, String fullName, UnitType type, String parentCode) {
    }

    record Plan(UnitChanges snapshot, UnitChanges reorganisation, int skippedLinks, Map<String, String> aliasedCodes) {
    }

    static Plan build() {
        Map<String, OldUnit> old = new LinkedHashMap<>();
        UnitChanges.Builder snapshot = UnitChanges.builder();
        for (JsonNode p : read(PRE)) {
            String pc = p.get("Code").asString();
            OldUnit prov = new OldUnit(pc, p.get("Name").asString(), p.get("FullName").asString(),
                    p.get("FullName").asString().startsWith("Thành phố") ? UnitType.MUNICIPALITY : UnitType.PROVINCE, null);
            add(old, snapshot, prov);
            for (JsonNode d : p.get("District")) {
                OldUnit dist = new OldUnit(d.get("Code").asString(), d.get("Name").asString(), d.get("FullName").asString(),
                        UnitType.DISTRICT, pc);
                add(old, snapshot, dist);
                JsonNode wards = d.get("Ward");
                if (wards == null || wards.isNull()) {
                    continue;
                }
                for (JsonNode w : wards) {
                    String full = w.get("FullName").asString();
                    UnitType type = full.startsWith("Phường") ? UnitType.WARD
                            : full.startsWith("Thị trấn") ? UnitType.TOWNSHIP : UnitType.COMMUNE;
                    add(old, snapshot, new OldUnit(w.get("Code").asString(), w.get("Name").asString(), full, type, dist.code()));
                }
            }
        }

        UnitChanges.Builder reorg = UnitChanges.builder();
        old.keySet().forEach(reorg::close);
        Map<String, String> newNames = new HashMap<>();
        Map<String, UnitType> newTypes = new HashMap<>();
        Map<String, Map<String, String>> postByProvinceAndName = new HashMap<>();
        for (JsonNode p : read(POST)) {
            String pc = p.get("Code").asString();
            UnitType pt = p.get("AdministrativeUnitId").asInt() == 1 ? UnitType.MUNICIPALITY : UnitType.PROVINCE;
            reorg.open(pc, p.get("Name").asString(), p.get("FullName").asString(), pt, null);
            newNames.put(pc, p.get("FullName").asString());
            newTypes.put(pc, pt);
            for (JsonNode w : p.get("Wards")) {
                String code = w.get("Code").asString();
                UnitType type = switch (w.get("AdministrativeUnitId").asInt()) {
                    case 3 -> UnitType.WARD;
                    case 5 -> UnitType.SPECIAL_ZONE;
                    default -> UnitType.COMMUNE;
                };
                reorg.open(code, w.get("Name").asString(), w.get("FullName").asString(), type, pc);
                newNames.put(code, w.get("FullName").asString());
                newTypes.put(code, type);
                postByProvinceAndName.computeIfAbsent(pc, k -> new HashMap<>())
                        .put(VietnameseText.fold(w.get("FullName").asString()), code);
            }
        }

        int skipped = 0;
        Map<String, String> aliases = new LinkedHashMap<>();
        JsonNode merges = read(MERGES).get("data");
        for (JsonNode p : merges) {
            String pc = p.get("level1_id").asString();
            JsonNode provinceMerges = p.get("merges");
            for (JsonNode m : provinceMerges) {
                String oc = m.get("old_id").asString();
                OldUnit o = old.get(oc);
                LineageKind kind = provinceMerges.size() > 1 ? LineageKind.MERGE
                        : sameName(o.fullName(), newNames.get(pc)) ? LineageKind.RECLASSIFY : LineageKind.RENAME;
                reorg.link(oc, pc, kind, Share.FULL, PROVINCE_BASIS);
            }
            String communeBasis = "79".equals(pc) ? HCMC_BASIS : COMMUNE_BASIS;
            for (JsonNode l2 : p.get("level2s")) {
                String nc = l2.get("level2_id").asString();
                if (!newNames.containsKey(nc)) {
                    // Sources disagree on a few codes (Ba Chẽ 06970/06978, Ia Mơ 23737/23938): match by name.
                    String byName = postByProvinceAndName.getOrDefault(pc, Map.of()).get(VietnameseText.fold(l2.get("name").asString()));
                    if (byName == null) {
                        skipped += l2.get("merges").size();
                        continue;
                    }
                    aliases.put(nc, byName);
                    nc = byName;
                }
                JsonNode olds = l2.get("merges");
                for (JsonNode m : olds) {
                    String oc = m.get("old_id").asString();
                    OldUnit o = old.get(oc);
                    if (o == null) {
                        skipped++;
                        continue;
                    }
                    Share share = "partial".equals(m.get("type").asString()) ? Share.PARTIAL : Share.FULL;
                    LineageKind kind;
                    if (share == Share.PARTIAL) {
                        kind = LineageKind.SPLIT;
                    } else if (olds.size() > 1) {
                        kind = LineageKind.MERGE;
                    } else if (o.type() != newTypes.get(nc)) {
                        kind = LineageKind.RECLASSIFY;
                    } else if (!sameName(o.fullName(), newNames.get(nc))) {
                        kind = LineageKind.RENAME;
                    } else {
                        kind = LineageKind.TRANSFER;
                    }
                    reorg.link(oc, nc, kind, share, communeBasis);
                }
            }
        }
        // Districts are abolished: their whole territory is now directly in the new province.
        Map<String, String> newProvinceOfOld = new HashMap<>();
        for (JsonNode p : merges) {
            for (JsonNode m : p.get("merges")) {
                newProvinceOfOld.put(m.get("old_id").asString(), p.get("level1_id").asString());
            }
        }
        Set<String> islandDistricts = new HashSet<>();
        for (JsonNode p : merges) {
            for (JsonNode l2 : p.get("level2s")) {
                for (JsonNode m : l2.get("merges")) {
                    if (m.get("old_id").asString().length() == 3) {
                        islandDistricts.add(m.get("old_id").asString());
                    }
                }
            }
        }
        for (OldUnit o : old.values()) {
            if (o.type() == UnitType.DISTRICT && !islandDistricts.contains(o.code())) {
                reorg.link(o.code(), newProvinceOfOld.get(o.parentCode()), LineageKind.DISSOLVE, Share.FULL, PROVINCE_BASIS);
            }
        }
        return new Plan(snapshot.build(), reorg.build(), skipped, aliases);
    }

    private static boolean sameName(String a, String b) {
        return VietnameseText.canonical(a).equals(VietnameseText.canonical(b));
    }

    private static void add(Map<String, OldUnit> old, UnitChanges.Builder snapshot, OldUnit u) {
        old.put(u.code(), u);
        snapshot.open(u.code(), u.name(), u.fullName(), u.type(), u.parentCode());
    }

    static JsonNode read(String resource) {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(resource).getInputStream(), 1 << 16)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private Reorganisation2025() {
    }
}
