package vn.motcua.calendar.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.OfficeHours;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.YearSchedule;
import vn.motcua.calendar.internal.CalendarService;
import vn.motcua.platform.api.ApiException;

@RestController
@RequestMapping(path = "/api/v1/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "Working calendar, days off and legal deadlines (Asia/Ho_Chi_Minh)")
class CalendarApiController {

    static final int MAX_DAYS = 3650;
    static final int MAX_HOURS = 20000;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final CalendarService calendar;

    private final java.time.Clock clock;

    CalendarApiController(CalendarService calendar, java.time.Clock clock) {
        this.clock = clock;
        this.calendar = calendar;
    }

    record DeadlineResponse(String receivedAt, String countFrom, String dueAt) {
    }

    record DayOffResponse(String date, String name) {
    }

    record DayResponse(String date, String kind, String name) {
    }

    record YearResponse(int year, String origin, String source, int workingDays, List<DayResponse> daysOff,
                        List<DayResponse> makeUpDays) {
    }

    record OfficeHoursRequest(String sessions, String cutOff) {
    }

    record OfficeHoursResponse(String agencyCode, String sessions, String cutOff, boolean defaults) {
    }

    @GetMapping("/deadline")
    @Operation(summary = "When is the result due?",
            description = "Given the receipt instant and a processing time in working days or working hours, returns "
                    + "when the time starts to count and when the result is due, in Asia/Ho_Chi_Minh (+07:00). "
                    + "Received after the cut-off (15:00 by default) or on a day off counts from the next working day; "
                    + "the receipt day is day 0 (Civil Code art. 147) and a working-day deadline ends at the close of "
                    + "office hours (17:00).")
    DeadlineResponse deadline(
            @Parameter(description = "ISO-8601 date-time with offset (2025-03-14T16:00:00+07:00), a local date-time "
                    + "taken in Asia/Ho_Chi_Minh (2025-03-14T16:00), or 'now'") @RequestParam(required = false) String receivedAt,
            @Parameter(description = "Processing time in working days (give this or workingHours)") @RequestParam(required = false) String workingDays,
            @Parameter(description = "Processing time in working hours (give this or workingDays)") @RequestParam(required = false) String workingHours,
            @Parameter(description = "Agency code for its office hours; default hours when absent") @RequestParam(required = false) String agencyCode) {
        Instant received = parseInstant(receivedAt, clock);
        boolean days = present(workingDays);
        boolean hours = present(workingHours);
        if (days == hours) {
            throw ApiException.badRequest("calendar.error.deadline.unit");
        }
        ProcessingTime time = days ? ProcessingTime.workingDays(amount("workingDays", workingDays, MAX_DAYS))
                : ProcessingTime.workingHours(amount("workingHours", workingHours, MAX_HOURS));
        CalendarService.requireYear(received.atZone(DeadlineCalculator.ZONE).getYear());
        try {
            return new DeadlineResponse(format(received.atZone(DeadlineCalculator.ZONE)),
                    format(calendar.countFrom(received, agencyCode)), format(calendar.dueAt(received, time, agencyCode)));
        } catch (IllegalArgumentException outOfRange) {
            throw ApiException.badRequest("calendar.error.deadline.range");
        }
    }

    @GetMapping("/{year}/days-off")
    @Operation(summary = "Days off of a year",
            description = "Public holidays, substitute days and official days off, sorted by date; names in Vietnamese, "
                    + "or English with Accept-Language: en.")
    List<DayOffResponse> daysOff(@PathVariable int year) {
        Locale locale = LocaleContextHolder.getLocale();
        return calendar.schedule(year).daysOff().stream()
                .map(d -> new DayOffResponse(d.date().toString(), d.name(locale))).toList();
    }

    @GetMapping("/{year}")
    @Operation(summary = "A year's calendar", description = "Days off, make-up working days, the origin (OFFICIAL schedule "
            + "or COMPUTED defaults), its source and the number of working days.")
    YearResponse year(@PathVariable int year) {
        Locale locale = LocaleContextHolder.getLocale();
        YearSchedule s = calendar.schedule(year);
        boolean en = "en".equals(locale.getLanguage());
        return new YearResponse(year, s.origin().name(), s.source(), calendar.calculator().days().workingDaysInYear(year),
                s.daysOff().stream().map(d -> new DayResponse(d.date().toString(), d.kind().name(), d.name(locale))).toList(),
                s.makeUpDays().stream().map(m -> new DayResponse(m.date().toString(), "MAKE_UP", en ? m.nameEn() : m.nameVi())).toList());
    }

    @PutMapping(path = "/{year}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Upload a year's official schedule (ADMIN)",
            description = "Replaces the computed defaults (and any earlier schedule) of that year. See docs/calendar.md for the format.")
    YearResponse upload(@PathVariable int year, @RequestBody String json, Principal principal) {
        calendar.upload(year, json, principal.getName());
        return year(year);
    }

    @GetMapping("/office-hours/{agencyCode}")
    @Operation(summary = "An agency's office hours and cut-off (defaults when it has none)")
    OfficeHoursResponse officeHours(@PathVariable String agencyCode) {
        OfficeHours h = calendar.officeHours(agencyCode);
        return new OfficeHoursResponse(agencyCode, h.sessionsText(), h.cutOff().toString(), h == OfficeHours.DEFAULT);
    }

    @PutMapping(path = "/office-hours/{agencyCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set an agency's office hours and cut-off (ADMIN)",
            description = "Body: {\"sessions\": \"07:30-11:30,13:00-17:00\", \"cutOff\": \"15:00\"}")
    OfficeHoursResponse setOfficeHours(@PathVariable String agencyCode, @RequestBody OfficeHoursRequest body,
                                       Principal principal) {
        if (body == null) {
            throw ApiException.badRequest("calendar.error.officeHours.invalid", "", "");
        }
        OfficeHours h = calendar.setOfficeHours(agencyCode, body.sessions(), body.cutOff(), principal.getName());
        return new OfficeHoursResponse(agencyCode.trim(), h.sessionsText(), h.cutOff().toString(), false);
    }

    static Instant parseInstant(String text, java.time.Clock clock) {
        if (!present(text)) {
            throw ApiException.badRequest("calendar.error.receivedAt.missing");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(t).toInstant();
            } catch (DateTimeParseException notZoned) {
                try {
                    return LocalDateTime.parse(t).atZone(DeadlineCalculator.ZONE).toInstant();
                } catch (DateTimeParseException notLocal) {
                    throw ApiException.badRequest("calendar.error.receivedAt.invalid", t);
                }
            }
        }
    }

    private static int amount(String name, String text, int max) {
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("calendar.error.amount.invalid", name, text);
        }
        if (n < 0 || n > max) {
            throw ApiException.badRequest("calendar.error.amount.range", name, String.valueOf(n), String.valueOf(max));
        }
        return n;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String format(ZonedDateTime t) {
        return ISO.format(t.withZoneSameInstant(DeadlineCalculator.ZONE));
    }
}
