package vn.motcua.questions.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.QuestionState;
import vn.motcua.questions.internal.CouncilReading;

/** The council member's pages: the questions of the agencies they oversee, and one question, redacted and logged. */
@Controller
class CouncilReadingPages {

    private final CouncilReadingViews views;
    private final CouncilReading reading;

    CouncilReadingPages(CouncilReadingViews views, CouncilReading reading) {
        this.views = views;
        this.reading = reading;
    }

    @GetMapping("/workbench/council/questions")
    String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String state,
                @RequestParam(required = false) Boolean late, @RequestParam(defaultValue = "0") int page,
                Authentication auth, Model model) {
        requireMember(auth);
        var filter = CouncilReadingViews.filter(agency, state, late);
        model.addAttribute("rows", views.list(auth, filter, page));
        model.addAttribute("agencies", reading.agencies(auth.getName()));
        model.addAttribute("states", List.of(QuestionState.values()));
        model.addAttribute("agency", filter.agency());
        model.addAttribute("state", filter.state());
        model.addAttribute("late", filter.late());
        return "questions/council-questions";
    }

    @GetMapping("/workbench/council/questions/{id}")
    String read(@PathVariable UUID id, Authentication auth, Model model) {
        requireMember(auth);
        model.addAttribute("q", views.read(id, auth, "GET /workbench/council/questions/{id}"));
        return "questions/council-question";
    }

    private static void requireMember(Authentication auth) {
        if (!QuestionViews.has(auth, "COUNCIL_MEMBER")) {
            throw ApiException.forbidden("questions.forbidden.agency");
        }
    }
}
