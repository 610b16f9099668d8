package vn.motcua.platform.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Input limits at the edge of the API ({@code motcua.api.*}), enforced for every endpoint by {@link ApiInputFilter}.
 *
 * @param anonymousBody  the largest body a caller without credentials may send (the public e-form check)
 * @param body           the largest body of a signed-in caller, unless {@code bodies} says otherwise
 * @param bodies         per-endpoint caps by Ant path pattern (endpoints that carry attachments)
 * @param anonymousBodies per-endpoint caps for callers without credentials, by Ant path pattern: the few public
 *                       endpoints that take a file (a result checked by upload); every other anonymous call keeps
 *                       {@code anonymousBody}
 * @param queryString    the longest query string, in characters
 * @param idempotencyKey the longest {@code Idempotency-Key} header (printable ASCII only)
 */
@ConfigurationProperties("motcua.api")
public record BodyLimits(@DefaultValue("64KB") DataSize anonymousBody,
                         @DefaultValue("16MB") DataSize body,
                         Map<String, DataSize> bodies,
                         Map<String, DataSize> anonymousBodies,
                         @DefaultValue("4096") int queryString,
                         @DefaultValue("128") int idempotencyKey) {

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    public BodyLimits {
        Map<String, DataSize> all = new LinkedHashMap<>();
        // Submissions and supplements carry up to 20 attachments of 10 MB, base64 in JSON.
        all.put("/api/v1/dossiers", DataSize.ofMegabytes(64));
        all.put("/api/v1/dossiers/*/*", DataSize.ofMegabytes(64));
        if (bodies != null) {
            all.putAll(bodies);
        }
        bodies = Map.copyOf(all);
        anonymousBodies = anonymousBodies == null ? Map.of() : Map.copyOf(anonymousBodies);
    }

    /** The cap for a request to {@code path}. */
    public long limitFor(String path, boolean anonymous) {
        if (anonymous) {
            return anonymousBodies.entrySet().stream().filter(e -> MATCHER.match(e.getKey(), path))
                    .mapToLong(e -> e.getValue().toBytes()).max().orElse(anonymousBody.toBytes());
        }
        return bodies.entrySet().stream().filter(e -> MATCHER.match(e.getKey(), path))
                .mapToLong(e -> e.getValue().toBytes()).max().orElse(body.toBytes());
    }

    static String human(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " B";
    }

    /** A body grew past its cap while being read (a chunked upload without Content-Length). */
    public static final class BodyTooLargeException extends java.io.IOException {
        private final long limit;

        public BodyTooLargeException(long limit) {
            super("Request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        public String limitText() {
            return human(limit);
        }
    }
}
