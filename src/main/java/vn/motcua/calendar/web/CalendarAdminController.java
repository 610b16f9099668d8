package vn.motcua.calendar.web;

import vn.motcua.platform.time.VietnamTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.MakeUpDay;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.calendar.internal.CalendarService;
import vn.motcua.platform.api.ApiException;

/** The administrator's view of a year's working calendar, with the schedule upload. */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMIN')")
class CalendarAdminController {

    private final CalendarService calendar;
    private final MessageSource messages;

    private final java.time.Clock clock;

    CalendarAdminController(CalendarService calendar, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** One day cell of the month grid; {@code day} 0 is an empty cell. */
    record Cell(int day, String css, String label) {
    }

    record Month(int number, List<List<Cell>> weeks) {
    }

    record Row(LocalDate date, String kind, String name) {
    }

    @GetMapping
    String current() {
        return "redirect:/admin/calendar/" + VietnamTime.today(clock).getYear();
    }

    @GetMapping("/{year}")
    String year(@PathVariable int year, Model model) {
        CalendarService.requireYear(year);
        fill(year, model);
        return "calendar/admin-year";
    }

    @PostMapping("/{year}/schedule")
    String upload(@PathVariable int year, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "json", required = false) String json, Principal principal, Model model,
                  HttpServletResponse response) throws IOException {
        CalendarService.requireYear(year);
        String document = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : json;
        try {
            if (document == null || document.isBlank()) {
                throw ApiException.badRequest("calendar.error.schedule.empty");
            }
            calendar.upload(year, document, principal.getName());
        } catch (ApiException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("uploadError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("json", json);
            fill(year, model);
            return "calendar/admin-year";
        }
        return "redirect:/admin/calendar/" + year + "?uploaded";
    }

    @PostMapping("/{year}/schedule/delete")
    String reset(@PathVariable int year, Principal principal) {
        calendar.removeSchedule(year, principal.getName());
        return "redirect:/admin/calendar/" + year + "?reset";
    }

    private void fill(int year, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        YearSchedule schedule = calendar.schedule(year);
        Map<LocalDate, DayOff> off = new HashMap<>();
        schedule.daysOff().forEach(d -> off.put(d.date(), d));
        Map<LocalDate, MakeUpDay> makeUp = new HashMap<>();
        schedule.makeUpDays().forEach(m -> makeUp.put(m.date(), m));
        boolean en = "en".equals(locale.getLanguage());

        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            int lead = ym.atDay(1).getDayOfWeek().getValue() - 1;
            for (int i = 0; i < lead; i++) {
                week.add(new Cell(0, "cal-blank", ""));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                String css;
                String label;
                if (makeUp.containsKey(date)) {
                    css = "cal-makeup";
                    label = msg("calendar.grid.makeUp", locale) + ": " + (en ? makeUp.get(date).nameEn() : makeUp.get(date).nameVi());
                } else if (off.containsKey(date)) {
                    css = "cal-off";
                    label = msg("calendar.kind." + off.get(date).kind().name(), locale) + ": " + off.get(date).name(locale);
                } else if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    css = "cal-weekend";
                    label = msg("calendar.grid.weekend", locale);
                } else {
                    css = "cal-work";
                    label = msg("calendar.grid.working", locale);
                }
                week.add(new Cell(d, css, label));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(0, "cal-blank", ""));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        List<Row> rows = new ArrayList<>();
        schedule.daysOff().forEach(d -> rows.add(new Row(d.date(), msg("calendar.kind." + d.kind().name(), locale), d.name(locale))));
        schedule.makeUpDays().forEach(m -> rows.add(new Row(m.date(), msg("calendar.grid.makeUp", locale), en ? m.nameEn() : m.nameVi())));
        rows.sort(java.util.Comparator.comparing(Row::date));

        model.addAttribute("year", year);
        model.addAttribute("previousYear", year - 1);
        model.addAttribute("nextYear", year + 1);
        model.addAttribute("months", months);
        model.addAttribute("rows", rows);
        model.addAttribute("official", schedule.origin() == YearSchedule.Origin.OFFICIAL);
        model.addAttribute("origin", calendar.scheduleOrigin(year).orElse("COMPUTED"));
        model.addAttribute("source", schedule.source());
        model.addAttribute("workingDays", calendar.calculator().days().workingDaysInYear(year));
        model.addAttribute("daysInYear", Year.of(year).length());
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
