package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Worked examples, on the shipped official calendar (2025 and 2026 schedules). */
class DeadlineCalculatorTest {

    private final DeadlineCalculator calc = TestCalendars.calculator();
    private final OfficeHours hours = OfficeHours.DEFAULT;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlineCalculator.ZONE).toInstant();
    }

    private static ZonedDateTime zdt(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlineCalculator.ZONE);
    }

    @Test
    void receivedFridayAfterTheCutOffWithThreeWorkingDays() {
        // Friday 14/03/2025 16:00 is after the 15:00 cut-off: counting starts Monday 17/03 07:30 (day 0);
        // the 3 working days are Tue, Wed, Thu → due Thursday 20/03 at 17:00.
        Instant received = at("2025-03-14T16:00");
        assertThat(calc.countFrom(received, hours)).isEqualTo(zdt("2025-03-17T07:30"));
        assertThat(calc.dueAt(received, ProcessingTime.workingDays(3), hours)).isEqualTo(zdt("2025-03-20T17:00"));
        // The same dossier received at 14:59 counts from Friday itself → due Wednesday 19/03 17:00.
        assertThat(calc.dueAt(at("2025-03-14T14:59"), ProcessingTime.workingDays(3), hours)).isEqualTo(zdt("2025-03-19T17:00"));
        assertThat(calc.dueAt(received, ProcessingTime.workingDays(3), hours).toOffsetDateTime().toString())
                .isEqualTo("2025-03-20T17:00+07:00");
    }

    @Test
    void receivedOnTheLastWorkingDayBeforeTet() {
        // Friday 24/01/2025 is the last working day before the Tết break 25/01–02/02/2025.
        Instant morning = at("2025-01-24T09:00");
        assertThat(calc.countFrom(morning, hours)).isEqualTo(zdt("2025-01-24T09:00"));
        // Day 0 = Fri 24/01; day 1 = Mon 03/02, 2 = Tue 04/02, 3 = Wed 05/02.
        assertThat(calc.dueAt(morning, ProcessingTime.workingDays(3), hours)).isEqualTo(zdt("2025-01-24T09:00").withDayOfMonth(24)
                .plusDays(12).withHour(17).withMinute(0));
        assertThat(calc.dueAt(morning, ProcessingTime.workingDays(3), hours)).isEqualTo(zdt("2025-02-05T17:00"));
        // After the cut-off it counts from the first day after Tết.
        Instant late = at("2025-01-24T15:30");
        assertThat(calc.countFrom(late, hours)).isEqualTo(zdt("2025-02-03T07:30"));
        assertThat(calc.dueAt(late, ProcessingTime.workingDays(3), hours)).isEqualTo(zdt("2025-02-06T17:00"));
        // 8 working hours from Friday 09:00: 2.5 h + 4 h on Friday, 1.5 h after Tết → Monday 03/02 09:00.
        assertThat(calc.dueAt(morning, ProcessingTime.workingHours(8), hours)).isEqualTo(zdt("2025-02-03T09:00"));
    }

    @Test
    void pausedAcrossAHoliday() {
        // Received Tuesday 22/04/2025 09:00, 5 working days: Wed 23, Thu 24, Fri 25, Sat 26 (make-up day), Mon 28.
        Instant received = at("2025-04-22T09:00");
        ProcessingTime five = ProcessingTime.workingDays(5);
        assertThat(calc.dueAt(received, five, hours)).isEqualTo(zdt("2025-04-28T17:00"));
        // Supplement requested Friday 25/04 10:00, supplied Tuesday 06/05 10:00, across 30/4–4/5.
        // Paused working days [25/04, 06/05): 25, 26 (make-up), 28, 29, 05 = 5 → due moves 5 working days:
        // 29/04, 05/05, 06/05, 07/05, 08/05.
        List<Pause> pauses = List.of(new Pause(at("2025-04-25T10:00"), at("2025-05-06T10:00")));
        assertThat(calc.dueAt(received, five, pauses, PausePolicy.PAUSE, 0, hours, at("2025-06-01T00:00")))
                .isEqualTo(zdt("2025-05-08T17:00"));
        // RESET: 5 full working days again from Tuesday 06/05 (day 0) → Tuesday 13/05.
        assertThat(calc.dueAt(received, five, pauses, PausePolicy.RESET, 0, hours, at("2025-06-01T00:00")))
                .isEqualTo(zdt("2025-05-13T17:00"));
        // CONTINUE: the pause is ignored.
        assertThat(calc.dueAt(received, five, pauses, PausePolicy.CONTINUE, 0, hours, at("2025-06-01T00:00")))
                .isEqualTo(zdt("2025-04-28T17:00"));
        // An extension of 2 working days on top of the pause.
        assertThat(calc.dueAt(received, five, pauses, PausePolicy.PAUSE, 2, hours, at("2025-06-01T00:00")))
                .isEqualTo(zdt("2025-05-12T17:00"));
    }

    @Test
    void openPauseRunsUntilNowAndPausesAfterTheDueDateAreIgnored() {
        Instant received = at("2025-03-17T09:00"); // Monday; 3 working days → Thursday 20/03 17:00
        ProcessingTime three = ProcessingTime.workingDays(3);
        List<Pause> open = List.of(new Pause(at("2025-03-18T10:00"), null));
        // Still open on Friday 21/03 12:00: [Tue 18, Fri 21) = 3 working days.
        assertThat(calc.dueAt(received, three, open, PausePolicy.PAUSE, 0, hours, at("2025-03-21T12:00")))
                .isEqualTo(zdt("2025-03-25T17:00"));
        List<Pause> afterDue = List.of(new Pause(at("2025-03-21T09:00"), at("2025-03-24T09:00")));
        assertThat(calc.dueAt(received, three, afterDue, PausePolicy.PAUSE, 0, hours, at("2025-04-01T00:00")))
                .isEqualTo(zdt("2025-03-20T17:00"));
        // A pause within one day costs no working day.
        List<Pause> sameDay = List.of(new Pause(at("2025-03-18T08:00"), at("2025-03-18T16:00")));
        assertThat(calc.dueAt(received, three, sameDay, PausePolicy.PAUSE, 0, hours, at("2025-04-01T00:00")))
                .isEqualTo(zdt("2025-03-20T17:00"));
    }

    @Test
    void workingHours() {
        // Monday 17/03/2025 10:00 + 8 working hours: 1.5 h + 4 h on Monday, 2.5 h on Tuesday → 10:00.
        assertThat(calc.dueAt(at("2025-03-17T10:00"), ProcessingTime.workingHours(8), hours)).isEqualTo(zdt("2025-03-18T10:00"));
        // After the cut-off: from Tuesday 07:30, 8 h → Tuesday 17:00 (the end of a day, not Wednesday 07:30).
        assertThat(calc.dueAt(at("2025-03-17T15:30"), ProcessingTime.workingHours(8), hours)).isEqualTo(zdt("2025-03-18T17:00"));
        // Ending exactly at the lunch break stays at 11:30.
        assertThat(calc.dueAt(at("2025-03-17T07:30"), ProcessingTime.workingHours(4), hours)).isEqualTo(zdt("2025-03-17T11:30"));
        // Received during the lunch break: counts from 13:00.
        assertThat(calc.countFrom(at("2025-03-17T12:10"), hours)).isEqualTo(zdt("2025-03-17T13:00"));
        assertThat(calc.dueAt(at("2025-03-17T12:10"), ProcessingTime.workingHours(2), hours)).isEqualTo(zdt("2025-03-17T15:00"));
        // Received early in the morning: counts from the opening.
        assertThat(calc.countFrom(at("2025-03-17T06:00"), hours)).isEqualTo(zdt("2025-03-17T07:30"));
        // Received on Sunday: from Monday's opening.
        assertThat(calc.countFrom(at("2025-03-16T10:00"), hours)).isEqualTo(zdt("2025-03-17T07:30"));
    }

    @Test
    void zeroDaysIsTheCloseOfTheCountFromDay() {
        assertThat(calc.dueAt(at("2025-03-17T09:00"), ProcessingTime.workingDays(0), hours)).isEqualTo(zdt("2025-03-17T17:00"));
        assertThat(calc.dueAt(at("2025-03-17T09:00"), ProcessingTime.workingHours(0), hours)).isEqualTo(zdt("2025-03-17T09:00"));
    }

    @Test
    void receiptDayCountedRuleGivesOneDayLess() {
        var counted = new DeadlineCalculator(TestCalendars.officialTable(), DayCountRule.RECEIPT_DAY_COUNTED);
        assertThat(counted.dueAt(at("2025-03-17T09:00"), ProcessingTime.workingDays(3), hours)).isEqualTo(zdt("2025-03-19T17:00"));
    }

    @Test
    void agencyOfficeHoursAndCutOff() {
        OfficeHours saturdayCentre = OfficeHours.parse("08:00-12:00,13:30-17:30", java.time.LocalTime.of(16, 0));
        assertThat(calc.countFrom(at("2025-03-17T15:30"), saturdayCentre)).isEqualTo(zdt("2025-03-17T15:30"));
        assertThat(calc.dueAt(at("2025-03-17T15:30"), ProcessingTime.workingDays(1), saturdayCentre)).isEqualTo(zdt("2025-03-18T17:30"));
        assertThat(calc.countFrom(at("2025-03-17T16:00"), saturdayCentre)).isEqualTo(zdt("2025-03-18T08:00"));
    }

    @Test
    void elapsedRemainingAndTimeliness() {
        assertThat(calc.workingTimeBetween(at("2025-03-17T10:00"), at("2025-03-18T09:00"), hours)).isEqualTo(Duration.ofHours(7));
        // Across the weekend and the night: Friday 16:00 → Monday 08:30 = 1 h + 1 h.
        assertThat(calc.workingTimeBetween(at("2025-03-14T16:00"), at("2025-03-17T08:30"), hours)).isEqualTo(Duration.ofHours(2));
        assertThat(calc.workingTimeBetween(at("2025-03-17T08:30"), at("2025-03-14T16:00"), hours)).isEqualTo(Duration.ofHours(-2));
        ZonedDateTime due = zdt("2025-03-20T17:00");
        assertThat(DeadlineCalculator.classify(at("2025-03-19T16:59"), due)).isEqualTo(Timeliness.EARLY);
        assertThat(DeadlineCalculator.classify(at("2025-03-20T08:00"), due)).isEqualTo(Timeliness.ON_TIME);
        assertThat(DeadlineCalculator.classify(at("2025-03-20T17:00"), due)).isEqualTo(Timeliness.ON_TIME);
        assertThat(DeadlineCalculator.classify(at("2025-03-20T17:00:01"), due)).isEqualTo(Timeliness.LATE);
        // A due instant given in another zone is judged by its day in Vietnam.
        assertThat(DeadlineCalculator.classify(at("2025-03-20T08:00"), due.withZoneSameInstant(java.time.ZoneOffset.UTC)))
                .isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void addWorkingDaysOnDatesAndInstants() {
        WorkingDayTable t = calc.days();
        assertThat(t.addWorkingDays(LocalDate.parse("2025-04-29"), 1)).isEqualTo(LocalDate.parse("2025-05-05"));
        assertThat(t.addWorkingDays(LocalDate.parse("2025-05-05"), -1)).isEqualTo(LocalDate.parse("2025-04-29"));
        assertThat(t.addWorkingDays(LocalDate.parse("2025-12-31"), 1)).isEqualTo(LocalDate.parse("2026-01-02"));
        assertThat(t.addWorkingDays(LocalDate.parse("2026-01-02"), -1)).isEqualTo(LocalDate.parse("2025-12-31"));
        assertThat(t.workingDaysBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"))).isEqualTo(t.workingDaysInYear(2025));
        assertThat(calc.addWorkingDays(zdt("2025-03-17T10:00"), 2, hours)).isEqualTo(zdt("2025-03-19T10:00"));
        assertThat(calc.addWorkingDays(zdt("2025-03-14T18:00"), 1, hours)).isEqualTo(zdt("2025-03-17T17:00"));
    }
}
