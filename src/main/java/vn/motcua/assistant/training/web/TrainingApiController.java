package vn.motcua.assistant.training.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.assistant.training.Briefing;
import vn.motcua.assistant.training.Quiz;
import vn.motcua.assistant.training.TrainingQueries;
import vn.motcua.assistant.training.TrainingService;
import vn.motcua.dossier.OfficerDossierAccess;
import vn.motcua.platform.api.ApiException;

@RestController
@Tag(name = "Training", description = "Training for new duties: queue, briefing, quiz, completion, assignment warning")
class TrainingApiController {

    private final TrainingService training;
    private final OfficerDossierAccess dossiers;

    TrainingApiController(TrainingService training, OfficerDossierAccess dossiers) {
        this.training = training;
        this.dossiers = dossiers;
    }

    @GetMapping("/api/v1/training/me")
    @Operation(summary = "The caller's training queue: procedures new to them, open ones first")
    List<TrainingQueries.Assignment> mine(Authentication auth) {
        TrainingAccess.officer(auth);
        return training.queue(auth.getName());
    }

    @GetMapping("/api/v1/training/procedures/{code}/briefing")
    @Operation(summary = "A procedure's briefing, generated from the catalogue in force, its rules and history")
    Briefing briefing(@PathVariable String code, Authentication auth) {
        TrainingAccess.officer(auth);
        return training.briefing(TrainingAccess.code(code));
    }

    @GetMapping("/api/v1/training/procedures/{code}/quiz")
    @Operation(summary = "A procedure's quiz (questions and options; the answers stay on the server)")
    List<Quiz.Shown> quiz(@PathVariable String code, Authentication auth) {
        TrainingAccess.officer(auth);
        return training.quiz(TrainingAccess.code(code)).shown();
    }

    @PostMapping("/api/v1/training/procedures/{code}/quiz")
    @Operation(summary = "Answers (question id → option index); completes the caller's training when passed")
    TrainingService.Outcome answer(@PathVariable String code, @RequestBody Map<String, Integer> answers,
                                   Authentication auth) {
        TrainingAccess.officer(auth);
        return training.submit(auth.getName(), TrainingAccess.code(code), answers == null ? Map.of() : answers);
    }

    @GetMapping("/api/v1/training/agencies/{agency}")
    @Operation(summary = "Who in the agency still needs which training (leaders, administrators, auditors)")
    List<TrainingQueries.Assignment> agency(@PathVariable String agency, Authentication auth) {
        TrainingAccess.leader(auth);
        return training.ofAgency(agency);
    }

    @GetMapping("/api/v1/dossiers/{id}/assignment-check")
    @Operation(summary = "Whether assigning the dossier to this officer needs a warning (training not completed), "
            + "and whether such assignments are blocked by the setting")
    TrainingService.AssignmentCheck check(@PathVariable UUID id, @RequestParam String assignee, Authentication auth) {
        TrainingAccess.officer(auth);
        if (assignee.isBlank() || assignee.length() > 100) {
            throw ApiException.badRequest("training.assignee");
        }
        return training.check(assignee, dossiers.visibleTo(id, auth).procedureCode());
    }
}
