package vn.motcua.questions.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.throttle.TooManyAttempts;

/** The public follow-up page: a question's code and the last four digits of the contact phone (see {@link FollowUps}). */
@Controller
class FollowUpPages {

    private final FollowUps followUps;
    private final MessageSource messages;

    FollowUpPages(FollowUps followUps, MessageSource messages) {
        this.followUps = followUps;
        this.messages = messages;
    }

    @GetMapping("/questions/follow")
    String follow(@RequestParam(required = false) String code, @RequestParam(required = false) String phoneLast4,
                  Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("code", code);
        if (code == null && phoneLast4 == null) {
            return "questions/follow";
        }
        return answer(model, locale, response, () -> followUps.find(code, phoneLast4, request), false);
    }

    @PostMapping("/questions/follow")
    String supply(@RequestParam(required = false) String code, @RequestParam(required = false) String phoneLast4,
                  @RequestParam(required = false) String text, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("code", code);
        return answer(model, locale, response, () -> followUps.supply(code, phoneLast4, text, request), true);
    }

    private String answer(Model model, Locale locale, HttpServletResponse response,
                          java.util.function.Supplier<FollowUps.FollowUp> action, boolean supplied) {
        try {
            model.addAttribute("item", action.get());
            model.addAttribute("supplied", supplied);
        } catch (TooManyAttempts e) {
            response.setStatus(e.status().value());
            e.headers().forEach(response::setHeader);
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return "questions/follow";
    }
}
