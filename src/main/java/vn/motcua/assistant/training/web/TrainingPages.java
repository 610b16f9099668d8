package vn.motcua.assistant.training.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.assistant.training.TrainingService;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.OfficerDossierAccess;

/** The officer's training queue, a procedure's briefing and quiz, an agency's overview, and the assignment warning. */
@Controller
class TrainingPages {

    private final TrainingService training;
    private final OfficerDossierAccess dossiers;

    TrainingPages(TrainingService training, OfficerDossierAccess dossiers) {
        this.training = training;
        this.dossiers = dossiers;
    }

    @GetMapping("/workbench/training")
    String queue(Authentication auth, Model model) {
        TrainingAccess.officer(auth);
        model.addAttribute("items", training.queue(auth.getName()));
        return "assistant/training-queue";
    }

    @GetMapping("/workbench/training/{code}")
    String procedure(@PathVariable String code, Authentication auth, Model model) {
        TrainingAccess.officer(auth);
        model.addAttribute("b", training.briefing(TrainingAccess.code(code)));
        model.addAttribute("quiz", training.quiz(code).shown());
        return "assistant/training-procedure";
    }

    @PostMapping("/workbench/training/{code}")
    String answer(@PathVariable String code, @RequestParam Map<String, String> form, Authentication auth, Model model) {
        TrainingAccess.officer(auth);
        Map<String, Integer> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("q-") && v.matches("\\d")) {
                answers.put(k.substring(2), Integer.parseInt(v));
            }
        });
        model.addAttribute("outcome", training.submit(auth.getName(), TrainingAccess.code(code), answers));
        model.addAttribute("b", training.briefing(code));
        model.addAttribute("quiz", training.quiz(code).shown());
        return "assistant/training-procedure";
    }

    @GetMapping("/workbench/training/agencies/{agency}")
    String agency(@PathVariable String agency, Authentication auth, Model model) {
        TrainingAccess.leader(auth);
        model.addAttribute("agency", agency);
        model.addAttribute("items", training.ofAgency(agency));
        return "assistant/training-agency";
    }

    /** Fragment for the processing page: who in the dossier's agency has not completed this procedure's training. */
    @GetMapping("/workbench/training/dossier/{id}/warning")
    String warning(@PathVariable UUID id, Authentication auth, Model model) {
        TrainingAccess.officer(auth);
        Dossier d = dossiers.visibleTo(id, auth);
        model.addAttribute("untrained", d.agencyCode() == null ? java.util.List.of() : training.ofAgency(d.agencyCode())
                .stream().filter(a -> a.procedureCode().equals(d.procedureCode()) && !a.completed()).toList());
        model.addAttribute("blocking", training.blocking());
        return "assistant/training-warning";
    }
}
