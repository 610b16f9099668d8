package vn.motcua.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** Which requests get problem details rather than a web page, and the stable code for a bare HTTP status. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** {@code /api/**} and {@code /actuator/**} (the raw URI, as the client sent it). */
    public static boolean isApi(String contextPath, String requestUri) {
        if (requestUri == null) {
            return false;
        }
        String path = contextPath == null ? requestUri : requestUri.startsWith(contextPath)
                ? requestUri.substring(contextPath.length()) : requestUri;
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("/api/") || lower.equals("/api") || lower.startsWith("/api;")
                || lower.startsWith("/actuator/") || lower.equals("/actuator") || lower.startsWith("/actuator;");
    }

    public static boolean isApi(HttpServletRequest request) {
        return isApi(request.getContextPath(), request.getRequestURI());
    }

    /** The message key of a status when nothing more specific is known. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "error.badRequest";
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "error.methodNotAllowed";
            case 406 -> "error.notAcceptable";
            case 408 -> "error.timeout";
            case 409 -> "error.concurrent-change";
            case 413 -> "error.body.tooLarge";
            case 414 -> "error.uriTooLong";
            case 415 -> "error.mediaType";
            case 422 -> "error.validation";
            case 429 -> "error.tooManyRequests";
            case 431 -> "error.headersTooLarge";
            case 503 -> "error.unavailable";
            default -> status >= 500 ? "error.internal" : "error.badRequest";
        };
    }

    public static HttpStatus status(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        return s == null ? (status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST) : s;
    }
}
