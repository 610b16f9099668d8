package vn.motcua.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one time zone of the system (Asia/Ho_Chi_Minh, UTC+7 without daylight saving): legal dates, deadlines,
 * registers and pages are all read in it, never in the JVM's default zone. "Now" always comes from the injected
 * {@link Clock}.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    /** Today's date in Vietnam by the clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The date in Vietnam of an instant. */
    public static LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }
}
