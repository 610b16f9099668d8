package vn.motcua.platform.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.platform.text.InputText;

/**
 * The one place where every API request is shaped before any controller sees it (after authentication,
 * so that anonymous callers get the small cap): the query string's length and characters (NUL, control
 * characters and bidi overrides are refused naming the parameter), the {@code Idempotency-Key} header
 * (printable ASCII), and the body's size — by {@code Content-Length} at once, and by counting while it is
 * read for chunked bodies. JSON fields are checked by the strict JSON configuration.
 */
public class ApiInputFilter extends OncePerRequestFilter {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private final BodyLimits limits;
    private final ProblemWriter problems;

    public ApiInputFilter(BodyLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null) {
            if (query.length() > limits.queryString()) {
                problems.write(request, response, HttpStatus.URI_TOO_LONG, "error.uriTooLong",
                        new Object[]{limits.queryString()}, Map.of("limit", limits.queryString()));
                return;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name == null || value == null) {
                    problems.write(request, response, HttpStatus.BAD_REQUEST, "error.parameter.encoding",
                            new Object[]{InputText.printable(pair)}, Map.of());
                    return;
                }
                int bad = Math.max(InputText.firstForbiddenInLine(name), InputText.firstForbidden(value));
                if (bad >= 0) {
                    String character = InputText.firstForbiddenInLine(name) >= 0
                            ? InputText.describe(name, InputText.firstForbiddenInLine(name))
                            : InputText.describe(value, InputText.firstForbidden(value));
                    String shown = InputText.printable(name);
                    problems.write(request, response, HttpStatus.BAD_REQUEST, "error.parameter.forbiddenCharacter",
                            new Object[]{shown, character}, Map.of("parameter", shown));
                    return;
                }
            }
        }
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !validKey(key)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "error.header.invalid",
                    new Object[]{IDEMPOTENCY_KEY, limits.idempotencyKey()}, Map.of("header", IDEMPOTENCY_KEY));
            return;
        }
        long limit = limits.limitFor(request.getRequestURI().substring(request.getContextPath().length()), anonymous());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge",
                    new Object[]{BodyLimits.human(limit)}, Map.of("limit", limit));
            response.setHeader("Connection", "close");
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    private boolean validKey(String key) {
        if (key.isEmpty() || key.length() > limits.idempotencyKey()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
    }

    /** The request with a body that fails once more than {@code limit} bytes have been read. */
    static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    private void add(long n) throws IOException {
                        if (n > 0) {
                            count += n;
                            if (count > limit) {
                                throw new BodyLimits.BodyTooLargeException(limit);
                            }
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        add(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        add(n);
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }
    }
}
