package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The working calendar of Vietnamese public offices and the deadline arithmetic on it (a Spring
 * bean). All results are in {@code Asia/Ho_Chi_Minh}; nothing depends on the JVM's default zone.
 * {@code agencyCode} selects the agency's office hours and cut-off; {@code null} (or an agency without
 * its own) means the defaults, Mon–Fri 07:30–11:30 and 13:00–17:00, cut-off 15:00. See
 * {@link DeadlineCalculator} for the exact rules.
 */
public interface WorkingCalendar {

    /** When the processing time starts to run for a dossier received at that instant. */
    ZonedDateTime countFrom(Instant receivedAt, String agencyCode);

    /** When the result is due, without pauses or extensions. */
    ZonedDateTime dueAt(Instant receivedAt, ProcessingTime time, String agencyCode);

    /** When the result is due, with pauses (an open pause runs until now), the pause policy and extensions. */
    ZonedDateTime dueAt(Instant receivedAt, ProcessingTime time, List<Pause> pauses, PausePolicy policy,
                        int extensionWorkingDays, String agencyCode);

    /** The date n working days after the given date (itself not counted; 0 = the date itself; negative counts back). */
    LocalDate addWorkingDays(LocalDate date, int workingDays);

    /** Moves an instant by n working days, keeping its position in the agency's office day. */
    ZonedDateTime addWorkingDays(ZonedDateTime from, int workingDays, String agencyCode);

    boolean isWorkingDay(LocalDate date);

    /** Working days from a (included) to b (excluded). */
    long workingDaysBetween(LocalDate a, LocalDate b);

    /** Office time between two instants (negative when b is before a): the working time elapsed. */
    Duration workingTimeBetween(Instant a, Instant b, String agencyCode);

    /** Office time left until the due instant; negative when it has passed. */
    default Duration remainingWorkingTime(Instant now, ZonedDateTime dueAt, String agencyCode) {
        return workingTimeBetween(now, dueAt.toInstant(), agencyCode);
    }

    /** Early (finished before the due day), on time (on the due day by the due instant) or late. */
    Timeliness classify(Instant finishedAt, ZonedDateTime dueAt);

    /** Holidays, substitute and official days off of a year, sorted by date. */
    List<DayOff> daysOff(int year);

    /** Weekend days that are working days (ngày làm bù) in a year. */
    List<MakeUpDay> makeUpDays(int year);

    /** The office hours used for an agency ({@code null} = defaults). */
    OfficeHours officeHours(String agencyCode);
}
