package vn.motcua.questions.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.internal.CouncilScopes;
import vn.motcua.questions.internal.CouncilSittingStore;
import vn.motcua.questions.internal.CouncilSittings;
import vn.motcua.questions.internal.Redactor;
import vn.motcua.questions.internal.Who;

/**
 * Pages of "Dân hỏi – Chính quyền trả lời": the published sittings ({@code /questions/sittings}, public), and on the
 * workbench the council member's sittings (create, select questions and leaders, close and publish) and the leader's
 * answers ({@code /workbench/council/sittings}).
 */
@Controller
class CouncilPages {

    private final CouncilSittings sittings;
    private final CouncilScopes scopes;
    private final QuestionViews views;
    private final MessageSource messages;

    CouncilPages(CouncilSittings sittings, CouncilScopes scopes, QuestionViews views, MessageSource messages) {
        this.sittings = sittings;
        this.scopes = scopes;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/questions/sittings")
    String published(Model model) {
        model.addAttribute("sittings", sittings.publishedSittings());
        return "questions/sittings";
    }

    @GetMapping("/questions/sittings/{id}")
    String publishedSitting(@PathVariable UUID id, Model model) {
        model.addAttribute("sitting", CouncilApi.publicSitting(sittings, id));
        return "questions/sitting";
    }

    @GetMapping("/workbench/council/sittings")
    String mine(Authentication auth, Model model) {
        Who who = views.who(auth);
        model.addAttribute("units", scopes.units(who.username()));
        model.addAttribute("sittings", sittings.mine(who));
        model.addAttribute("assigned", sittings.assignedTo(who));
        return "questions/council-sittings";
    }

    @PostMapping("/workbench/council/sittings")
    String create(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String title,
                  @RequestParam(required = false) LocalDate date, Authentication auth, RedirectAttributes flash,
                  Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        String wrongDate = vn.motcua.platform.web.DateInputs.wrongDate(request, "date", "questions.sittings.date", messages, locale);
        if (wrongDate != null) {
            flash.addFlashAttribute("error", wrongDate);
            return "redirect:/workbench/council/sittings";
        }
        try {
            CouncilSittingStore.Sitting s = sittings.create(unitCode, title, date, views.who(auth));
            return "redirect:/workbench/council/sittings/" + s.id();
        } catch (ApiException e) {
            flash.addFlashAttribute("error", message(e, locale));
            return "redirect:/workbench/council/sittings";
        }
    }

    @GetMapping("/workbench/council/sittings/{id}")
    String sitting(@PathVariable UUID id, Authentication auth, Model model) {
        Who who = views.who(auth);
        CouncilSittingStore.Sitting s = sittings.visible(id, who);
        boolean member = scopes.units(who.username()).contains(s.unitCode());
        model.addAttribute("sitting", s);
        model.addAttribute("member", member);
        model.addAttribute("me", who.username());
        model.addAttribute("selections", sittings.selections(id));
        if (member && !s.closed()) {
            model.addAttribute("candidates", sittings.candidates(id, who).stream()
                    .map(q -> new String[]{q.id().toString(), q.code() + " — " + q.agencyCode() + " — "
                            + Redactor.redact(q.subject(), q.contact().name()).text()}).toList());
        }
        return "questions/council-sitting";
    }

    @PostMapping("/workbench/council/sittings/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) UUID questionId,
               @RequestParam(required = false) String leader, @RequestParam(required = false) LocalDate answerBy,
               @RequestParam(required = false) String answer, Authentication auth, RedirectAttributes flash,
               Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        Who who = views.who(auth);
        String wrongDate = vn.motcua.platform.web.DateInputs.wrongDate(request, "answerBy", "questions.council.answerBy", messages, locale);
        if (wrongDate != null) {
            flash.addFlashAttribute("error", wrongDate);
            return "redirect:/workbench/council/sittings/" + id;
        }
        try {
            switch (action) {
                case "selections" -> sittings.select(id, questionId, leader, answerBy, who);
                case "answer" -> sittings.answer(id, questionId, answer, who);
                case "close" -> flash.addFlashAttribute("closed", sittings.close(id, null, who) != null
                        ? sittings.selectionsOf(id).size() : 0);
                default -> throw ApiException.notFound("questions.sitting.notFound");
            }
            flash.addFlashAttribute("done", true);
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/workbench/council/sittings/" + id;
    }

    /** The message for a date typed in three boxes that cannot be (31/02, a part missing), null when it is fine. */
    private String message(ApiException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    }
}
