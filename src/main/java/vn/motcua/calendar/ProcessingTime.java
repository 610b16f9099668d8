package vn.motcua.calendar;

import java.util.Objects;

/** A legal processing time: so many working days or working hours. */
public record ProcessingTime(int amount, WorkingTimeUnit unit) {

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
}
