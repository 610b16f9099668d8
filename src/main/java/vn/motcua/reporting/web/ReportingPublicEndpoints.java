package vn.motcua.reporting.web;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

/** The indicators are open data: anyone may read them. */
@Component
class ReportingPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/indicators", "/api/v1/indicators/**");
    }
}
