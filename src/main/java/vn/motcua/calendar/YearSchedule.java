package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The days off and make-up working days of one year: either computed from the Labour Code's rules
 * ({@link Origin#COMPUTED}) or an official schedule loaded as data ({@link Origin#OFFICIAL}), which
 * replaces the computed defaults for its year entirely.
 */
public record YearSchedule(int year, Origin origin, String source, List<DayOff> daysOff, List<MakeUpDay> makeUpDays) {

    public enum Origin { COMPUTED, OFFICIAL }

    public YearSchedule {
        Objects.requireNonNull(origin, "origin");
        daysOff = daysOff.stream().sorted().toList();
        makeUpDays = makeUpDays.stream().sorted(java.util.Comparator.comparing(MakeUpDay::date)).toList();
        Set<LocalDate> seen = new HashSet<>();
        for (DayOff d : daysOff) {
            if (!seen.add(d.date())) {
                throw new IllegalArgumentException("Day off listed twice: " + d.date());
            }
        }
        for (MakeUpDay m : makeUpDays) {
            if (seen.contains(m.date())) {
                throw new IllegalArgumentException("A make-up working day is also a day off: " + m.date());
            }
            if (m.date().getYear() != year) {
                throw new IllegalArgumentException("Make-up day " + m.date() + " is outside year " + year);
            }
            if (!isWeekend(m.date())) {
                throw new IllegalArgumentException("Make-up day " + m.date() + " is not a Saturday or Sunday");
            }
        }
    }

    /** Offices work Monday to Friday (Decree 45/2013 for public servants); weekends are Saturday and Sunday. */
    public static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
