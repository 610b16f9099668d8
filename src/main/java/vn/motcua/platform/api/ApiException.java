package vn.motcua.platform.api;

import org.springframework.http.HttpStatus;

/**
 * A user-facing failure: an HTTP status and a message key (with arguments) that is rendered in the
 * caller's language, as problem details on the API and as an error message on pages.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final transient java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
    private final transient java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static ApiException notFound(String messageKey, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, messageKey, args);
    }

    public static ApiException badRequest(String messageKey, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, messageKey, args);
    }

    public static ApiException conflict(String messageKey, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, messageKey, args);
    }

    public static ApiException forbidden(String messageKey, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, messageKey, args);
    }

    public static ApiException unprocessable(String messageKey, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, args);
    }

    /** Adds a member to the problem details, e.g. {@code errors} with field-level messages. */
    public ApiException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
