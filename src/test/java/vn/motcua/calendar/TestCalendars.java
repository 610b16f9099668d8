package vn.motcua.calendar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.calendar.internal.ScheduleJson;

/** Calendars for tests and benches: the shipped official schedules (2025, 2026) over the computed defaults. */
final class TestCalendars {

    private static final Map<Integer, YearSchedule> OFFICIAL = new ConcurrentHashMap<>();

    private TestCalendars() {
    }

    static YearSchedule schedule(int year) {
        return OFFICIAL.computeIfAbsent(year, y -> ScheduleJson.bundled(y).map(ScheduleJson::parse)
                .orElseGet(() -> HolidayRules.defaults(y)));
    }

    static WorkingDayTable officialTable() {
        return new WorkingDayTable(TestCalendars::schedule);
    }

    static DeadlineCalculator calculator() {
        return new DeadlineCalculator(officialTable());
    }
}
