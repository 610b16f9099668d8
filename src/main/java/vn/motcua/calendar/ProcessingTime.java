package vn.motcua.calendar;

import java.util.Objects;

/**
 * A legal processing time (thời hạn giải quyết): so many working days or working hours. The one shape
 * used by the catalogue (a version's time, a step's quota), the dossier and the deadline arithmetic.
 * Half days are stored as hours (0.5 day = 4 working hours).
 */
public record ProcessingTime(int amount, WorkingTimeUnit unit) {

    /** Working hours in a working day (8 h: 7:30–11:30 and 13:00–17:00 in the reference office hours). */
    public static final int HOURS_PER_WORKING_DAY = 8;

    public ProcessingTime {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("Processing time must not be negative: " + amount);
        }
    }

    public static ProcessingTime workingDays(int n) {
        return new ProcessingTime(n, WorkingTimeUnit.WORKING_DAYS);
    }

    public static ProcessingTime workingHours(int n) {
        return new ProcessingTime(n, WorkingTimeUnit.WORKING_HOURS);
    }

    /** The time in working hours, a working day counting {@link #HOURS_PER_WORKING_DAY}. */
    public int inWorkingHours() {
        return unit == WorkingTimeUnit.WORKING_DAYS ? amount * HOURS_PER_WORKING_DAY : amount;
    }
}
