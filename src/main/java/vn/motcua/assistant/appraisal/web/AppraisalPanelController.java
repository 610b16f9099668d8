package vn.motcua.assistant.appraisal.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.motcua.assistant.appraisal.AppraisalService;
import vn.motcua.dossier.OfficerDossierAccess;

/** The appraisal panel, an HTML fragment the reception and processing pages load with htmx. */
@Controller
class AppraisalPanelController {

    private final OfficerDossierAccess access;
    private final AppraisalService appraisals;

    AppraisalPanelController(OfficerDossierAccess access, AppraisalService appraisals) {
        this.access = access;
        this.appraisals = appraisals;
    }

    @GetMapping("/workbench/appraisal/{id}")
    String panel(@PathVariable UUID id, Authentication auth, Model model) {
        OfficersOnly.require(auth);
        model.addAttribute("a", appraisals.appraise(access.visibleTo(id, auth)));
        return "assistant/appraisal-panel";
    }
}
