package vn.motcua.assistant.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.Assistant;

/**
 * The home page's question box: htmx asks {@code /assistant?q=…} and swaps in the answers fragment; without
 * JavaScript the same URL renders a whole page with the box and the answers.
 */
@Controller
class AssistantPageController {

    private final Assistant assistant;
    private final String questionChannel;

    AssistantPageController(Assistant assistant,
                            @Value("${motcua.assistant.question-channel:/questions/new}") String questionChannel) {
        this.assistant = assistant;
        this.questionChannel = questionChannel;
    }

    @GetMapping("/assistant")
    String ask(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
               @RequestParam(required = false) String only, Model model, Locale locale, HttpServletRequest request) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("questionChannel", questionChannel);
        if (q != null && !q.isBlank()) {
            String question = q.length() > Assistant.MAX_QUESTION ? q.substring(0, Assistant.MAX_QUESTION) : q;
            String u = unit != null && unit.strip().matches("[A-Za-z0-9._-]{1,20}") ? unit.strip() : null;
            Answers answers = assistant.ask(question, u, 5, locale);
            if (only != null && !only.isBlank()) {
                // a clarify option was chosen: keep the answers it names, in their order
                java.util.Set<String> keep = java.util.Set.of(only.split(","));
                answers = new Answers(answers.answers().stream().filter(a -> keep.contains(a.code())).toList(),
                        answers.noMatch(), null);
            }
            model.addAttribute("answers", answers);
        }
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        return htmx ? "assistant/answers :: answers" : "assistant/page";
    }
}
