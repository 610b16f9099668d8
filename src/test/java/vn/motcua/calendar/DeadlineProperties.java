package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.support.Tries;

/**
 * Invariants of the working-day tables and the deadline arithmetic, on the shipped official calendar. Each property
 * runs its edge cases and then {@link Tries#DEFAULT} seeded random tries (see {@link Tries} to replay a seed).
 */
@ExtendWith(Tries.SeedOnFailure.class)
class DeadlineProperties {

    private static final DeadlineCalculator CALC = TestCalendars.calculator();
    private static final WorkingDayTable DAYS = CALC.days();
    private static final OfficeHours HOURS = OfficeHours.DEFAULT;
    private static final long FROM = LocalDate.of(1990, 1, 1).toEpochDay();
    private static final long TO = LocalDate.of(2090, 12, 31).toEpochDay();
    private static final int TRIES = Tries.DEFAULT;

    /**
     * A date in [1990-01-01, 2090-12-31]: one in four is a day where calendars go wrong (the range's ends, year ends and
     * starts, leap days, the end of February, the days around Tết, 30/4–1/5 and 2/9), the rest uniform.
     */
    static LocalDate date(Random r) {
        if (r.nextInt(4) != 0) {
            return LocalDate.ofEpochDay(Tries.between(r, FROM, TO));
        }
        int year = Tries.between(r, 1990, 2090);
        int leapYear = Math.max(1992, year - year % 4);
        LocalDate tet = VietnameseLunarCalendar.lunarNewYear(year);
        LocalDate d = switch (r.nextInt(10)) {
            case 0 -> LocalDate.ofEpochDay(r.nextBoolean() ? FROM : TO);
            case 1 -> LocalDate.of(year, 12, 31);
            case 2 -> LocalDate.of(year, 1, 1);
            case 3 -> LocalDate.of(leapYear, 2, 29);
            case 4 -> LocalDate.of(year, 2, 1).withDayOfMonth(LocalDate.of(year, 2, 1).lengthOfMonth());
            case 5 -> LocalDate.of(year, 3, 1);
            case 6, 7 -> tet.plusDays(Tries.between(r, -10, 10));
            case 8 -> LocalDate.of(year, Month.APRIL, 29).plusDays(r.nextInt(4));
            default -> LocalDate.of(year, Month.SEPTEMBER, 1).plusDays(r.nextInt(3));
        };
        return d.isBefore(LocalDate.ofEpochDay(FROM)) || d.isAfter(LocalDate.ofEpochDay(TO)) ? LocalDate.ofEpochDay(FROM) : d;
    }

    private static final LocalTime[] EDGE_TIMES = {LocalTime.MIDNIGHT, LocalTime.of(7, 29, 59), LocalTime.of(7, 30),
            LocalTime.of(11, 29, 59), LocalTime.of(11, 30), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(16, 59, 59),
            LocalTime.of(17, 0), LocalTime.of(17, 0, 1), LocalTime.of(23, 59, 59)};

    /** An instant in the same range: one in three is an edge date at an office-hours boundary (Vietnam time). */
    static Instant instant(Random r) {
        if (r.nextInt(3) != 0) {
            return Instant.ofEpochSecond(Tries.between(r, FROM * 86_400, TO * 86_400));
        }
        Instant i = date(r).atTime(Tries.oneOf(r, EDGE_TIMES)).atZone(DeadlineCalculator.ZONE).toInstant();
        return i.getEpochSecond() < FROM * 86_400 ? Instant.ofEpochSecond(FROM * 86_400) : i;
    }

    /** Working days in [0, 120] or working hours in [0, 400], each half the time. */
    static ProcessingTime time(Random r) {
        return r.nextBoolean() ? ProcessingTime.workingDays(Tries.between(r, 0, 120))
                : ProcessingTime.workingHours(Tries.between(r, 0, 400));
    }

    static Stream<Arguments> addingAThenBWorkingDaysEqualsAddingAPlusB() {
        Random r = Tries.random("addingAThenBWorkingDaysEqualsAddingAPlusB");
        Stream<Arguments> edges = Stream.of(arguments(LocalDate.ofEpochDay(FROM), 0, 0), arguments(LocalDate.ofEpochDay(TO), 700, 700),
                arguments(LocalDate.of(2024, 2, 29), 0, 700), arguments(LocalDate.of(2025, 12, 31), 700, 0));
        return Stream.concat(edges, Stream.generate(() -> arguments(date(r), Tries.between(r, 0, 700), Tries.between(r, 0, 700)))
                .limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void addingAThenBWorkingDaysEqualsAddingAPlusB(LocalDate d, int a, int b) {
        assertThat(DAYS.addWorkingDays(DAYS.addWorkingDays(d, a), b)).isEqualTo(DAYS.addWorkingDays(d, a + b));
    }

    static Stream<Arguments> addWorkingDaysAgreesWithADayByDayLoop() {
        Random r = Tries.random("addWorkingDaysAgreesWithADayByDayLoop");
        Stream<Arguments> edges = Stream.of(arguments(LocalDate.ofEpochDay(FROM), -400), arguments(LocalDate.ofEpochDay(TO), 400),
                arguments(LocalDate.of(2000, 2, 29), 0), arguments(LocalDate.of(2025, 12, 31), 1),
                arguments(LocalDate.of(2026, 1, 1), -1));
        return Stream.concat(edges, Stream.generate(() -> arguments(date(r), Tries.between(r, -400, 400))).limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void addWorkingDaysAgreesWithADayByDayLoop(LocalDate d, int n) {
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

    static Stream<Arguments> aPauseOfKWorkingDaysMovesTheDueDateByExactlyKWorkingDays() {
        Random r = Tries.random("aPauseOfKWorkingDaysMovesTheDueDateByExactlyKWorkingDays");
        Instant tetEve = VietnameseLunarCalendar.lunarNewYear(2026).minusDays(1).atTime(16, 59, 59)
                .atZone(DeadlineCalculator.ZONE).toInstant();
        Stream<Arguments> edges = Stream.of(arguments(Instant.ofEpochSecond(FROM * 86_400), 1, 0, 0),
                arguments(Instant.ofEpochSecond(TO * 86_400), 60, 60, 8 * 3600 - 1), arguments(tetEve, 1, 60, 4 * 3600),
                arguments(tetEve, 60, 1, 4 * 3600 - 1));
        return Stream.concat(edges, Stream.generate(() -> arguments(instant(r), Tries.between(r, 1, 60), Tries.between(r, 0, 60),
                Tries.between(r, 0, 8 * 3600 - 1))).limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void aPauseOfKWorkingDaysMovesTheDueDateByExactlyKWorkingDays(Instant received, int n, int k, int office) {
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

    static Stream<Arguments> extensionsAddWorkingDays() {
        Random r = Tries.random("extensionsAddWorkingDays");
        Stream<Arguments> edges = Stream.of(arguments(Instant.ofEpochSecond(FROM * 86_400), 0, 0),
                arguments(Instant.ofEpochSecond(TO * 86_400), 60, 30), arguments(Instant.parse("2025-12-31T10:00:00Z"), 0, 30));
        return Stream.concat(edges, Stream.generate(() -> arguments(instant(r), Tries.between(r, 0, 60), Tries.between(r, 0, 30)))
                .limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void extensionsAddWorkingDays(Instant received, int n, int ext) {
        ProcessingTime time = ProcessingTime.workingDays(n);
        ZonedDateTime due = CALC.dueAt(received, time, HOURS);
        ZonedDateTime extended = CALC.dueAt(received, time, List.of(), PausePolicy.PAUSE, ext, HOURS, received);
        assertThat(extended).isEqualTo(due.with(DAYS.addWorkingDays(due.toLocalDate(), ext)));
    }

    static Stream<Arguments> theDueInstantIsAlwaysInsideOfficeHoursOnAWorkingDay() {
        Random r = Tries.random("theDueInstantIsAlwaysInsideOfficeHoursOnAWorkingDay");
        List<Arguments> edges = new ArrayList<>();
        for (PausePolicy policy : PausePolicy.values()) {
            edges.add(arguments(Instant.ofEpochSecond(FROM * 86_400), ProcessingTime.workingDays(0), 0, 0, policy, 0));
            edges.add(arguments(Instant.ofEpochSecond(TO * 86_400), ProcessingTime.workingHours(400), 20, 400, policy, 10));
            edges.add(arguments(Instant.parse("2025-12-31T10:00:00Z"), ProcessingTime.workingHours(0), 0, 400, policy, 0));
            edges.add(arguments(Instant.parse("2024-02-29T04:30:00Z"), ProcessingTime.workingDays(120), 20, 0, policy, 10));
        }
        return Stream.concat(edges.stream(), Stream.generate(() -> arguments(instant(r), time(r), Tries.between(r, 0, 20),
                Tries.between(r, 0, 400), Tries.oneOf(r, PausePolicy.values()), Tries.between(r, 0, 10))).limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void theDueInstantIsAlwaysInsideOfficeHoursOnAWorkingDay(Instant received, ProcessingTime time, int pauseStartHours,
                                                             int pauseHours, PausePolicy policy, int ext) {
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

    static Stream<Arguments> workingHoursDeadlinesUseExactlyNHoursOfOfficeTime() {
        Random r = Tries.random("workingHoursDeadlinesUseExactlyNHoursOfOfficeTime");
        Stream<Arguments> edges = Stream.of(arguments(Instant.ofEpochSecond(FROM * 86_400), 0),
                arguments(Instant.ofEpochSecond(TO * 86_400), 400), arguments(Instant.parse("2025-12-31T09:59:59Z"), 1),
                arguments(Instant.parse("2024-02-29T00:30:00Z"), 8));
        return Stream.concat(edges, Stream.generate(() -> arguments(instant(r), Tries.between(r, 0, 400))).limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void workingHoursDeadlinesUseExactlyNHoursOfOfficeTime(Instant received, int n) {
        ZonedDateTime countFrom = CALC.countFrom(received, HOURS);
        ZonedDateTime due = CALC.dueAt(received, ProcessingTime.workingHours(n), HOURS);
        assertThat(CALC.workingTimeBetween(countFrom.toInstant(), due.toInstant(), HOURS).toHours()).isEqualTo(n);
    }

    private static final String[] ZONES = {"UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago",
            "Asia/Tokyo", "Asia/Ho_Chi_Minh", "Europe/Paris"};

    /** 200 tries (as before: each builds a calendar afresh), the zones taken in turn so that each is tried as often. */
    static Stream<Arguments> resultsNeverDependOnTheDefaultTimeZone() {
        Random r = Tries.random("resultsNeverDependOnTheDefaultTimeZone");
        int[] i = {0};
        return Stream.generate(() -> arguments(instant(r), time(r), ZONES[i[0]++ % ZONES.length])).limit(200);
    }

    @ParameterizedTest
    @MethodSource
    void resultsNeverDependOnTheDefaultTimeZone(Instant received, ProcessingTime time, String zone) {
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

    static Stream<Arguments> timelinessIsConsistentWithTheDueInstant() {
        Random r = Tries.random("timelinessIsConsistentWithTheDueInstant");
        Instant due = Instant.parse("2025-12-31T10:00:00Z");
        Stream<Arguments> edges = Stream.of(arguments(due, due), arguments(due.plusSeconds(1), due), arguments(due.minusSeconds(1), due),
                arguments(Instant.parse("2025-12-30T16:59:59Z"), due), arguments(Instant.parse("2025-12-30T17:00:00Z"), due));
        return Stream.concat(edges, Stream.generate(() -> {
            Instant finished = instant(r);
            // One in four finishes within a day of the due instant, where early, on time and late meet.
            Instant dueInstant = r.nextInt(4) == 0 ? finished.plusSeconds(Tries.between(r, -86_400, 86_400)) : instant(r);
            return arguments(finished, dueInstant);
        }).limit(TRIES));
    }

    @ParameterizedTest
    @MethodSource
    void timelinessIsConsistentWithTheDueInstant(Instant finished, Instant dueInstant) {
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
