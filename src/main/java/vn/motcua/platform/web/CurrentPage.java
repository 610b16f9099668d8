package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Gives every page the links it needs to switch language while staying on the same page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class CurrentPage {

    @ModelAttribute("langViUrl")
    String langVi(HttpServletRequest request) {
        return withLang(request, "vi");
    }

    @ModelAttribute("langEnUrl")
    String langEn(HttpServletRequest request) {
        return withLang(request, "en");
    }

    private static String withLang(HttpServletRequest request, String lang) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", lang)
                .build().toUriString().replaceFirst("^https?://[^/]+", "");
    }
}
