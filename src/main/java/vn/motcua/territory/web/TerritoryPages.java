package vn.motcua.territory.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.AddressLookup;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.internal.StaffDirectory;
import vn.motcua.territory.internal.UnitDirectory;

/** Public pages: browse units as of a date, a unit's agencies and lineage, and the old-address lookup. */
@Controller
class TerritoryPages {

    static final LocalDate DAY_BEFORE_REORG = LocalDate.of(2025, 6, 30);

    private final UnitDirectory units;
    private final AddressLookup addresses;
    private final StaffDirectory staff;
    private final java.time.Clock clock;

    TerritoryPages(UnitDirectory units, AddressLookup addresses, StaffDirectory staff, java.time.Clock clock) {
        this.clock = clock;
        this.units = units;
        this.addresses = addresses;
        this.staff = staff;
    }

    @GetMapping("/territory")
    String provinces(@RequestParam(required = false) String asOf, Model model) {
        LocalDate d = date(asOf, model);
        model.addAttribute("asOf", d);
        model.addAttribute("units", units.provinces(d));
        return "territory/units";
    }

    @GetMapping("/territory/units/{code}")
    String unit(@PathVariable String code, @RequestParam(required = false) String asOf, Model model) {
        LocalDate d = date(asOf, model);
        AdministrativeUnit u = units.unit(code, d).orElseThrow(() -> ApiException.notFound("territory.unit.notFound", code, d));
        List<AdministrativeUnit> ancestry = units.ancestry(u, d);
        model.addAttribute("asOf", d);
        model.addAttribute("unit", u);
        List<AdministrativeUnit> ancestors = new java.util.ArrayList<>(ancestry.subList(1, ancestry.size()));
        java.util.Collections.reverse(ancestors);
        model.addAttribute("ancestors", ancestors);
        model.addAttribute("children", units.children(code, d));
        model.addAttribute("agencies", units.agencies(code, d).stream()
                .map(a -> new AgencyRow(a, staff.staffOf(a.code(), d))).toList());
        model.addAttribute("predecessors", units.predecessorsOf(u));
        model.addAttribute("successors", units.successorsOf(u));
        model.addAttribute("versions", units.versions(code));
        return "territory/unit";
    }

    record AgencyRow(vn.motcua.territory.Agency agency, List<vn.motcua.territory.PostHolding> staff) {
    }

    @GetMapping("/territory/lookup")
    String lookup(@RequestParam(required = false) String commune, @RequestParam(required = false) String district,
                  @RequestParam(required = false) String province, Model model) {
        model.addAttribute("commune", commune);
        model.addAttribute("district", district);
        model.addAttribute("province", province);
        if (commune != null) {
            if (commune.isBlank()) {
                model.addAttribute("communeError", true);
            } else {
                AddressLookup.AddressResolution r = addresses.resolve(commune, district, province, DAY_BEFORE_REORG, today());
                model.addAttribute("result", r);
            }
        }
        return "territory/lookup";
    }

    private LocalDate date(String asOf, Model model) {
        if (asOf == null || asOf.isBlank()) {
            return today();
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            model.addAttribute("dateError", true);
            return today();
        }
    }

    /** Today in Vietnam, from the injected clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }
}
