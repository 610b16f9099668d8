package vn.motcua.platform.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error on {@code /api/**} becomes RFC 9457 problem details with a {@code detail} in the
 * caller's language (Accept-Language, Vietnamese by default) — never a stack trace or an HTML page.
 * Errors on web pages go to the container's error page instead (see {@code templates/error.html}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ProblemWriter problems;
    private final MessageSource messages;

    ApiExceptionHandler(ProblemWriter problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ex.headers().forEach(response::setHeader);
        return respond(request, response, ex.status(), ex.messageKey(), ex.args(), ex.properties());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
                                              HttpServletResponse response) throws IOException {
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.parameter.invalid",
                new Object[]{ex.getName(), String.valueOf(ex.getValue())}, Map.of("parameter", ex.getName()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraint(ConstraintViolationException ex, HttpServletRequest request,
                                            HttpServletResponse response) throws IOException {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.validation", null, Map.of("errors", errors));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex, HttpServletRequest request,
                                                  HttpServletResponse response) throws IOException {
        return respond(request, response, HttpStatus.CONFLICT, "error.concurrent-change", null, Map.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> handleDenied(RuntimeException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return respond(request, response, HttpStatus.FORBIDDEN, "error.forbidden", null, Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (DatabaseUnavailable.isCause(ex)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseUnavailableFilter.rootMessage(ex));
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return respond(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.CODE, null,
                    Map.of());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", null, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> Map.of("field", fe.getField(), "message", messages.getMessage(fe, locale)))
                .toList();
        ProblemDetail pd = problems.problem(HttpStatus.BAD_REQUEST, "error.validation", null, locale);
        pd.setProperty("errors", errors);
        return handleExceptionInternal(ex, pd, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", messages.getMessage(e, locale))))
                .toList();
        ProblemDetail pd = problems.problem(HttpStatus.BAD_REQUEST, "error.validation", null, locale);
        pd.setProperty("errors", errors);
        return handleExceptionInternal(ex, pd, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring MVC's own exceptions (bad JSON, 404, 405, ...): problem details on the API, error page elsewhere. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest swr && !isApi(swr.getRequest())) {
            try {
                swr.getResponse().sendError(statusCode.value());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                           String key, Object[] args, Map<String, Object> extra) throws IOException {
        if (!isApi(request)) {
            response.sendError(status.value());
            return null;
        }
        ProblemDetail pd = problems.problem(status, key, args, LocaleContextHolder.getLocale());
        pd.setInstance(java.net.URI.create(request.getRequestURI()));
        extra.forEach(pd::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
