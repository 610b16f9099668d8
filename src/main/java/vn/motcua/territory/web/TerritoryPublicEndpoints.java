package vn.motcua.territory.web;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

@Component
class TerritoryPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/units", "/api/v1/units/**", "/api/v1/agencies/**", "/api/v1/address-lookup", "/api/v1/places");
    }
}
