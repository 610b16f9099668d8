package vn.motcua.reorg;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Successor;
import vn.motcua.territory.Territory;
import vn.motcua.territory.UnitType;

/**
 * In-flight dossiers spread over the old (1 March 2025) units of HCMC, Bình Dương and Bà Rịa–Vũng Tàu, in the
 * state they were in on 30 June 2025: commune UBND and police, district UBND (address in a commune, or none),
 * province departments and service centres. Split wards get addresses on the test streets of their routing rules,
 * and on streets no rule names.
 */
final class ReorgFixtures {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    /** Old units of the three old provinces: communes and districts. */
    record OldWorld(List<AdministrativeUnit> communes, List<AdministrativeUnit> districts,
                    Map<String, List<String>> splitSuccessors) {
    }

    static OldWorld oldWorld(Territory territory) {
        List<AdministrativeUnit> communes = new ArrayList<>();
        List<AdministrativeUnit> districts = new ArrayList<>();
        Map<String, List<String>> split = new LinkedHashMap<>();
        for (String p : List.of("79", "74", "77")) {
            for (AdministrativeUnit d : territory.children(p, BEFORE)) {
                if (d.type() != UnitType.DISTRICT) {
                    continue;
                }
                districts.add(d);
                for (AdministrativeUnit c : territory.children(d.code(), BEFORE)) {
                    communes.add(c);
                    List<Successor> s = territory.successors(c.code(), BEFORE);
                    if (s.size() > 1) {
                        split.put(c.code(), s.stream().map(x -> x.unit().code()).sorted().toList());
                    }
                }
            }
        }
        return new OldWorld(communes, districts, split);
    }

    /**
     * Removes a fixture's dossiers (steps, dossiers): test contexts share one database, and other
     * tests expect the reception inboxes of the demo officers (e.g. UBND-26740, STP-79) to hold only their own.
     */
    static void delete(org.springframework.jdbc.core.simple.JdbcClient jdbc, String tag) {
        String like = tag + "-%";
        jdbc.sql("delete from notification where dossier_id in (select id from dossier where applicant_name like ?)").param(like).update();
        // the history stays (no foreign key, V44_2): it is hash-chained and sealed per day, and a deleted row would break
        // today's chain for every other test that verifies the day; so does the journal, which is now the history of
        // the transfers, sealed by one link per batch (docs/reorg.md, "Session 12")
        jdbc.sql("delete from dossier_step where dossier_id in (select id from dossier where applicant_name like ?)").param(like).update();
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
    }

    /** The street test rules name for successor {@code to} of split ward {@code unit}. */
    static String street(String unit, String to) {
        return "Đường Thử " + unit + " " + to;
    }

    /**
     * {@code n} dossiers tagged {@code tag} (applicant name "tag-i"), deterministic in i. Every 23rd is refused (not
     * in flight, must not move); every 50th has an e-mail address.
     */
    static List<DossierBulk.NewDossier> dossiers(OldWorld w, String tag, int n) {
        List<DossierBulk.NewDossier> out = new ArrayList<>();
        List<String> splitCodes = new ArrayList<>(w.splitSuccessors().keySet());
        Instant received0 = LocalDate.of(2025, 6, 2).atTime(9, 0).atZone(VN).toInstant();
        for (int i = 0; i < n; i++) {
            int kind = i % 10;
            String agency;
            String agencyName;
            String unit;
            String line = (i % 97 + 1) + " Đường Không Tên";
            String procedure = "1.001193";
            if (kind < 4) {                       // commune UBND, anywhere
                AdministrativeUnit c = w.communes().get((i * 7) % w.communes().size());
                unit = c.code();
                agency = "UBND-" + c.code();
                agencyName = "Ủy ban nhân dân " + c.fullName();
            } else if (kind < 7) {                // commune UBND of a split ward: by street, or not
                String c = splitCodes.get((i * 3) % splitCodes.size());
                unit = c;
                agency = "UBND-" + c;
                agencyName = "Ủy ban nhân dân (cũ) " + c;
                List<String> succ = w.splitSuccessors().get(c);
                if (kind == 6) {
                    line = "7 Hẻm Chưa Có Trong Danh Sách";
                } else {
                    line = (i % 200 + 1) + " " + street(c, succ.get(i % succ.size()));
                }
            } else if (kind == 7) {               // commune police
                AdministrativeUnit c = w.communes().get((i * 11) % w.communes().size());
                unit = c.code();
                agency = "CA-" + c.code();
                agencyName = "Công an " + c.fullName();
                procedure = "1.004194";
            } else if (kind == 8) {               // district UBND: functions go to the communes, by address
                AdministrativeUnit d = w.districts().get(i % w.districts().size());
                AdministrativeUnit c = w.communes().get((i * 13) % w.communes().size());
                agency = "UBND-" + d.code();
                agencyName = "Ủy ban nhân dân " + d.fullName();
                unit = i % 3 == 0 ? null : c.code();
                procedure = "2.000815";
            } else {                              // province level: Sở Tư pháp, service centre of old Bình Dương
                String p = i % 2 == 0 ? "79" : "74";
                agency = (i % 4 < 2 ? "STP-" : "TTPV-") + p;
                agencyName = agency;
                unit = w.communes().get(i % w.communes().size()).code();
                procedure = "3.000333";
            }
            DossierState state = i % 23 == 0 ? DossierState.REFUSED
                    : switch (i % 3) {
                        case 0 -> DossierState.SUBMITTED;
                        case 1 -> DossierState.ACCEPTED;
                        default -> DossierState.SUPPLEMENT_REQUESTED;
                    };
            Instant received = received0.plusSeconds(3600L * (i % 600));
            Instant due = state == DossierState.ACCEPTED ? received.plusSeconds(86_400L * (5 + i % 20)) : null;
            String phone = String.format("09%08d", i);
            String code = state == DossierState.ACCEPTED ? agency + "-2506" + String.format("%02d", i % 28 + 1) + "-"
                    + tag.toUpperCase() + String.format("%05d", i) : null;
            out.add(new DossierBulk.NewDossier(UUID.randomUUID(), code, procedure, "Thủ tục " + procedure, state,
                    tag + "-" + i, phone, i % 50 == 0 ? tag + i + "@example.vn" : null, unit, line, agency, agencyName,
                    received, due));
        }
        return out;
    }
}
