package vn.motcua.questions.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.motcua.dossier.OfficerDossierAccess;
import vn.motcua.questions.internal.QuestionLinkQueries;
import vn.motcua.questions.internal.QuestionService;

/**
 * The questions about a dossier, on the dossier's workbench pages (loaded after the page, like the appraisal panel):
 * for officers who may see the dossier by the dossier module's own rule.
 */
@Controller
class DossierQuestionsPanel {

    private final OfficerDossierAccess dossiers;
    private final QuestionLinkQueries links;
    private final QuestionViews views;
    private final QuestionService questions;

    DossierQuestionsPanel(OfficerDossierAccess dossiers, QuestionLinkQueries links, QuestionViews views,
                          QuestionService questions) {
        this.dossiers = dossiers;
        this.links = links;
        this.views = views;
        this.questions = questions;
    }

    @GetMapping("/workbench/questions/dossier/{id}")
    String panel(@PathVariable UUID id, Authentication auth, Model model) {
        var d = dossiers.visibleTo(id, auth);
        var now = questions.now();
        model.addAttribute("items", links.aboutDossier(d.id()).stream().map(q -> views.listed(q, now)).toList());
        return "questions/dossier-include :: list";
    }
}
