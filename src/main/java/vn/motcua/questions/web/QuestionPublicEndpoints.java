package vn.motcua.questions.web;

import java.util.List;

import org.springframework.stereotype.Component;
import vn.motcua.platform.security.PublicEndpoints;

/**
 * Anyone may read published answers, and may ask a question without an account (with a contact: a name and a phone
 * number or an e-mail address). A signed-in citizen's credentials are still read on the same path.
 */
@Component
class QuestionPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> publicGetPaths() {
        return List.of("/api/v1/questions/public", "/api/v1/questions/public/*",
                "/api/v1/questions/public/*/attachments", "/api/v1/questions/public/*/attachments/*",
                "/api/v1/council/sittings/public",
                "/api/v1/council/sittings/public/*",
                // the asker's follow-up by code and phoneLast4; by id the handler still answers 401 anonymously
                "/api/v1/questions/*");
    }

    @Override
    public List<String> publicPostPaths() {
        return List.of("/api/v1/questions", "/api/v1/questions/follow-up/information");
    }
}
