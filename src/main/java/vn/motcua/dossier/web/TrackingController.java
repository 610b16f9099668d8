package vn.motcua.dossier.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.platform.api.ApiException;

/** The public tracking page: dossier code + last 4 digits, no personal data shown. */
@Controller
class TrackingController {

    private final DossierQueries queries;
    private final DossierStore store;
    private final DossierViews views;
    private final MessageSource messages;

    TrackingController(DossierQueries queries, DossierStore store, DossierViews views, MessageSource messages) {
        this.queries = queries;
        this.store = store;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String code, @RequestParam(required = false) String check,
                 Model model, Locale locale) {
        model.addAttribute("code", code);
        if (code == null && check == null) {
            return "dossier/track";
        }
        try {
            Dossier d = queries.track(code, check);
            model.addAttribute("tracking", views.tracking(d, store.events(d.id())));
        } catch (ApiException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "dossier/track";
    }
}
