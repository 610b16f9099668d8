package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The Vietnamese lunisolar calendar (âm lịch): the Chinese calendar's rules with new moons and solar
 * terms computed at UTC+7 instead of UTC+8, exactly as ICU's own {@code DangiCalendar} does for
 * Korea at UTC+9. This is what makes Vietnam's Tết differ from China's New Year in some years
 * (1985-01-21, 2007-02-17, 2030-02-02...).
 *
 * <p>Built on ICU4J's astronomy; no third-party lunar tables are copied. Instances are not
 * thread-safe (ICU calendars are mutable); the static helpers create their own and cache results.
 */
public final class VietnameseLunarCalendar extends ChineseCalendar {

    private static final long serialVersionUID = 1L;
    /** UTC+7, fixed: the meridian of the Vietnamese calendar (105° E). */
    static final TimeZone UTC7 = new SimpleTimeZone(7 * 60 * 60 * 1000, "UTC+07:00");
    /** Julian day number of 1970-01-01. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;
    private static final ConcurrentMap<Integer, LocalDate> TET = new ConcurrentHashMap<>();

    /** A lunar date: year is the Gregorian year in which that lunar year begins (its Tết). */
    public record LunarDate(int year, int month, boolean leapMonth, int day) {
    }

    public VietnameseLunarCalendar() {
        super(UTC7, ULocale.ROOT, UTC7);
    }

    /** Tết Nguyên đán: the first day of the lunar year that begins in the given Gregorian year. */
    public static LocalDate lunarNewYear(int gregorianYear) {
        return TET.computeIfAbsent(gregorianYear, y -> toGregorian(new LunarDate(y, 1, false, 1)));
    }

    /** The Gregorian date of a lunar date (month 1–12; {@code leapMonth} for the intercalary month). */
    public static LocalDate toGregorian(LunarDate lunar) {
        VietnameseLunarCalendar cal = new VietnameseLunarCalendar();
        // Anchor in the Gregorian year, then read the lunar year number ICU uses for it.
        cal.setJulianDay(LocalDate.of(lunar.year(), 7, 1));
        int extendedYear = cal.get(EXTENDED_YEAR);
        cal.clear();
        cal.set(EXTENDED_YEAR, extendedYear);
        cal.set(MONTH, lunar.month() - 1);
        cal.set(IS_LEAP_MONTH, lunar.leapMonth() ? 1 : 0);
        cal.set(DAY_OF_MONTH, lunar.day());
        return LocalDate.ofEpochDay(cal.get(JULIAN_DAY) - EPOCH_JULIAN_DAY);
    }

    /** The lunar date of a Gregorian date. */
    public static LunarDate fromGregorian(LocalDate date) {
        VietnameseLunarCalendar cal = new VietnameseLunarCalendar();
        cal.setJulianDay(date);
        int month = cal.get(MONTH) + 1;
        boolean leap = cal.get(IS_LEAP_MONTH) == 1;
        int day = cal.get(DAY_OF_MONTH);
        int year = date.getYear();
        if (date.isBefore(lunarNewYear(year))) {
            year--;
        }
        return new LunarDate(year, month, leap, day);
    }

    private void setJulianDay(LocalDate date) {
        clear();
        set(JULIAN_DAY, (int) (date.toEpochDay() + EPOCH_JULIAN_DAY));
        complete();
    }
}
