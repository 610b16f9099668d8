package vn.motcua.platform.throttle;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.platform.api.ProblemWriter;

/**
 * Per-client request rates for what is expensive to answer and open to everyone: catalogue search (the API's
 * {@code GET /api/v1/procedures} and the {@code /procedures} page) and the assistant ({@code /api/v1/assistant/**},
 * reserved). Over the limit the API answers 429 problem details and the page the error page, both with
 * {@code Retry-After}. Runs before the security filters, so an unauthenticated flood is stopped first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RequestRateFilter extends OncePerRequestFilter {

    private final Throttle throttle;
    private final ProblemWriter problems;

    RequestRateFilter(Throttle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String scope = scope(request.getMethod(), path);
        if (scope != null) {
            Limit limit = scope.equals("search") ? throttle.limits().search() : throttle.limits().assistant();
            Duration wait = throttle.request(scope, throttle.client(request), limit);
            if (!wait.isZero()) {
                TooManyAttempts refused = new TooManyAttempts("throttle.requests", wait);
                if (path.startsWith("/api/")) {
                    problems.write(request, response, refused);
                } else {
                    response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
                    response.sendError(refused.status().value());
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Which limit applies: {@code search}, {@code assistant}, or none (null). */
    static String scope(String method, String path) {
        if (path.equals("/api/v1/assistant") || path.startsWith("/api/v1/assistant/")) {
            return "assistant";
        }
        if ("GET".equals(method) && (path.equals("/api/v1/procedures") || path.equals("/procedures"))) {
            return "search";
        }
        return null;
    }
}
