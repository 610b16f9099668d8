package vn.motcua.catalogue;

/**
 * A legal processing time (thời hạn giải quyết) in working days or working hours. Same shape as the
 * calendar module's processing time so the lead can reconcile the two. Half days are stored as hours
 * (0.5 day = 4 working hours).
 */
public record ProcessingTime(int amount, Unit unit) {

    public static final int HOURS_PER_DAY = 8;

    public enum Unit { WORKING_DAYS, WORKING_HOURS }

    public ProcessingTime {
        if (amount < 0) {
            throw new IllegalArgumentException("negative processing time");
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit required");
        }
    }

    public static ProcessingTime days(int n) {
        return new ProcessingTime(n, Unit.WORKING_DAYS);
    }

    public static ProcessingTime hours(int n) {
        return new ProcessingTime(n, Unit.WORKING_HOURS);
    }

    public int inWorkingHours() {
        return unit == Unit.WORKING_DAYS ? amount * HOURS_PER_DAY : amount;
    }
}
