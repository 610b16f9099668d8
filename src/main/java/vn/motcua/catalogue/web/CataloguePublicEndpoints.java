package vn.motcua.catalogue.web;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

@Component
class CataloguePublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/procedures", "/api/v1/procedures/**");
    }

    @Override
    public List<String> publicPostPaths() {
        // validating a form stores nothing
        return List.of("/api/v1/procedures/*/form/validate");
    }
}
