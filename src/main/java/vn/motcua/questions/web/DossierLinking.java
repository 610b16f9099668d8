package vn.motcua.questions.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierTracking;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.throttle.Throttle;
import vn.motcua.questions.internal.QuestionDossiers;
import vn.motcua.questions.internal.SubmitQuestion;
import vn.motcua.questions.internal.Who;

/**
 * A question's {@code dossierCode}, resolved before anything is stored: under the tracking throttle (a wrong code
 * counts like a wrong tracking check), and one 422 for an unknown code and a dossier the asker may not see, so the
 * answer never tells a stranger whether a code exists.
 */
@Component
class DossierLinking {

    private final QuestionDossiers dossiers;
    private final Throttle throttle;

    DossierLinking(QuestionDossiers dossiers, Throttle throttle) {
        this.dossiers = dossiers;
        this.throttle = throttle;
    }

    /** The dossier to link, or null when the question names none. */
    DossierTracking.Tracked resolve(SubmitQuestion cmd, Who who, HttpServletRequest request) {
        String code = cmd.dossierCode();
        if (code == null || code.isBlank()) {
            return null;
        }
        String phone = cmd.contact() == null ? null : cmd.contact().phone();
        return throttle.trackingCheck(request, code, () -> dossiers.visible(code, who, phone))
                .orElseThrow(() -> ApiException.unprocessable("questions.dossier.notVisible", code.strip())
                        .with("errors", List.of(Map.of("field", "dossierCode", "code", "questions.dossier.notVisible"))));
    }
}
