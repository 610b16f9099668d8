package vn.motcua.platform.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}): whatever ended in {@code sendError} — a security denial, a
 * firewall rejection, an actuator 404, an exception outside Spring MVC — answers problem details with the
 * project's stable {@code code} on {@code /api/**} and {@code /actuator/**}, and the friendly page
 * ({@code templates/error.html}) everywhere else. Replaces Spring Boot's default JSON error body.
 */
@Controller
class ErrorResponses implements ErrorController {

    private final ProblemWriter problems;

    ErrorResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus() >= 400 ? response.getStatus() : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = ApiPaths.isApi(request.getContextPath(), uri == null ? request.getRequestURI() : String.valueOf(uri));
        HttpStatus s = ApiPaths.status(status);
        if (api) {
            problems.write(new OriginalUri(request, uri), response, s, ApiPaths.codeFor(s.value()), null, Map.of());
            return null;
        }
        return new ModelAndView("error", Map.of("status", s.value()), s);
    }

    /** The failed request's URI as the problem's {@code instance}, not {@code /error}. */
    private static final class OriginalUri extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final Object uri;

        OriginalUri(HttpServletRequest request, Object uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri == null ? super.getRequestURI() : String.valueOf(uri);
        }
    }
}
