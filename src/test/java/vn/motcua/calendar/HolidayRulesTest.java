package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.internal.ScheduleJson;

class HolidayRulesTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void computedDefaultsFollowArticle112() {
        YearSchedule y2024 = HolidayRules.defaults(2024);
        assertThat(y2024.origin()).isEqualTo(YearSchedule.Origin.COMPUTED);
        assertThat(y2024.daysOff()).extracting(DayOff::date).containsExactly(
                d("2024-01-01"),
                // Tết 2024-02-10 (Saturday): eve Fri 9, days 1–4 = 10–13; Sat 10 and Sun 11 give substitutes Wed 14, Thu 15.
                d("2024-02-09"), d("2024-02-10"), d("2024-02-11"), d("2024-02-12"), d("2024-02-13"),
                d("2024-02-14"), d("2024-02-15"),
                d("2024-04-18"), d("2024-04-30"), d("2024-05-01"),
                // 2 September 2024 is a Monday: the adjacent day is Tuesday 3 September.
                d("2024-09-02"), d("2024-09-03"));
        assertThat(y2024.daysOff().stream().filter(x -> x.kind() == DayOff.Kind.SUBSTITUTE).map(DayOff::nameEn))
                .containsExactly("Substitute day off for Lunar New Year (day 1)", "Substitute day off for Lunar New Year (day 2)");
    }

    @Test
    void weekendHolidaysGiveTheNextWorkingDay() {
        // 2022: 1 Jan is a Saturday → Monday 3 Jan; 10/3 lunar = Sunday 10 April → Monday 11 April;
        // 30 April Saturday and 1 May Sunday → Monday 2 and Tuesday 3 May.
        var off = HolidayRules.defaults(2022).daysOff().stream().filter(x -> x.kind() == DayOff.Kind.SUBSTITUTE)
                .map(DayOff::date).toList();
        assertThat(off).contains(d("2022-01-03"), d("2022-04-11"), d("2022-05-02"), d("2022-05-03"));
        assertThat(HolidayRules.adjacentNationalDay(2022)).isEqualTo(d("2022-09-01"));
        assertThat(HolidayRules.adjacentNationalDay(2021)).isEqualTo(d("2021-09-03"));
        assertThat(HolidayRules.adjacentNationalDay(2025)).isEqualTo(d("2025-09-01"));
    }

    @Test
    void officialSchedule2025OverridesTheDefaults() {
        var table = TestCalendars.officialTable();
        YearSchedule y2025 = table.schedule(2025);
        assertThat(y2025.origin()).isEqualTo(YearSchedule.Origin.OFFICIAL);
        // Tết Ất Tỵ: off Saturday 25/01 to Sunday 02/02/2025.
        for (LocalDate x = d("2025-01-25"); !x.isAfter(d("2025-02-02")); x = x.plusDays(1)) {
            assertThat(table.isWorkingDay(x)).as(x.toString()).isFalse();
        }
        assertThat(table.isWorkingDay(d("2025-01-24"))).isTrue();
        assertThat(table.isWorkingDay(d("2025-02-03"))).isTrue();
        // 30/4–1/5: Friday 2 May off, made up on Saturday 26 April.
        assertThat(table.isWorkingDay(d("2025-05-02"))).isFalse();
        assertThat(table.isWorkingDay(d("2025-04-26"))).isTrue();
        assertThat(table.isWorkingDay(d("2025-09-01"))).isFalse();
        assertThat(table.isWorkingDay(d("2025-09-02"))).isFalse();
        assertThat(table.isWorkingDay(d("2025-04-07"))).isFalse();
        assertThat(y2025.makeUpDays()).extracting(MakeUpDay::date).containsExactly(d("2025-04-26"));
    }

    @Test
    void officialSchedule2026() {
        var table = TestCalendars.officialTable();
        for (LocalDate x = d("2026-02-14"); !x.isAfter(d("2026-02-22")); x = x.plusDays(1)) {
            assertThat(table.isWorkingDay(x)).as(x.toString()).isFalse();
        }
        assertThat(table.isWorkingDay(d("2026-02-13"))).isTrue();
        assertThat(table.isWorkingDay(d("2026-02-23"))).isTrue();
        assertThat(table.isWorkingDay(d("2026-04-27"))).as("substitute for Hùng Kings on Sunday").isFalse();
        assertThat(table.isWorkingDay(d("2026-04-30"))).isFalse();
        assertThat(table.isWorkingDay(d("2026-05-01"))).isFalse();
        // 2026 has 365 days, 104 weekend days; off on weekdays: 1/1, 16–20/2, 27/4, 30/4, 1/5, 1/9, 2/9 = 11.
        assertThat(table.workingDaysInYear(2026)).isEqualTo(365 - 104 - 11);
    }

    @Test
    void badSchedulesAreRefusedWithAReason() {
        assertThatThrownBy(() -> ScheduleJson.parse("{not json"))
                .isInstanceOfSatisfying(ScheduleJson.InvalidSchedule.class,
                        e -> assertThat(e.key()).isEqualTo("calendar.error.schedule.json"));
        assertThatThrownBy(() -> ScheduleJson.parse("""
                {"year": 2027, "source": "x", "daysOff": [{"from": "2028-01-01", "nameVi": "a", "status": "STATUTORY", "source": "s"}]}
                """)).isInstanceOfSatisfying(ScheduleJson.InvalidSchedule.class,
                e -> assertThat(e.key()).isEqualTo("calendar.error.schedule.date.year"));
        assertThatThrownBy(() -> ScheduleJson.parse("""
                {"year": 2027, "source": "x", "daysOff": [{"from": "2027-01-01", "nameVi": "a", "status": "GUESS", "source": "s"}]}
                """)).isInstanceOfSatisfying(ScheduleJson.InvalidSchedule.class,
                e -> assertThat(e.key()).isEqualTo("calendar.error.schedule.status"));
        assertThatThrownBy(() -> ScheduleJson.parse("""
                {"year": 2027, "source": "x", "makeUpDays": [{"date": "2027-01-04", "nameVi": "a", "status": "STATUTORY", "source": "s"}]}
                """)).isInstanceOfSatisfying(ScheduleJson.InvalidSchedule.class,
                e -> assertThat(e.key()).isEqualTo("calendar.error.schedule.conflict"));
    }
}
