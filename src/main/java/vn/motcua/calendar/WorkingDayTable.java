package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Which days are working days, precomputed per year: for each year a prefix count of working days
 * and the list of its working days, built once from that year's {@link YearSchedule} and cached. So
 * "the N-th working day after D" and "working days between A and B" cost O(1) per year crossed,
 * never a day-by-day loop.
 *
 * <p>A day is a working day when it is a make-up day of its year's schedule, or a Monday–Friday that
 * is not one of its days off. Years 1900–2199 are supported. Thread-safe;
 * {@link #invalidate(int)} drops a year after its schedule changed.
 */
public final class WorkingDayTable {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    private final IntFunction<YearSchedule> schedules;
    private final AtomicReferenceArray<Year> years = new AtomicReferenceArray<>(MAX_YEAR - MIN_YEAR + 1);

    // schedules: the schedule of a year (official, or computed defaults)
    public WorkingDayTable(IntFunction<YearSchedule> schedules) {
        this.schedules = schedules;
    }

    /** Days from the Labour Code's computed defaults only. */
    public static WorkingDayTable computedDefaults() {
        return new WorkingDayTable(HolidayRules::defaults);
    }

    private static final class Year {
        final int year;
        final long firstEpochDay;
        // prefix(i) = working days among the first i days of the year
        final short[] prefix;
        // nth(k) = day-of-year index (0-based) of the k-th working day (0-based)
        final short[] nth;
        final YearSchedule schedule;

        Year(YearSchedule schedule) {
            this.schedule = schedule;
            this.year = schedule.year();
            LocalDate first = LocalDate.of(year, 1, 1);
            this.firstEpochDay = first.toEpochDay();
            int length = first.lengthOfYear();
            Set<LocalDate> off = new HashSet<>();
            schedule.daysOff().forEach(d -> off.add(d.date()));
            Set<LocalDate> makeUp = new HashSet<>();
            schedule.makeUpDays().forEach(d -> makeUp.add(d.date()));
            prefix = new short[length + 1];
            short[] list = new short[length];
            int count = 0;
            for (int i = 0; i < length; i++) {
                LocalDate d = first.plusDays(i);
                boolean working = makeUp.contains(d) || (!YearSchedule.isWeekend(d) && !off.contains(d));
                prefix[i] = (short) count;
                if (working) {
                    list[count++] = (short) i;
                }
            }
            prefix[length] = (short) count;
            nth = java.util.Arrays.copyOf(list, count);
        }

        int total() {
            return nth.length;
        }
    }

    private Year year(int y) {
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new IllegalArgumentException("Year outside the supported range " + MIN_YEAR + "–" + MAX_YEAR + ": " + y);
        }
        Year table = years.get(y - MIN_YEAR);
        if (table == null) {
            YearSchedule schedule = schedules.apply(y);
            if (schedule.year() != y) {
                throw new IllegalStateException("Schedule for " + schedule.year() + " given for " + y);
            }
            table = new Year(schedule);
            years.compareAndSet(y - MIN_YEAR, null, table);
            table = years.get(y - MIN_YEAR);
        }
        return table;
    }

    /** Drops the cached table of a year, e.g. after an administrator uploaded its schedule. */
    public void invalidate(int y) {
        if (y >= MIN_YEAR && y <= MAX_YEAR) {
            years.set(y - MIN_YEAR, null);
        }
    }

    /** The schedule the year's table was built from. */
    public YearSchedule schedule(int y) {
        return year(y).schedule;
    }

    public boolean isWorkingDay(LocalDate date) {
        Year t = year(date.getYear());
        int i = (int) (date.toEpochDay() - t.firstEpochDay);
        return t.prefix[i + 1] != t.prefix[i];
    }

    /** Number of working days in a year. */
    public int workingDaysInYear(int y) {
        return year(y).total();
    }

    /**
     * The date {@code n} working days after {@code date}, the date itself not counted: n = 1 is the
     * first working day after it; n = 0 returns the date itself; negative n counts backwards (−1 is
     * the last working day before it).
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n == 0) {
            return date;
        }
        Year t = year(date.getYear());
        int i = (int) (date.toEpochDay() - t.firstEpochDay);
        // k = 0-based index, within t, of the target working day.
        int k = n > 0 ? t.prefix[i + 1] + n - 1 : t.prefix[i] + n;
        while (k >= t.total()) {
            k -= t.total();
            t = year(t.year + 1);
        }
        while (k < 0) {
            t = year(t.year - 1);
            k += t.total();
        }
        return LocalDate.ofEpochDay(t.firstEpochDay + t.nth[k]);
    }

    /** The date itself when it is a working day, otherwise the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : addWorkingDays(date, 1);
    }

    /** Working days from a (included) to b (excluded); negative when b is before a. */
    public long workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        Year ta = year(a.getYear());
        int ia = (int) (a.toEpochDay() - ta.firstEpochDay);
        if (a.getYear() == b.getYear()) {
            return ta.prefix[(int) (b.toEpochDay() - ta.firstEpochDay)] - ta.prefix[ia];
        }
        long count = ta.total() - ta.prefix[ia];
        for (int y = a.getYear() + 1; y < b.getYear(); y++) {
            count += year(y).total();
        }
        Year tb = year(b.getYear());
        return count + tb.prefix[(int) (b.toEpochDay() - tb.firstEpochDay)];
    }
}
