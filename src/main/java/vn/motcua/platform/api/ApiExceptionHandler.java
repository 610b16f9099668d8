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
import org.springframework.http.converter.HttpMessageNotReadableException;
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

    /**
     * Spring MVC's own exceptions (bad JSON, 404, 405, 415, ...): problem details with the project's stable
     * {@code code} and a localised {@code detail} on the API, the error page elsewhere.
     */
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
        if (body instanceof ProblemDetail pd && pd.getProperties() != null && pd.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        Locale locale = LocaleContextHolder.getLocale();
        Problem p = classify(ex, statusCode.value());
        ProblemDetail pd = problems.problem(p.status(), p.key(), p.args(), locale);
        p.properties().forEach(pd::setProperty);
        if (request instanceof ServletWebRequest swr) {
            pd.setInstance(java.net.URI.create(swr.getRequest().getRequestURI()));
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, pd, out, p.status(), request);
    }

    record Problem(HttpStatus status, String key, Object[] args, Map<String, Object> properties) {
        Problem(HttpStatus status, String key, Object... args) {
            this(status, key, args, Map.of());
        }
    }

    /** The problem for one of Spring MVC's exceptions. */
    static Problem classify(Exception ex, int status) {
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (ex instanceof org.springframework.web.HttpRequestMethodNotSupportedException m) {
            return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed", m.getMethod());
        }
        if (ex instanceof org.springframework.web.HttpMediaTypeNotSupportedException m) {
            return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType",
                    m.getContentType() == null ? "" : m.getContentType().getType() + "/" + m.getContentType().getSubtype());
        }
        if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            return new Problem(HttpStatus.BAD_REQUEST, "error.parameter.missing", new Object[]{m.getParameterName()},
                    Map.of("parameter", m.getParameterName()));
        }
        if (ex instanceof org.springframework.web.bind.MissingRequestHeaderException m) {
            return new Problem(HttpStatus.BAD_REQUEST, "error.header.missing", new Object[]{m.getHeaderName()},
                    Map.of("header", m.getHeaderName()));
        }
        if (ex instanceof org.springframework.beans.TypeMismatchException m) {
            String name = m.getPropertyName() == null ? "" : m.getPropertyName();
            return new Problem(HttpStatus.BAD_REQUEST, "error.parameter.invalid",
                    new Object[]{name, vn.motcua.platform.text.InputText.printable(String.valueOf(m.getValue()))},
                    Map.of("parameter", name));
        }
        if (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return new Problem(HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge");
        }
        if (ex instanceof org.springframework.web.multipart.MultipartException) {
            return new Problem(HttpStatus.BAD_REQUEST, "error.body.unreadable");
        }
        HttpStatus s = ApiPaths.status(status);
        return new Problem(s, ApiPaths.codeFor(s.value()));
    }

    /** Unreadable body: missing, too large, malformed, a wrong type or a forbidden character in a field. */
    static Problem unreadable(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimits.BodyTooLargeException tooLarge) {
                return new Problem(HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge", new Object[]{tooLarge.limitText()},
                        Map.of("limit", tooLarge.limit()));
            }
            if (t instanceof StrictJsonConfiguration.ForbiddenTextException bad) {
                String field = fieldOf(ex);
                return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.field.forbiddenCharacter",
                        new Object[]{field, bad.character()}, Map.of("errors", List.of(Map.of("field", field,
                        "code", "error.field.forbiddenCharacter"))));
            }
            if (t instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
                String field = fieldOf(ex);
                return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.field.unknown", new Object[]{field},
                        Map.of("errors", List.of(Map.of("field", field, "code", "error.field.unknown"))));
            }
            if (t instanceof tools.jackson.databind.exc.MismatchedInputException m
                    && (!m.getPath().isEmpty() || m.getTargetType() != null && m.getMessage() != null
                    && !m.getMessage().startsWith("No content"))) {
                String field = fieldOf(ex);
                String expected = expected(m.getTargetType());
                return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.field.type", new Object[]{field, expected},
                        Map.of("errors", List.of(Map.of("field", field, "code", "error.field.type", "expected", expected))));
            }
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException) {
                return new Problem(HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge", new Object[]{""}, Map.of());
            }
        }
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (message.startsWith("Required request body is missing")) {
            return new Problem(HttpStatus.BAD_REQUEST, "error.body.missing");
        }
        return new Problem(HttpStatus.BAD_REQUEST, "error.body.unreadable");
    }

    /** The JSON path of the field a Jackson failure is about, e.g. {@code applicant.name} or {@code attachments[0]}. */
    static String fieldOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (var ref : j.getPath()) {
                    if (ref.getPropertyName() != null) {
                        if (!b.isEmpty()) {
                            b.append('.');
                        }
                        b.append(vn.motcua.platform.text.InputText.printable(ref.getPropertyName()));
                    } else if (ref.getIndex() >= 0) {
                        b.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return b.toString();
            }
        }
        return "";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
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
        return ApiPaths.isApi(request);
    }
}
