package vn.motcua.reorg.web;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

@Component
class ReorgPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/reorg/document-validity");
    }
}
