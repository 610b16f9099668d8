package vn.motcua.reporting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.questions.CouncilOversight;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.PostRole;
import vn.motcua.territory.Staff;
import vn.motcua.territory.Territory;

/**
 * Who sees which dashboard: a leader their own agencies (LEADER posts today), a province-level leader or an
 * administrator a province, a council member the units stored for the council role. Anything else is a 403.
 */
@Component
class DashboardAccess {

    private final Staff staff;
    private final Territory territory;
    private final CouncilOversight council;

    DashboardAccess(Staff staff, Territory territory, CouncilOversight council) {
        this.staff = staff;
        this.territory = territory;
        this.council = council;
    }

    static boolean has(Authentication auth, String role) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    /** The agencies the signed-in leader leads today. */
    List<String> ledAgencies(Authentication auth, LocalDate today) {
        if (!has(auth, "UNIT_LEADER")) {
            return List.of();
        }
        return staff.postsOf(auth.getName(), today).stream().filter(p -> p.role() == PostRole.LEADER)
                .map(p -> p.agency().code()).distinct().sorted().toList();
    }

    /** The agency asked for, if the caller leads it (an administrator: any); else 403. */
    String agency(Authentication auth, String asked, LocalDate today) {
        List<String> led = ledAgencies(auth, today);
        if (asked == null || asked.isBlank()) {
            if (led.isEmpty()) {
                throw new AccessDeniedException("not a leader of any agency");
            }
            return led.get(0);
        }
        if (led.contains(asked.strip()) || has(auth, "ADMIN")) {
            return asked.strip();
        }
        throw new AccessDeniedException("not a leader of " + asked);
    }

    /** The provinces whose agencies the caller leads today (province-level leaders). */
    List<String> ledProvinces(Authentication auth, LocalDate today) {
        if (!has(auth, "UNIT_LEADER")) {
            return List.of();
        }
        return staff.postsOf(auth.getName(), today).stream().filter(p -> p.role() == PostRole.LEADER)
                .map(PostHolding::agency)
                .map(a -> territory.unit(a.unitCode(), today))
                .flatMap(Optional::stream).filter(u -> u.type().isProvinceLevel())
                .map(AdministrativeUnit::code).distinct().sorted().toList();
    }

    /** The province asked for (default: the caller's), if an administrator or a leader of that province; else 403. */
    String province(Authentication auth, String asked, LocalDate today) {
        List<String> led = ledProvinces(auth, today);
        if (has(auth, "ADMIN")) {
            return asked == null || asked.isBlank() ? (led.isEmpty() ? "79" : led.get(0)) : asked.strip();
        }
        if (led.isEmpty()) {
            throw new AccessDeniedException("not a province-level leader");
        }
        if (asked == null || asked.isBlank()) {
            return led.get(0);
        }
        if (led.contains(asked.strip())) {
            return asked.strip();
        }
        throw new AccessDeniedException("not a leader of province " + asked);
    }

    /** The units stored for the council member; 403 for anyone else or a member with none. */
    List<String> councilUnits(Authentication auth) {
        List<String> units = has(auth, "COUNCIL_MEMBER") ? council.units(auth.getName()) : List.of();
        if (units.isEmpty()) {
            throw new AccessDeniedException("not a council member with a scope");
        }
        return units;
    }

    /**
     * The unit asked for (default: the first of the scope) if the member oversees it: one of the scope's units, or a
     * unit under a province of the scope, on {@code asOf} (the period's last day); else 403.
     */
    String councilUnit(Authentication auth, String asked, LocalDate asOf) {
        List<String> units = councilUnits(auth);
        if (asked == null || asked.isBlank()) {
            return units.get(0);
        }
        String code = asked.strip();
        if (units.contains(code) || territory.province(code, asOf).map(p -> units.contains(p.code())).orElse(false)) {
            return code;
        }
        throw new AccessDeniedException("unit " + code + " is outside the council member's scope");
    }
}
