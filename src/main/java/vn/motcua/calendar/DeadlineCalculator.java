package vn.motcua.calendar;

import vn.motcua.platform.time.VietnamTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Deadline arithmetic on a {@link WorkingDayTable}, pure and thread-safe (no Spring, no database, no
 * default time zone): everything is computed in {@link #ZONE}.
 *
 * <p><b>Count-from.</b> A dossier received on a working day before the cut-off (and before closing)
 * counts from its receipt (from the opening when received before it, from the next session when
 * received in the lunch break); one received at or after the cut-off, after closing or on a day off
 * counts from the opening of the next working day.
 *
 * <p><b>Working days.</b> Under the default {@link DayCountRule#RECEIPT_DAY_NOT_COUNTED} the count-from
 * day is day 0 and the result is due at the close of office hours of the N-th working day after it.
 *
 * <p><b>Working hours.</b> The result is due when N hours of office time have passed since the
 * count-from instant; a deadline that falls exactly on the end of a session stays there (11:30,
 * 17:00) rather than moving to the next session's start.
 *
 * <p><b>Pauses</b> (policy {@link PausePolicy#PAUSE}): only pauses that begin before the running due
 * instant count, overlapping ones are merged, and an open pause runs until {@code now}. For working
 * days a pause moves the due date by k working days, k being the working days from the (next office)
 * day the pause began to the (next office) day it ended, so a pause within one day costs nothing; for
 * working hours it moves the due instant by the office time inside the pause. Under
 * {@link PausePolicy#RESET} the whole processing time restarts from the end of the pause (cut-off
 * rule applied as for a receipt); under {@link PausePolicy#CONTINUE} pauses are ignored.
 *
 * <p><b>Extensions</b> add working days to the due instant (same position in the office day).
 */
public final class DeadlineCalculator {

    /** The zone of every deadline. */
    public static final ZoneId ZONE = VietnamTime.ZONE;

    private final WorkingDayTable days;
    private final DayCountRule rule;

    public DeadlineCalculator(WorkingDayTable days) {
        this(days, DayCountRule.RECEIPT_DAY_NOT_COUNTED);
    }

    public DeadlineCalculator(WorkingDayTable days, DayCountRule rule) {
        this.days = Objects.requireNonNull(days, "days");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public WorkingDayTable days() {
        return days;
    }

    public DayCountRule rule() {
        return rule;
    }

    /** A place in office time: a working day and the office seconds elapsed on it, from 0 to perDay. */
    private record Pos(LocalDate day, int off) implements Comparable<Pos> {
        @Override
        public int compareTo(Pos o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : Integer.compare(off, o.off);
        }
    }

    // ---- public operations -------------------------------------------------------------------

    public ZonedDateTime countFrom(Instant receivedAt, OfficeHours hours) {
        Pos p = normalise(receivedAt, hours, true);
        return at(p.day, timeAtStart(hours, p.off));
    }

    public ZonedDateTime dueAt(Instant receivedAt, ProcessingTime time, OfficeHours hours) {
        Pos p = due(normalise(receivedAt, hours, true), time, hours);
        return at(p.day, timeAtEnd(hours, p.off));
    }

    /**
     * The due instant with pauses, the pause policy and extensions.
     *
     * @param now the end of a still-open pause
     */
    public ZonedDateTime dueAt(Instant receivedAt, ProcessingTime time, List<Pause> pauses, PausePolicy policy,
                               int extensionWorkingDays, OfficeHours hours, Instant now) {
        if (extensionWorkingDays < 0) {
            throw new IllegalArgumentException("Extension must not be negative: " + extensionWorkingDays);
        }
        Pos start = normalise(receivedAt, hours, true);
        Pos due = due(start, time, hours);
        if (policy != PausePolicy.CONTINUE && pauses != null && !pauses.isEmpty()) {
            List<Pause> sorted = new ArrayList<>(pauses);
            sorted.sort(Comparator.comparing(Pause::from));
            Pos lastEnd = start;
            int perDay = perDay(hours);
            for (Pause pause : sorted) {
                Instant end = pause.to() != null ? pause.to() : max(now, pause.from());
                Pos from = max(normalise(pause.from(), hours, false), lastEnd);
                Pos to = normalise(end, hours, false);
                if (from.compareTo(due) >= 0 || to.compareTo(from) <= 0) {
                    continue;
                }
                if (policy == PausePolicy.RESET) {
                    due = due(normalise(end, hours, true), time, hours);
                } else if (time.unit() == WorkingTimeUnit.WORKING_DAYS) {
                    int k = (int) days.workingDaysBetween(from.day, to.day);
                    due = new Pos(days.addWorkingDays(due.day, k), due.off);
                } else {
                    long seconds = days.workingDaysBetween(from.day, to.day) * perDay + to.off - from.off;
                    due = add(due, seconds, perDay);
                }
                lastEnd = to;
            }
        }
        if (extensionWorkingDays > 0) {
            due = add(due, (long) extensionWorkingDays * perDay(hours), perDay(hours));
        }
        return at(due.day, timeAtEnd(hours, due.off));
    }

    /**
     * Moves an instant by {@code n} working days, keeping its position in the office day (an instant
     * outside office hours is first moved to the next office instant). n = 0 gives that office instant.
     */
    public ZonedDateTime addWorkingDays(ZonedDateTime from, int n, OfficeHours hours) {
        int perDay = perDay(hours);
        Pos p = normalise(from.toInstant(), hours, false);
        Pos r = n >= 0 ? add(p, (long) n * perDay, perDay)
                : new Pos(days.addWorkingDays(p.day, n), p.off);
        ZonedDateTime end = at(r.day, timeAtEnd(hours, r.off));
        // The lunch break has two names for one office position (11:30 and 13:00): adding zero days to
        // 13:00 must not step back to 11:30.
        return n >= 0 && end.toInstant().isBefore(from.toInstant()) ? at(r.day, timeAtStart(hours, r.off)) : end;
    }

    /** Office time between two instants; negative when b is before a. */
    public Duration workingTimeBetween(Instant a, Instant b, OfficeHours hours) {
        Pos pa = normalise(a, hours, false);
        Pos pb = normalise(b, hours, false);
        return Duration.ofSeconds(days.workingDaysBetween(pa.day, pb.day) * perDay(hours) + pb.off - pa.off);
    }

    /** {@link Timeliness#EARLY} before the due day, {@link Timeliness#ON_TIME} on it by the due instant, else late. */
    public static Timeliness classify(Instant finishedAt, ZonedDateTime dueAt) {
        if (finishedAt.isAfter(dueAt.toInstant())) {
            return Timeliness.LATE;
        }
        LocalDate finishedDay = LocalDate.ofInstant(finishedAt, ZONE);
        LocalDate dueDay = dueAt.withZoneSameInstant(ZONE).toLocalDate();
        return finishedDay.isBefore(dueDay) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }

    // ---- internals ---------------------------------------------------------------------------

    private Pos due(Pos start, ProcessingTime time, OfficeHours hours) {
        int perDay = perDay(hours);
        if (time.unit() == WorkingTimeUnit.WORKING_HOURS) {
            return add(start, time.amount() * 3600L, perDay);
        }
        int n = rule == DayCountRule.RECEIPT_DAY_NOT_COUNTED ? time.amount() : Math.max(time.amount() - 1, 0);
        return new Pos(days.addWorkingDays(start.day, n), perDay);
    }

    /** Adds office seconds to a position; a result on a day's boundary is the earlier day's close. */
    private Pos add(Pos p, long seconds, int perDay) {
        if (seconds == 0) {
            return p;
        }
        long total = p.off + seconds;
        long d = total / perDay;
        int rem = (int) (total % perDay);
        if (rem == 0) {
            d--;
            rem = perDay;
        }
        return new Pos(days.addWorkingDays(p.day, Math.toIntExact(d)), rem);
    }

    /** The first office instant at or after t; with the cut-off, a receipt at or after it moves to the next working day. */
    private Pos normalise(Instant t, OfficeHours hours, boolean cutOff) {
        LocalDateTime local = LocalDateTime.ofInstant(t, ZONE);
        LocalDate day = local.toLocalDate();
        int sec = local.toLocalTime().toSecondOfDay();
        int limit = hours.closing().toSecondOfDay();
        if (cutOff) {
            limit = Math.min(limit, hours.cutOff().toSecondOfDay());
        }
        if (sec < limit && days.isWorkingDay(day)) {
            return new Pos(day, offset(hours, sec));
        }
        return new Pos(days.addWorkingDays(day, 1), 0);
    }

    static int perDay(OfficeHours hours) {
        int total = 0;
        for (OfficeHours.Session s : hours.sessions()) {
            total += s.end().toSecondOfDay() - s.start().toSecondOfDay();
        }
        return total;
    }

    /** Office seconds elapsed on a day at a second of the day. */
    private static int offset(OfficeHours hours, int sec) {
        int off = 0;
        for (OfficeHours.Session s : hours.sessions()) {
            int a = s.start().toSecondOfDay();
            if (sec <= a) {
                break;
            }
            off += Math.min(sec, s.end().toSecondOfDay()) - a;
        }
        return off;
    }

    /** The time at an office offset, a session boundary being the earlier session's end. */
    private static int timeAtEnd(OfficeHours hours, int off) {
        int cum = 0;
        List<OfficeHours.Session> sessions = hours.sessions();
        for (OfficeHours.Session s : sessions) {
            int a = s.start().toSecondOfDay();
            int len = s.end().toSecondOfDay() - a;
            if (off <= cum + len) {
                return a + off - cum;
            }
            cum += len;
        }
        return hours.closing().toSecondOfDay();
    }

    /** The time at an office offset, a session boundary being the next session's start. */
    private static int timeAtStart(OfficeHours hours, int off) {
        int cum = 0;
        List<OfficeHours.Session> sessions = hours.sessions();
        for (int i = 0; i < sessions.size(); i++) {
            OfficeHours.Session s = sessions.get(i);
            int a = s.start().toSecondOfDay();
            int len = s.end().toSecondOfDay() - a;
            if (off < cum + len || i == sessions.size() - 1) {
                return a + off - cum;
            }
            cum += len;
        }
        throw new IllegalStateException();
    }

    private static ZonedDateTime at(LocalDate day, int secondOfDay) {
        return ZonedDateTime.of(LocalDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay)), ZONE);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Pos max(Pos a, Pos b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
