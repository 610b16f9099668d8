package vn.motcua.platform.throttle;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import vn.motcua.platform.api.ApiException;

/** 429 with a {@code Retry-After} header (whole seconds, rounded up) and the wait in the message. */
public class TooManyAttempts extends ApiException {

    private final Duration retryAfter;

    public TooManyAttempts(String messageKey, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, messageKey, minutes(retryAfter), seconds(retryAfter));
        this.retryAfter = retryAfter;
        header("Retry-After", String.valueOf(seconds(retryAfter)));
        with("retryAfter", seconds(retryAfter));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    static long seconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    static long minutes(Duration d) {
        return Math.max(1, (seconds(d) + 59) / 60);
    }
}
