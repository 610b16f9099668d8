package vn.motcua.catalogue.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.motcua.catalogue.Performer;
import vn.motcua.catalogue.internal.Fold;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;

/**
 * Reads the published level ("Cấp tỉnh, Cấp xã") and performing body ("Công an cấp Xã", "Sở Tư
 * pháp", "Ủy ban Nhân dân xã, phường, thị trấn.") into a level, kind and sector that the territory
 * understands. When several levels perform a procedure the most local one is chosen, because that is
 * where a citizen goes.
 */
public final class PerformerParser {

    private PerformerParser() {
    }

    public static List<AgencyLevel> levels(String levelText) {
        List<AgencyLevel> out = new ArrayList<>();
        String f = Fold.fold(levelText);
        if (f.contains("cap bo")) {
            out.add(AgencyLevel.CENTRAL);
        }
        if (f.contains("cap tinh")) {
            out.add(AgencyLevel.PROVINCE);
        }
        if (f.contains("cap xa")) {
            out.add(AgencyLevel.COMMUNE);
        }
        return out;
    }

    /**
     * @param body     cơ quan thực hiện (may be "Không có thông tin")
     * @param levels   parsed levels (may be empty for list-only procedures)
     * @param ministry the ministry whose list the procedure comes from, used when the body is unknown
     */
    public static Performer parse(String body, List<AgencyLevel> levels, String ministry) {
        String text = body == null || Fold.fold(body).startsWith("khong co thong tin") ? null : body.strip();
        String f = Fold.fold(text);
        String m = Fold.fold(ministry);
        List<Performer> found = new ArrayList<>();
        if (!f.isEmpty()) {
            for (String part : f.split("(?<=[a-z])(?<!\\bbo) (?=cong an|uy ban|ubnd|chu tich|so |phong |cuc |bo )")) {
                Performer p = one(part.strip(), text);
                if (p != null) {
                    found.add(p);
                }
            }
        }
        // prefer the most local level that the published levels allow
        Performer best = null;
        for (Performer p : found) {
            if (!levels.isEmpty() && !levels.contains(p.level())) {
                continue;
            }
            if (best == null || rank(p.level()) > rank(best.level())) {
                best = p;
            }
        }
        if (best == null && !found.isEmpty()) {
            best = found.stream().max((a, b) -> rank(a.level()) - rank(b.level())).orElseThrow();
        }
        if (best != null && (best.kind() != null || levels.isEmpty() || !levels.contains(AgencyLevel.COMMUNE)
                && !levels.contains(AgencyLevel.PROVINCE))) {
            return best;
        }
        // unknown or central body but a local level: infer from the ministry
        AgencyLevel local = levels.contains(AgencyLevel.COMMUNE) ? AgencyLevel.COMMUNE
                : levels.contains(AgencyLevel.PROVINCE) ? AgencyLevel.PROVINCE : null;
        if (local == null) {
            return best != null ? best : new Performer(levels.isEmpty() ? null : levels.get(0), null, null, text);
        }
        boolean police = m.contains("cong an");
        if (local == AgencyLevel.COMMUNE) {
            return new Performer(local, police ? AgencyKind.POLICE : AgencyKind.PEOPLES_COMMITTEE, null, text);
        }
        if (police) {
            return new Performer(local, AgencyKind.POLICE, null, text);
        }
        String sector = ministry == null ? null : sectorOf(ministry.replaceFirst("(?i)^bộ\\s+", ""));
        return new Performer(local, sector == null ? AgencyKind.PEOPLES_COMMITTEE : AgencyKind.DEPARTMENT, sector, text);
    }

    private static int rank(AgencyLevel l) {
        return l == null ? -1 : l.ordinal();
    }

    private static Performer one(String f, String text) {
        boolean commune = f.matches(".*\\b(cap xa|xa phuong|phuong xa|xa|phuong)\\b.*") && !f.contains("cap tinh");
        if (f.startsWith("cong an")) {
            if (f.contains("cap xa") || f.contains("xa phuong")) {
                return new Performer(AgencyLevel.COMMUNE, AgencyKind.POLICE, null, text);
            }
            return new Performer(AgencyLevel.PROVINCE, AgencyKind.POLICE, null, text);
        }
        if (f.startsWith("phong ") && (f.contains("xuat nhap canh") || f.contains("canh sat"))) {
            return new Performer(AgencyLevel.PROVINCE, AgencyKind.POLICE, null, text);
        }
        if (f.startsWith("uy ban") || f.startsWith("ubnd") || f.startsWith("chu tich")) {
            return new Performer(commune ? AgencyLevel.COMMUNE : AgencyLevel.PROVINCE, AgencyKind.PEOPLES_COMMITTEE,
                    null, text);
        }
        if (f.startsWith("so ")) {
            return new Performer(AgencyLevel.PROVINCE, AgencyKind.DEPARTMENT, sectorOf(f.substring(3)), text);
        }
        if (f.startsWith("cuc ") || f.startsWith("bo ")) {
            return new Performer(AgencyLevel.CENTRAL, null, null, text);
        }
        return null;
    }

    /** "Tư pháp Thành phố Hà Nội" → TU_PHAP; "Nông nghiệp và Môi trường" → NONG_NGHIEP_VA_MOI_TRUONG. */
    public static String sectorOf(String name) {
        String f = Fold.fold(name).replaceFirst("^so ", "");
        int cut = f.indexOf(" thanh pho");
        if (cut < 0) {
            cut = f.indexOf(" tinh ");
        }
        if (cut > 0) {
            f = f.substring(0, cut);
        }
        f = f.strip();
        return f.isEmpty() ? null : f.replace(' ', '_').toUpperCase(Locale.ROOT);
    }
}
