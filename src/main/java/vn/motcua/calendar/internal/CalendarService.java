package vn.motcua.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.DayCountRule;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.HolidayRules;
import vn.motcua.calendar.MakeUpDay;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDayTable;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.platform.api.ApiException;

/**
 * The {@link WorkingCalendar} bean: official schedules and office hours from the database (read
 * once, and again after every change made through this node), the Labour Code's defaults for the
 * other years, and the pure {@link DeadlineCalculator} for the arithmetic.
 */
@Service
public class CalendarService implements WorkingCalendar {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile State state;

    /** An immutable snapshot: schedules, their tables, office hours. Replaced whole on change. */
    private record State(Map<Integer, YearSchedule> official, DeadlineCalculator calculator, Map<String, OfficeHours> hours) {
    }

    CalendarService(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    state = load();
                }
                s = state;
            }
        }
        return s;
    }

    /** Reads schedules and office hours again from the database. */
    public synchronized void reload() {
        state = load();
    }

    private State load() {
        Map<Integer, YearSchedule> official = new HashMap<>();
        jdbc.sql("select year, document from calendar_schedule").query((rs, i) -> {
            official.put(rs.getInt("year"), ScheduleJson.parse(rs.getString("document")));
            return null;
        }).list();
        Map<String, OfficeHours> hours = new HashMap<>();
        jdbc.sql("select agency_code, sessions, cut_off from calendar_office_hours").query((rs, i) -> {
            hours.put(rs.getString("agency_code"),
                    OfficeHours.parse(rs.getString("sessions"), rs.getObject("cut_off", LocalTime.class)));
            return null;
        }).list();
        Map<Integer, YearSchedule> frozen = Map.copyOf(official);
        WorkingDayTable table = new WorkingDayTable(y -> Optional.ofNullable(frozen.get(y)).orElseGet(() -> HolidayRules.defaults(y)));
        return new State(frozen, new DeadlineCalculator(table, DayCountRule.RECEIPT_DAY_NOT_COUNTED), Map.copyOf(hours));
    }

    public DeadlineCalculator calculator() {
        return state().calculator();
    }

    // ---- WorkingCalendar -----------------------------------------------------------------------

    @Override
    public ZonedDateTime countFrom(Instant receivedAt, String agencyCode) {
        return calculator().countFrom(receivedAt, officeHours(agencyCode));
    }

    @Override
    public ZonedDateTime dueAt(Instant receivedAt, ProcessingTime time, String agencyCode) {
        return calculator().dueAt(receivedAt, time, officeHours(agencyCode));
    }

    @Override
    public ZonedDateTime dueAt(Instant receivedAt, ProcessingTime time, List<Pause> pauses, PausePolicy policy,
                               int extensionWorkingDays, String agencyCode) {
        return calculator().dueAt(receivedAt, time, pauses, policy, extensionWorkingDays, officeHours(agencyCode),
                clock.instant());
    }

    @Override
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        return calculator().days().addWorkingDays(date, workingDays);
    }

    @Override
    public ZonedDateTime addWorkingDays(ZonedDateTime from, int workingDays, String agencyCode) {
        return calculator().addWorkingDays(from, workingDays, officeHours(agencyCode));
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return calculator().days().isWorkingDay(date);
    }

    @Override
    public long workingDaysBetween(LocalDate a, LocalDate b) {
        return calculator().days().workingDaysBetween(a, b);
    }

    @Override
    public Duration workingTimeBetween(Instant a, Instant b, String agencyCode) {
        return calculator().workingTimeBetween(a, b, officeHours(agencyCode));
    }

    @Override
    public Timeliness classify(Instant finishedAt, ZonedDateTime dueAt) {
        return DeadlineCalculator.classify(finishedAt, dueAt);
    }

    @Override
    public List<DayOff> daysOff(int year) {
        return schedule(year).daysOff();
    }

    @Override
    public List<MakeUpDay> makeUpDays(int year) {
        return schedule(year).makeUpDays();
    }

    @Override
    public OfficeHours officeHours(String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            return OfficeHours.DEFAULT;
        }
        return state().hours().getOrDefault(agencyCode.trim(), OfficeHours.DEFAULT);
    }

    // ---- administration ------------------------------------------------------------------------

    /** The schedule in force for a year (official, else computed); 400 outside the supported years. */
    public YearSchedule schedule(int year) {
        requireYear(year);
        return calculator().days().schedule(year);
    }

    public static void requireYear(int year) {
        if (year < WorkingDayTable.MIN_YEAR || year > WorkingDayTable.MAX_YEAR) {
            throw ApiException.badRequest("calendar.error.year.range", String.valueOf(year),
                    String.valueOf(WorkingDayTable.MIN_YEAR), String.valueOf(WorkingDayTable.MAX_YEAR));
        }
    }

    /** Stores an administrator's schedule for a year, replacing any earlier one; 400 with the reason when invalid. */
    @Transactional
    public YearSchedule upload(int year, String json, String username) {
        requireYear(year);
        YearSchedule parsed;
        try {
            parsed = ScheduleJson.parse(json);
        } catch (ScheduleJson.InvalidSchedule e) {
            throw ApiException.badRequest(e.key(), e.args());
        }
        if (parsed.year() != year) {
            throw ApiException.badRequest("calendar.error.schedule.year.mismatch", String.valueOf(parsed.year()), String.valueOf(year));
        }
        jdbc.sql("""
                insert into calendar_schedule (year, document, origin, checksum, updated_by, updated_at)
                values (:year, :document, 'UPLOADED', :checksum, :user, now())
                on conflict (year) do update set document = excluded.document, origin = 'UPLOADED',
                    checksum = excluded.checksum, updated_by = excluded.updated_by, updated_at = now()
                """).param("year", year).param("document", json).param("checksum", sha256(json))
                .param("user", username).update();
        reload();
        return parsed;
    }

    /** Removes a year's stored schedule, so the computed defaults apply again (bundled ones come back at next start). */
    @Transactional
    public boolean removeSchedule(int year, String username) {
        requireYear(year);
        int n = jdbc.sql("delete from calendar_schedule where year = :year").param("year", year).update();
        reload();
        return n > 0;
    }

    /** The stored origin of a year's schedule: BUNDLED, UPLOADED, or empty for computed defaults. */
    public Optional<String> scheduleOrigin(int year) {
        return jdbc.sql("select origin from calendar_schedule where year = :year").param("year", year)
                .query(String.class).optional();
    }

    /** Loads the shipped schedule files: inserts missing years, refreshes changed bundled ones, never overrides uploads. */
    @Transactional
    public int loadBundled(List<Integer> years) {
        int changed = 0;
        for (int year : years) {
            Optional<String> json = ScheduleJson.bundled(year);
            if (json.isEmpty()) {
                continue;
            }
            ScheduleJson.parse(json.get()); // a broken shipped file must fail loudly
            changed += jdbc.sql("""
                    insert into calendar_schedule (year, document, origin, checksum, updated_by, updated_at)
                    values (:year, :document, 'BUNDLED', :checksum, 'system', now())
                    on conflict (year) do update set document = excluded.document, checksum = excluded.checksum,
                        updated_at = now()
                    where calendar_schedule.origin = 'BUNDLED' and calendar_schedule.checksum <> excluded.checksum
                    """).param("year", year).param("document", json.get()).param("checksum", sha256(json.get())).update();
        }
        reload();
        return changed;
    }

    /** Sets an agency's office hours; 400 when they are not valid. */
    @Transactional
    public OfficeHours setOfficeHours(String agencyCode, String sessions, String cutOff, String username) {
        if (agencyCode == null || agencyCode.isBlank() || agencyCode.trim().length() > 64) {
            throw ApiException.badRequest("calendar.error.agency.invalid");
        }
        OfficeHours hours;
        try {
            hours = OfficeHours.parse(sessions == null ? "" : sessions, LocalTime.parse(cutOff == null ? "" : cutOff.trim()));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("calendar.error.officeHours.invalid", String.valueOf(sessions), String.valueOf(cutOff));
        }
        jdbc.sql("""
                insert into calendar_office_hours (agency_code, sessions, cut_off, updated_by, updated_at)
                values (:code, :sessions, :cutOff, :user, now())
                on conflict (agency_code) do update set sessions = excluded.sessions, cut_off = excluded.cut_off,
                    updated_by = excluded.updated_by, updated_at = now()
                """).param("code", agencyCode.trim()).param("sessions", hours.sessionsText())
                .param("cutOff", hours.cutOff()).param("user", username).update();
        reload();
        return hours;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
