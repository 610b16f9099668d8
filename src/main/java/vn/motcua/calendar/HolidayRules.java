package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default days off of a year, computed from Labour Code 2019 art. 112 (in force since 2021) for
 * offices working Monday to Friday:
 * <ul>
 * <li>1 January; Tết: lunar New Year's eve and days 1–4 (5 days); Hùng Kings day (10th day of the 3rd
 * lunar month); 30 April; 1 May; 2 September plus one adjacent day;</li>
 * <li>clause 3: a holiday on a Saturday or Sunday gives a substitute day off on the next working day.</li>
 * </ul>
 * The adjacent National Day is 3 September when 2 September is a Monday, Thursday or Sunday (a
 * bridge to the weekend), otherwise 1 September — what the government chose in 2021–2025.
 * The same rules are applied to every year; earlier law (4 Tết days before 2013, no Hùng Kings day
 * before 2007, a single National Day before 2021) is not reconstructed. The exact days of each year
 * come from the official schedule when one is loaded.
 */
public final class HolidayRules {

    public static final String SOURCE = "computed default (Labour Code art. 112)";
    private static final String[] TET_VI = {"Tết Nguyên đán (ngày cuối năm Âm lịch)", "Tết Nguyên đán (mùng 1)",
            "Tết Nguyên đán (mùng 2)", "Tết Nguyên đán (mùng 3)", "Tết Nguyên đán (mùng 4)"};
    private static final String[] TET_EN = {"Lunar New Year's Eve", "Lunar New Year (day 1)",
            "Lunar New Year (day 2)", "Lunar New Year (day 3)", "Lunar New Year (day 4)"};

    private HolidayRules() {
    }

    public static YearSchedule defaults(int year) {
        List<DayOff> holidays = new ArrayList<>();
        holidays.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", "New Year's Day"));
        LocalDate tet = VietnameseLunarCalendar.lunarNewYear(year);
        for (int i = 0; i < 5; i++) {
            holidays.add(holiday(tet.plusDays(i - 1L), TET_VI[i], TET_EN[i]));
        }
        LocalDate hung = VietnameseLunarCalendar.toGregorian(new VietnameseLunarCalendar.LunarDate(year, 3, false, 10));
        holidays.add(holiday(hung, "Giỗ Tổ Hùng Vương (10/3 Âm lịch)", "Hung Kings' Commemoration Day"));
        holidays.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)"));
        holidays.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động (1/5)", "International Labour Day"));
        LocalDate national = LocalDate.of(year, 9, 2);
        holidays.add(holiday(national, "Quốc khánh (2/9)", "National Day"));
        holidays.add(holiday(adjacentNationalDay(year), "Quốc khánh (ngày liền kề)", "National Day (adjacent day)"));

        Set<LocalDate> taken = new TreeSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<DayOff> all = new ArrayList<>(holidays);
        for (DayOff h : holidays.stream().sorted().toList()) {
            if (YearSchedule.isWeekend(h.date())) {
                LocalDate d = h.date().plusDays(1);
                while (YearSchedule.isWeekend(d) || taken.contains(d)) {
                    d = d.plusDays(1);
                }
                taken.add(d);
                if (d.getYear() == year) {
                    all.add(new DayOff(d, DayOff.Kind.SUBSTITUTE, "Nghỉ bù " + h.nameVi(),
                            "Substitute day off for " + h.nameEn()));
                }
            }
        }
        return new YearSchedule(year, YearSchedule.Origin.COMPUTED, SOURCE, all, List.of());
    }

    static LocalDate adjacentNationalDay(int year) {
        DayOfWeek dow = LocalDate.of(year, 9, 2).getDayOfWeek();
        boolean after = dow == DayOfWeek.MONDAY || dow == DayOfWeek.THURSDAY || dow == DayOfWeek.SUNDAY;
        return LocalDate.of(year, 9, after ? 3 : 1);
    }

    private static DayOff holiday(LocalDate date, String vi, String en) {
        return new DayOff(date, DayOff.Kind.HOLIDAY, vi, en);
    }
}
