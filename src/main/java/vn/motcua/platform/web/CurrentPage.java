package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Gives every rendered page the links it needs to switch language while staying on the same page. An interceptor
 * rather than a {@code @ModelAttribute} advice: it runs only when a view is rendered, not on every API call.
 */
class CurrentPage implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || !view.hasView() || view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
            return;
        }
        view.addObject("langViUrl", withLang(request, "vi"));
        view.addObject("langEnUrl", withLang(request, "en"));
    }

    private static String withLang(HttpServletRequest request, String lang) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", lang)
                .build().toUriString().replaceFirst("^https?://[^/]+", "");
    }
}
