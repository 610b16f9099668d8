package vn.motcua.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.MakeUpDay;
import vn.motcua.calendar.YearSchedule;

/**
 * The official schedule file of one year ({@code calendar/schedules/YYYY.json}, or uploaded by an
 * administrator): days off as dates or ranges, and make-up working Saturdays, each with its names,
 * its status (OFFICIAL_DECISION, STATUTORY or COMPUTED_DEFAULT) and its source.
 */
public final class ScheduleJson {

    static final Set<String> STATUSES = Set.of("OFFICIAL_DECISION", "STATUTORY", "COMPUTED_DEFAULT");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The file's structure. */
    public record Document(Integer year, String title, String source, List<Entry> daysOff, List<MakeUp> makeUpDays) {
    }

    public record Entry(String from, String to, String kind, String nameVi, String nameEn, String status, String source) {
    }

    public record MakeUp(String date, String nameVi, String nameEn, String status, String source) {
    }

    /** A schedule file that cannot be used, with a message key of the calendar bundle and its arguments. */
    public static final class InvalidSchedule extends RuntimeException {
        private final String key;
        private final transient Object[] args;

        InvalidSchedule(String key, Object... args) {
            super(key + " " + java.util.Arrays.toString(args));
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private ScheduleJson() {
    }

    public static YearSchedule parse(String json) {
        Document doc;
        try {
            doc = JSON.readValue(json, Document.class);
        } catch (JacksonException e) {
            throw new InvalidSchedule("calendar.error.schedule.json", e.getOriginalMessage());
        }
        if (doc == null || doc.year() == null) {
            throw new InvalidSchedule("calendar.error.schedule.year.missing");
        }
        int year = doc.year();
        if (year < vn.motcua.calendar.WorkingDayTable.MIN_YEAR || year > vn.motcua.calendar.WorkingDayTable.MAX_YEAR) {
            throw new InvalidSchedule("calendar.error.year.range", String.valueOf(year),
                    String.valueOf(vn.motcua.calendar.WorkingDayTable.MIN_YEAR), String.valueOf(vn.motcua.calendar.WorkingDayTable.MAX_YEAR));
        }
        if (blank(doc.source())) {
            throw new InvalidSchedule("calendar.error.schedule.source.missing", "source");
        }
        List<DayOff> off = new ArrayList<>();
        int i = 0;
        for (Entry e : doc.daysOff() == null ? List.<Entry>of() : doc.daysOff()) {
            String where = "daysOff[" + i++ + "]";
            LocalDate from = date(e.from(), where + ".from", year);
            LocalDate to = blank(e.to()) ? from : date(e.to(), where + ".to", year);
            if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 31) {
                throw new InvalidSchedule("calendar.error.schedule.range", where);
            }
            DayOff.Kind kind;
            try {
                kind = DayOff.Kind.valueOf(blank(e.kind()) ? "HOLIDAY" : e.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new InvalidSchedule("calendar.error.schedule.kind", where, e.kind());
            }
            requireText(e.nameVi(), where + ".nameVi");
            requireStatus(e.status(), where);
            requireText(e.source(), where + ".source");
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                off.add(new DayOff(d, kind, e.nameVi().trim(), blank(e.nameEn()) ? null : e.nameEn().trim()));
            }
        }
        List<MakeUpDay> makeUp = new ArrayList<>();
        i = 0;
        for (MakeUp m : doc.makeUpDays() == null ? List.<MakeUp>of() : doc.makeUpDays()) {
            String where = "makeUpDays[" + i++ + "]";
            LocalDate d = date(m.date(), where + ".date", year);
            requireText(m.nameVi(), where + ".nameVi");
            requireStatus(m.status(), where);
            requireText(m.source(), where + ".source");
            makeUp.add(new MakeUpDay(d, m.nameVi().trim(), blank(m.nameEn()) ? m.nameVi().trim() : m.nameEn().trim()));
        }
        try {
            return new YearSchedule(year, YearSchedule.Origin.OFFICIAL, doc.source().trim(), off, makeUp);
        } catch (IllegalArgumentException e) {
            throw new InvalidSchedule("calendar.error.schedule.conflict", e.getMessage());
        }
    }

    /** The schedule file shipped for a year, if any. */
    public static java.util.Optional<String> bundled(int year) {
        try (InputStream in = ScheduleJson.class.getResourceAsStream("/calendar/schedules/" + year + ".json")) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String text, String where, int year) {
        if (blank(text)) {
            throw new InvalidSchedule("calendar.error.schedule.field.missing", where);
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidSchedule("calendar.error.schedule.date", where, text);
        }
        if (d.getYear() != year) {
            throw new InvalidSchedule("calendar.error.schedule.date.year", where, text, String.valueOf(year));
        }
        return d;
    }

    private static void requireText(String value, String where) {
        if (blank(value)) {
            throw new InvalidSchedule("calendar.error.schedule.field.missing", where);
        }
    }

    private static void requireStatus(String status, String where) {
        if (blank(status) || !STATUSES.contains(status.trim())) {
            throw new InvalidSchedule("calendar.error.schedule.status", where, String.valueOf(status));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
