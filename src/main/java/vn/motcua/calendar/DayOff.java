package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A day on which offices are closed besides ordinary weekends: a public holiday (even when it falls
 * on a weekend), a substitute day off, or an extra day off from the year's official schedule.
 */
public record DayOff(LocalDate date, Kind kind, String nameVi, String nameEn) implements Comparable<DayOff> {

    public enum Kind {
        /** Public holiday of Labour Code 2019 art. 112(1). */
        HOLIDAY,
        /** Substitute day off for a holiday on a weekend (art. 112(3)). */
        SUBSTITUTE,
        /** Other official day off of the year's schedule (Tết bridge, swapped day). */
        OFFICIAL
    }

    public DayOff {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameVi, "nameVi");
        nameEn = nameEn == null || nameEn.isBlank() ? nameVi : nameEn;
    }

    /** The name in the given language: English for {@code en}, Vietnamese otherwise. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    @Override
    public int compareTo(DayOff o) {
        return date.compareTo(o.date);
    }
}
