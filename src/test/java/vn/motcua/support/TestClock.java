package vn.motcua.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests (the primary {@link Clock} bean, see {@link IntegrationTest}): the
 * system clock moved by an offset a test sets, so code that takes the injected clock can be shown a later "now"
 * instead of back-dating rows in SQL. It keeps running (timestamps still order), and one context serves many test
 * classes: a test that moves it puts it back ({@link #reset()}) in its {@code @AfterEach}/{@code finally}. While moved,
 * everything that asks the clock sees the later time (scheduled jobs too), so move it only for the steps that need it.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves now forward (or back, with a negative duration) from wherever it is. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Makes now that instant (and running on from it). */
    public void moveTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Back to the system clock. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Clock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
