package vn.motcua.dossier.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.throttle.Throttle;
import vn.motcua.platform.throttle.TooManyAttempts;

/** The public tracking page: dossier code + last 4 digits, no personal data shown. */
@Controller
class TrackingController {

    private final DossierQueries queries;
    private final DossierStore store;
    private final DossierViews views;
    private final MessageSource messages;
    private final Throttle throttle;

    TrackingController(DossierQueries queries, DossierStore store, DossierViews views, MessageSource messages,
                       Throttle throttle) {
        this.throttle = throttle;
        this.queries = queries;
        this.store = store;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String code, @RequestParam(required = false) String check,
                 Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code == null && check == null) {
            return "dossier/track";
        }
        try {
            Dossier d = throttle.trackingCheck(request, code, () -> queries.track(code, check))
                    .orElseThrow(() -> ApiException.notFound("dossier.track.notFound"));
            model.addAttribute("tracking", views.tracking(d, store.events(d.id())));
        } catch (TooManyAttempts e) {
            response.setStatus(e.status().value());
            e.headers().forEach(response::setHeader);
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        } catch (ApiException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "dossier/track";
    }
}
