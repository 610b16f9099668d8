package vn.motcua.questions.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/**
 * The units a People's Council member (role COUNCIL_MEMBER) oversees: a province code covers every agency of the
 * province (its own and its communes'), a commune-level code the agencies of that unit. Read-only oversight: the
 * council member sees figures and questions, acts on none. In demo mode, {@code hdnd} oversees HCMC (79).
 */
@Component
public class CouncilScopes implements vn.motcua.questions.CouncilOversight {

    private final JdbcClient jdbc;
    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final MotcuaProperties properties;

    CouncilScopes(JdbcClient jdbc, Territory territory, TerritoryAgencies agencies, MotcuaProperties properties) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.agencies = agencies;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void demoScope() {
        if (properties.demo()) {
            add("hdnd", "79");
        }
    }

    @Override
    public List<String> units(String username) {
        return jdbc.sql("select unit_code from question_council_scope where username = ? order by unit_code")
                .param(username).query(String.class).list();
    }

    @Transactional
    public void add(String username, String unitCode) {
        jdbc.sql("insert into question_council_scope (username, unit_code) values (?, ?) on conflict do nothing")
                .param(username).param(unitCode).update();
    }

    /** Whether the agency (valid that day) serves a unit the member oversees, or a unit of a province they oversee. */
    public boolean covers(String username, String agencyCode, LocalDate asOf) {
        return coversUnits(units(username), agencyCode, asOf);
    }

    /** Whether the agency (valid that day) serves one of the units, or a unit of one of these provinces. */
    public boolean coversUnits(List<String> units, String agencyCode, LocalDate asOf) {
        if (units.isEmpty()) {
            return false;
        }
        return territory.agency(agencyCode, asOf).map(a -> units.contains(a.unitCode())
                || territory.province(a.unitCode(), asOf).map(p -> units.contains(p.code())).orElse(false))
                .orElse(false);
    }

    /** Codes of the agencies the member oversees on that day (one territory query per province overseen). */
    public List<String> agencies(String username, LocalDate asOf) {
        Set<String> codes = new LinkedHashSet<>();
        for (String unit : units(username)) {
            var u = territory.unit(unit, asOf);
            if (u.isEmpty()) {
                continue;
            }
            List<String> units = new ArrayList<>();
            units.add(unit);
            if (u.get().type().isProvinceLevel()) {
                territory.children(unit, asOf).stream().map(AdministrativeUnit::code).forEach(units::add);
            }
            agencies.agenciesOf(units, asOf).stream().map(Agency::code).forEach(codes::add);
        }
        return List.copyOf(codes);
    }
}
