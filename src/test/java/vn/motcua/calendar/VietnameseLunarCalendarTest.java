package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The lunar calendar against python-holidays' Vietnamese test vectors (1950–2050, MIT, see data/holidays/SOURCES.md). */
class VietnameseLunarCalendarTest {

    static Map<LocalDate, String> vectors() throws IOException {
        try (InputStream in = new GZIPInputStream(VietnameseLunarCalendarTest.class
                .getResourceAsStream("/data/holidays/python-holidays_VN_COMMON_1950-2050.json.gz"))) {
            Map<String, String> raw = JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, String>>() {
            });
            Map<LocalDate, String> out = new TreeMap<>();
            raw.forEach((k, v) -> out.put(LocalDate.parse(k), v));
            return out;
        }
    }

    @Test
    void everyTetDateFrom1950To2050Matches() throws IOException {
        Map<LocalDate, String> vectors = vectors();
        var tet = vectors.entrySet().stream().filter(e -> e.getValue().equals("Lunar New Year")).map(Map.Entry::getKey).toList();
        assertThat(tet).hasSize(101);
        for (LocalDate expected : tet) {
            assertThat(VietnameseLunarCalendar.lunarNewYear(expected.getYear())).as("Tết %d", expected.getYear())
                    .isEqualTo(expected);
            assertThat(VietnameseLunarCalendar.fromGregorian(expected))
                    .isEqualTo(new VietnameseLunarCalendar.LunarDate(expected.getYear(), 1, false, 1));
        }
    }

    @Test
    void theSixYearsWhereVietnamDiffersFromChinaMatch() {
        assertThat(VietnameseLunarCalendar.lunarNewYear(1965)).isEqualTo(LocalDate.of(1965, 2, 1));
        assertThat(VietnameseLunarCalendar.lunarNewYear(1968)).isEqualTo(LocalDate.of(1968, 1, 29));
        assertThat(VietnameseLunarCalendar.lunarNewYear(1969)).isEqualTo(LocalDate.of(1969, 2, 16));
        assertThat(VietnameseLunarCalendar.lunarNewYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(VietnameseLunarCalendar.lunarNewYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(VietnameseLunarCalendar.lunarNewYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
        // ICU's plain Chinese calendar (UTC+8) gives China's dates in those years: the zone matters.
        var chinese = new com.ibm.icu.util.ChineseCalendar(com.ibm.icu.util.TimeZone.getTimeZone("UTC"));
        chinese.clear();
        chinese.set(com.ibm.icu.util.Calendar.JULIAN_DAY, (int) (LocalDate.of(1985, 7, 1).toEpochDay() + 2_440_588L));
        int extendedYear = chinese.get(com.ibm.icu.util.Calendar.EXTENDED_YEAR);
        chinese.clear();
        chinese.set(com.ibm.icu.util.Calendar.EXTENDED_YEAR, extendedYear);
        chinese.set(com.ibm.icu.util.Calendar.MONTH, 0);
        chinese.set(com.ibm.icu.util.Calendar.DAY_OF_MONTH, 1);
        assertThat(LocalDate.ofEpochDay(chinese.get(com.ibm.icu.util.Calendar.JULIAN_DAY) - 2_440_588L))
                .isEqualTo(LocalDate.of(1985, 2, 20));
    }

    @Test
    void everyHungKingsDayFrom2007Matches() throws IOException {
        var hung = vectors().entrySet().stream().filter(e -> e.getValue().equals("Hung Kings' Commemoration Day"))
                .map(Map.Entry::getKey).toList();
        assertThat(hung).hasSize(44);
        for (LocalDate expected : hung) {
            assertThat(VietnameseLunarCalendar.toGregorian(new VietnameseLunarCalendar.LunarDate(expected.getYear(), 3, false, 10)))
                    .isEqualTo(expected);
        }
    }

    @Test
    void tetEveAndLeapMonths() {
        assertThat(VietnameseLunarCalendar.fromGregorian(LocalDate.of(2025, 1, 28)))
                .isEqualTo(new VietnameseLunarCalendar.LunarDate(2024, 12, false, 29));
        // 2023 had a leap 2nd month (tháng 2 nhuận): 2023-03-22 is 1/2 nhuận.
        assertThat(VietnameseLunarCalendar.fromGregorian(LocalDate.of(2023, 3, 22)))
                .isEqualTo(new VietnameseLunarCalendar.LunarDate(2023, 2, true, 1));
    }
}
