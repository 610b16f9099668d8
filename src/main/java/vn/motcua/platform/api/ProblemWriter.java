package vn.motcua.platform.api;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a localised {@code detail}, and writes them outside Spring
 * MVC (security filters, which run before any controller).
 */
@Component
public class ProblemWriter {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    ProblemWriter(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public ProblemDetail problem(HttpStatus status, String messageKey, Object[] args, Locale locale) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        pd.setDetail(messages.getMessage(messageKey, args, messageKey, locale));
        pd.setType(URI.create("https://motcua.vn/problems/" + messageKey.replace('.', '-')));
        pd.setProperty("code", messageKey);
        return pd;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String messageKey) throws IOException {
        write(request, response, status, messageKey, null, java.util.Map.of());
    }

    /** Writes an {@link ApiException} as problem details, with its arguments, extra members and headers. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException failure)
            throws IOException {
        if (!response.isCommitted()) {
            failure.headers().forEach(response::setHeader);
        }
        write(request, response, failure.status(), failure.messageKey(), failure.args(), failure.properties());
    }

    /** Writes problem details directly (filters, the error page controller, Tomcat's error valve). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String messageKey, Object[] args, java.util.Map<String, Object> properties) throws IOException {
        Locale locale;
        try {
            locale = localeResolver.resolveLocale(request);
        } catch (RuntimeException e) {
            locale = vn.motcua.platform.web.WebConfiguration.VIETNAMESE;
        }
        ProblemDetail pd = problem(status, messageKey, args, locale);
        String uri = request.getRequestURI();
        if (uri != null && vn.motcua.platform.text.InputText.firstForbiddenInLine(uri) < 0) {
            try {
                pd.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // a request line Tomcat refused; the problem goes out without an instance
            }
        }
        properties.forEach(pd::setProperty);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\"");
        }
        response.getOutputStream().write(json.writeValueAsBytes(pd));
        response.flushBuffer();
    }
}
