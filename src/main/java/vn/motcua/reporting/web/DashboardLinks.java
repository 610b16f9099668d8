package vn.motcua.reporting.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.reporting.internal.DashboardQueries;
import vn.motcua.workbench.WorkbenchLinks;

/**
 * The province dashboard's link on {@code /workbench} for a province-level leader (a LEADER post in an agency of a
 * province, e.g. the director of the Department of Justice); administrators have theirs in the page itself.
 */
@Component
class DashboardLinks implements WorkbenchLinks {

    private final DashboardAccess access;
    private final DashboardQueries queries;

    DashboardLinks(DashboardAccess access, DashboardQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @Override
    public List<Link> links(Authentication auth) {
        if (DashboardAccess.has(auth, "ADMIN") || access.ledProvinces(auth, queries.today()).isEmpty()) {
            return List.of();
        }
        return List.of(new Link("open-indicators-province", "/workbench/indicators/province",
                "workbench.link.indicatorsProvince"));
    }
}
