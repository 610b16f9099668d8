package vn.motcua.platform.web;

import java.util.regex.Pattern;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates typed as three boxes (ngày / tháng / năm, after the GOV.UK date input) on any page: the fragment
 * {@code fragments/date-input :: dateInput} posts {@code x__day}, {@code x__month}, {@code x__year} and a hidden
 * {@code _dates=x}; {@link DateInputFilter} joins them into the parameter {@code x} as an ISO date before the
 * controller runs, so controllers keep their {@code LocalDate x} parameters. A date that cannot be (a part missing,
 * a two-digit year, 31/02) is left out and named in the request attribute {@value #ERRORS} (field name → message
 * key, shown by the fragment next to the field); a controller that must refuse the action asks {@link #errors}.
 * Also a bean named {@code dateParts} that splits a value for the three boxes.
 */
@Component("dateParts")
public class DateInputs {

    private static final Pattern DAY_OR_MONTH = Pattern.compile("\\d{1,2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** Request attribute: field name → message key of the problem ({@code date.error.*}). */
    public static final String ERRORS = "dateErrors";
    public static final String DAY = "__day";
    public static final String MONTH = "__month";
    public static final String YEAR = "__year";
    /** The hidden parameter naming the date fields of a form. */
    public static final String FIELDS = "_dates";

    /** The outcome of joining three boxes: a date, nothing (all three empty) or a message key. */
    public record Parsed(LocalDate date, String error) {
        public boolean blank() {
            return date == null && error == null;
        }
    }

    /** Joins the three boxes; each may be null. */
    public static Parsed parse(String day, String month, String year) {
        String d = day == null ? "" : day.strip();
        String m = month == null ? "" : month.strip();
        String y = year == null ? "" : year.strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return new Parsed(null, null);
        }
        if (d.isEmpty() || m.isEmpty() || y.isEmpty()) {
            return new Parsed(null, "date.error.incomplete");
        }
        if (!DAY_OR_MONTH.matcher(d).matches() || !DAY_OR_MONTH.matcher(m).matches() || !DIGITS.matcher(y).matches()) {
            return new Parsed(null, "date.error.notNumber");
        }
        if (y.length() != 4) {
            return new Parsed(null, "date.error.year");
        }
        try {
            return new Parsed(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)), null);
        } catch (DateTimeException e) {
            return new Parsed(null, "date.error.impossible");
        }
    }

    /** The date fields of this request that could not be read: name → message key; empty when all are fine. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> errors(HttpServletRequest request) {
        Object o = request.getAttribute(ERRORS);
        return o instanceof Map<?, ?> m ? (Map<String, String>) m : Collections.emptyMap();
    }

    /**
     * The message naming one wrong date of this request with its label ("Ngày họp: ngày không có thật"), or null
     * when the field's date is fine: what a page that refuses the action shows.
     */
    public static String wrongDate(HttpServletRequest request, String field, String labelKey, MessageSource messages,
                                   Locale locale) {
        String key = errors(request).get(field);
        return key == null ? null
                : messages.getMessage(key, new Object[]{messages.getMessage(labelKey, null, locale)}, locale);
    }

    /** The messages of all wrong dates of this request, joined; null when there are none. */
    public static String wrongDates(HttpServletRequest request, Function<String, String> labelKey,
                                    MessageSource messages, Locale locale) {
        Map<String, String> all = errors(request);
        return all.isEmpty() ? null : String.join(" ", all.keySet().stream()
                .map(field -> wrongDate(request, field, labelKey.apply(field), messages, locale)).toList());
    }

    /** Names a date field as wrong (e.g. required but empty: {@code date.error.required}), for the fragment. */
    @SuppressWarnings("unchecked")
    public static void reject(HttpServletRequest request, String name, String messageKey) {
        Object o = request.getAttribute(ERRORS);
        Map<String, String> m = o instanceof Map<?, ?> ? (Map<String, String>) o : newErrors(request);
        m.put(name, messageKey);
    }

    static Map<String, String> newErrors(HttpServletRequest request) {
        Map<String, String> m = new LinkedHashMap<>();
        request.setAttribute(ERRORS, m);
        return m;
    }

    /** For the template: the day of a value (a {@code LocalDate} or an ISO text), "" when none. */
    public String day(Object value) {
        TemporalAccessor t = date(value);
        return t == null ? "" : String.valueOf(((LocalDate) t).getDayOfMonth());
    }

    public String month(Object value) {
        TemporalAccessor t = date(value);
        return t == null ? "" : String.valueOf(((LocalDate) t).getMonthValue());
    }

    public String year(Object value) {
        TemporalAccessor t = date(value);
        return t == null ? "" : String.valueOf(((LocalDate) t).getYear());
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
