package vn.motcua.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A stop of the clock, e.g. from a supplement request to the applicant's supply.
 *
 * @param from when the pause began
 * @param to   when it ended, or {@code null} while it is still open
 */
public record Pause(Instant from, Instant to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A pause cannot end before it begins: " + from + " > " + to);
        }
    }

    public boolean open() {
        return to == null;
    }
}
