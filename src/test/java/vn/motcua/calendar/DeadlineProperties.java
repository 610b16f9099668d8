package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the working-day tables and the deadline arithmetic, on the shipped official calendar. */
class DeadlineProperties {

    private static final DeadlineCalculator CALC = TestCalendars.calculator();
    private static final WorkingDayTable DAYS = CALC.days();
    private static final OfficeHours HOURS = OfficeHours.DEFAULT;
    private static final long FROM = LocalDate.of(1990, 1, 1).toEpochDay();
    private static final long TO = LocalDate.of(2090, 12, 31).toEpochDay();

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(FROM, TO).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM * 86_400, TO * 86_400).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<ProcessingTime> times() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 120).map(ProcessingTime::workingDays),
                Arbitraries.integers().between(0, 400).map(ProcessingTime::workingHours));
    }

    @Property
    void addingAThenBWorkingDaysEqualsAddingAPlusB(@ForAll("dates") LocalDate d,
                                                    @ForAll @IntRange(min = 0, max = 700) int a,
                                                    @ForAll @IntRange(min = 0, max = 700) int b) {
        assertThat(DAYS.addWorkingDays(DAYS.addWorkingDays(d, a), b)).isEqualTo(DAYS.addWorkingDays(d, a + b));
    }

    @Property
    void addWorkingDaysAgreesWithADayByDayLoop(@ForAll("dates") LocalDate d, @ForAll @IntRange(min = -400, max = 400) int n) {
        LocalDate expected = d;
        int step = n >= 0 ? 1 : -1;
        for (int left = Math.abs(n); left > 0; ) {
            expected = expected.plusDays(step);
            if (isWorkingByRule(expected)) {
                left--;
            }
        }
        assertThat(DAYS.addWorkingDays(d, n)).isEqualTo(expected);
        if (n > 0) {
            assertThat(DAYS.workingDaysBetween(d.plusDays(1), expected.plusDays(1))).isEqualTo(n);
        }
    }

    private static boolean isWorkingByRule(LocalDate d) {
        YearSchedule s = TestCalendars.schedule(d.getYear());
        if (s.makeUpDays().stream().anyMatch(m -> m.date().equals(d))) {
            return true;
        }
        return !YearSchedule.isWeekend(d) && s.daysOff().stream().noneMatch(o -> o.date().equals(d));
    }

    @Property
    void aPauseOfKWorkingDaysMovesTheDueDateByExactlyKWorkingDays(
            @ForAll("instants") Instant received, @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @IntRange(min = 0, max = 60) int k, @ForAll @IntRange(min = 0, max = 8 * 3600 - 1) int office) {
        ProcessingTime time = ProcessingTime.workingDays(n);
        ZonedDateTime due = CALC.dueAt(received, time, HOURS);
        ZonedDateTime countFrom = CALC.countFrom(received, HOURS);
        // A pause that starts at some office instant between count-from and the due date, and ends k working days later.
        LocalDate pauseDay = DAYS.addWorkingDays(countFrom.toLocalDate(), Math.min(n, office % (n + 1)));
        ZonedDateTime pauseStart = officeInstant(pauseDay, office);
        if (!pauseStart.isAfter(countFrom)) {
            pauseStart = countFrom;
        }
        ZonedDateTime pauseEnd = CALC.addWorkingDays(pauseStart, k, HOURS);
        ZonedDateTime paused = CALC.dueAt(received, time, List.of(new Pause(pauseStart.toInstant(), pauseEnd.toInstant())),
                PausePolicy.PAUSE, 0, HOURS, pauseEnd.toInstant());
        assertThat(paused).isEqualTo(due.with(DAYS.addWorkingDays(due.toLocalDate(), k)));
        assertThat(DAYS.workingDaysBetween(due.toLocalDate(), paused.toLocalDate())).isEqualTo(k);
    }

    @Property
    void extensionsAddWorkingDays(@ForAll("instants") Instant received, @ForAll @IntRange(min = 0, max = 60) int n,
                                  @ForAll @IntRange(min = 0, max = 30) int ext) {
        ProcessingTime time = ProcessingTime.workingDays(n);
        ZonedDateTime due = CALC.dueAt(received, time, HOURS);
        ZonedDateTime extended = CALC.dueAt(received, time, List.of(), PausePolicy.PAUSE, ext, HOURS, received);
        assertThat(extended).isEqualTo(due.with(DAYS.addWorkingDays(due.toLocalDate(), ext)));
    }

    @Property
    void theDueInstantIsAlwaysInsideOfficeHoursOnAWorkingDay(
            @ForAll("instants") Instant received, @ForAll("times") ProcessingTime time,
            @ForAll @IntRange(min = 0, max = 20) int pauseStartHours, @ForAll @IntRange(min = 0, max = 400) int pauseHours,
            @ForAll PausePolicy policy, @ForAll @IntRange(min = 0, max = 10) int ext) {
        Instant pauseFrom = received.plusSeconds(pauseStartHours * 3600L);
        Pause pause = new Pause(pauseFrom, pauseFrom.plusSeconds(pauseHours * 3600L));
        ZonedDateTime due = CALC.dueAt(received, time, List.of(pause), policy, ext, HOURS, pauseFrom);
        assertThat(due.getZone()).isEqualTo(DeadlineCalculator.ZONE);
        assertThat(DAYS.isWorkingDay(due.toLocalDate())).isTrue();
        LocalTime t = due.toLocalTime();
        assertThat(HOURS.sessions().stream().anyMatch(s -> !t.isBefore(s.start()) && !t.isAfter(s.end())))
                .as("%s inside %s", t, HOURS.sessionsText()).isTrue();
        assertThat(due.toInstant()).isAfterOrEqualTo(CALC.countFrom(received, HOURS).toInstant());
        ZonedDateTime countFrom = CALC.countFrom(received, HOURS);
        assertThat(DAYS.isWorkingDay(countFrom.toLocalDate())).isTrue();
    }

    @Property
    void workingHoursDeadlinesUseExactlyNHoursOfOfficeTime(@ForAll("instants") Instant received,
                                                          @ForAll @IntRange(min = 0, max = 400) int n) {
        ZonedDateTime countFrom = CALC.countFrom(received, HOURS);
        ZonedDateTime due = CALC.dueAt(received, ProcessingTime.workingHours(n), HOURS);
        assertThat(CALC.workingTimeBetween(countFrom.toInstant(), due.toInstant(), HOURS).toHours()).isEqualTo(n);
    }

    @Property(tries = 200)
    void resultsNeverDependOnTheDefaultTimeZone(@ForAll("instants") Instant received, @ForAll("times") ProcessingTime time,
                                                @ForAll("zones") String zone) {
        TimeZone saved = TimeZone.getDefault();
        com.ibm.icu.util.TimeZone savedIcu = com.ibm.icu.util.TimeZone.getDefault();
        ZonedDateTime expected = CALC.dueAt(received, time, HOURS);
        LocalDate tet = VietnameseLunarCalendar.lunarNewYear(LocalDate.ofInstant(received, DeadlineCalculator.ZONE).getYear());
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            com.ibm.icu.util.TimeZone.setDefault(com.ibm.icu.util.TimeZone.getTimeZone(zone));
            DeadlineCalculator fresh = new DeadlineCalculator(new WorkingDayTable(HolidayRules::defaults));
            DeadlineCalculator shipped = TestCalendars.calculator();
            assertThat(shipped.dueAt(received, time, HOURS)).isEqualTo(expected);
            assertThat(fresh.dueAt(received, time, HOURS).getZone()).isEqualTo(DeadlineCalculator.ZONE);
            assertThat(VietnameseLunarCalendar.toGregorian(new VietnameseLunarCalendar.LunarDate(tet.getYear(), 1, false, 1)))
                    .isEqualTo(tet);
        } finally {
            TimeZone.setDefault(saved);
            com.ibm.icu.util.TimeZone.setDefault(savedIcu);
        }
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tokyo",
                "Asia/Ho_Chi_Minh", "Europe/Paris");
    }

    @Property
    void timelinessIsConsistentWithTheDueInstant(@ForAll("instants") Instant finished, @ForAll("instants") Instant dueInstant) {
        ZonedDateTime due = dueInstant.atZone(DeadlineCalculator.ZONE);
        Timeliness t = DeadlineCalculator.classify(finished, due);
        assertThat(t == Timeliness.LATE).isEqualTo(finished.isAfter(dueInstant));
        if (t == Timeliness.EARLY) {
            assertThat(finished.atZone(DeadlineCalculator.ZONE).toLocalDate()).isBefore(due.toLocalDate());
        }
    }

    private static ZonedDateTime officeInstant(LocalDate day, int officeSecond) {
        // officeSecond in [0, 8h): 07:30–11:30 then 13:00–17:00
        int sec = officeSecond < 4 * 3600 ? 7 * 3600 + 1800 + officeSecond : 13 * 3600 + officeSecond - 4 * 3600;
        return day.atTime(LocalTime.ofSecondOfDay(sec)).atZone(DeadlineCalculator.ZONE);
    }
}
