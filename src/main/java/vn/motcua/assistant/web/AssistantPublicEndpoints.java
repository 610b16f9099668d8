package vn.motcua.assistant.web;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

@Component
class AssistantPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/assistant/procedures", "/api/v1/assistant/form-help");
    }
}
