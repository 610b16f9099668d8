package vn.motcua.reporting.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.platform.time.VietnamTime;
import vn.motcua.reporting.internal.DashboardQueries;
import vn.motcua.reporting.internal.IndicatorComparison;

/**
 * Builds the pages' tables from the answers of the indicator service (the same maps the open-data API returns), in the
 * caller's language. Numbers are shown formatted and exported as numbers.
 */
@Component
class IndicatorTables {

    /** Rows of the indicators table, in order (the keys of the answer). */
    static final List<String> ROWS = List.of("onTime", "onlineSubmission", "fullyOnline", "satisfaction",
            "apologyLetters", "electronicResults", "digitised", "reuse", "feedbackOnTime", "answerSatisfaction",
            "transparency.proceduresPublished", "transparency.trackable", "transparency.resultsPublished");

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final MessageSource messages;

    IndicatorTables(MessageSource messages) {
        this.messages = messages;
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static String decimal(Number v, Locale locale) {
        return v == null ? "—" : String.format(locale, "%,.2f", v.doubleValue());
    }

    /** An ISO date as the page's language writes it (27/03/2025 in Vietnamese). */
    static String day(Object iso, Locale locale) {
        java.time.LocalDate d = java.time.LocalDate.parse(iso.toString());
        return "vi".equals(locale.getLanguage()) ? d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) : d.toString();
    }

    static String percent(Number v, Locale locale) {
        return v == null ? "—" : decimal(v, locale) + " %";
    }

    static String whole(Number v, Locale locale) {
        return v == null ? "—" : String.format(locale, "%,d", v.longValue());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> answer, String key) {
        int dot = key.indexOf('.');
        if (dot > 0) { // a criterion of a group: "transparency.trackable"
            return part(part(answer, key.substring(0, dot)), key.substring(dot + 1));
        }
        return (Map<String, Object>) answer.get(key);
    }

    /** The indicators of one answer: rate, points out of the maximum, dossiers meeting it, out of how many. */
    Table indicators(Map<String, Object> answer, Locale locale) {
        List<Table.Column> cols = List.of(Table.Column.of("indicator", msg("reporting.page.col.indicator", locale)),
                Table.Column.of("percent", msg("reporting.page.col.percent", locale)),
                Table.Column.of("points", msg("reporting.page.col.points", locale)),
                Table.Column.of("numerator", msg("reporting.page.col.numerator", locale)),
                Table.Column.of("denominator", msg("reporting.page.col.denominator", locale)));
        List<Table.Row> rows = new ArrayList<>();
        for (String r : ROWS) {
            Map<String, Object> m = part(answer, r);
            Table.Cell name = Table.Cell.text(msg("reporting.indicator." + r, locale));
            if (Boolean.TRUE.equals(m.get("notAvailable"))) {
                Table.Cell na = Table.Cell.text(msg("reporting.page.notAvailable", locale));
                rows.add(new Table.Row("row-" + r.replace('.', '-'), null, List.of(name, na, na, na, na)));
                continue;
            }
            Number points = (Number) m.get("points");
            Number max = (Number) m.get("maxPoints");
            rows.add(new Table.Row("row-" + r.replace('.', '-'), (Double) m.get("percent"), List.of(name,
                    Table.Cell.number(percent((Number) m.get("percent"), locale), (Number) m.get("percent")),
                    Table.Cell.number(points == null ? "—" : decimal(points, locale) + " / "
                            + whole(max, locale), points),
                    Table.Cell.number(whole((Number) m.get("numerator"), locale), (Number) m.get("numerator")),
                    Table.Cell.number(whole((Number) m.get("denominator"), locale), (Number) m.get("denominator")))));
        }
        return new Table("indicators", msg("reporting.page.caption", locale, day(answer.get("from"), locale),
                day(answer.get("to"), locale)),
                cols, rows, false, null, false, "bars");
    }

    /** Average resolution time per procedure. */
    @SuppressWarnings("unchecked")
    Table resolution(Map<String, Object> answer, Locale locale) {
        List<Table.Row> rows = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) answer.get("resolutionTime")) {
            rows.add(new Table.Row(null, null, List.of(
                    Table.Cell.text(p.get("procedureName") + " (" + p.get("procedureCode") + ")"),
                    Table.Cell.number(whole((Number) p.get("finished"), locale), (Number) p.get("finished")),
                    Table.Cell.number(decimal((Number) p.get("averageDays"), locale), (Number) p.get("averageDays")))));
        }
        return new Table("resolution", msg("reporting.page.resolution", locale), List.of(
                Table.Column.of("procedure", msg("reporting.page.col.procedure", locale)),
                Table.Column.of("finished", msg("reporting.page.col.finished", locale)),
                Table.Column.of("days", msg("reporting.page.col.days", locale))), rows, false, null, false, null);
    }

    /** The series (one row per month, quarter or year): dossiers and the three indicators with points. */
    Table series(List<Map<String, Object>> series, String from, String to, Locale locale) {
        List<Table.Row> rows = new ArrayList<>();
        for (Map<String, Object> s : series) {
            List<Table.Cell> cells = new ArrayList<>();
            cells.add(Table.Cell.text((String) s.get("period")));
            cells.add(Table.Cell.number(whole((Number) s.get("dossiers"), locale), (Number) s.get("dossiers")));
            for (String k : new String[] {"onTime", "onlineSubmission", "satisfaction"}) {
                Number p = (Number) part(s, k).get("percent");
                cells.add(Table.Cell.number(percent(p, locale), p));
            }
            rows.add(new Table.Row("period-" + s.get("period"), null, cells));
        }
        return new Table("series", msg("reporting.page.seriesCaption", locale, day(from, locale), day(to, locale)), List.of(
                Table.Column.of("period", msg("reporting.page.col.period", locale)),
                Table.Column.of("dossiers", msg("reporting.page.col.dossiers", locale)),
                new Table.Column("onTime", msg("reporting.indicator.onTime", locale), true),
                new Table.Column("onlineSubmission", msg("reporting.indicator.onlineSubmission", locale), true),
                new Table.Column("satisfaction", msg("reporting.indicator.satisfaction", locale), true)),
                rows, false, null, false, "lines");
    }

    /** One line of a comparison: the unit or agency, its code, a link (or null) and its headline. */
    record Line(String name, String code, String href, Map<String, Object> headline) {
    }

    /** The lines of a side-by-side computation; {@code href}: a link per code ({@code %s} = the code), or null. */
    static List<Line> lines(List<vn.motcua.reporting.internal.SideBySide.Line> lines, String href) {
        return lines.stream().map(l -> new Line(l.name(), l.code(), href == null ? null : href.formatted(l.code()),
                l.headline())).toList();
    }

    /** Units or agencies side by side with the points of the three indicators that carry them; sortable. */
    Table comparison(String id, String caption, List<Line> lines, Locale locale) {
        List<Table.Row> rows = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> h = l.headline();
            List<Table.Cell> cells = new ArrayList<>();
            cells.add(l.href() == null ? Table.Cell.text(l.name()) : Table.Cell.link(l.name(), l.href()));
            cells.add(Table.Cell.text(l.code()));
            cells.add(Table.Cell.number(whole((Number) h.get("dossiers"), locale), (Number) h.get("dossiers")));
            for (String k : new String[] {"onTime", "onlineSubmission", "satisfaction"}) {
                Number p = (Number) part(h, k).get("percent");
                Number pts = (Number) part(h, k).get("points");
                cells.add(Table.Cell.number(percent(p, locale), p));
                cells.add(Table.Cell.number(decimal(pts, locale), pts));
            }
            Number total = (Number) h.get("points");
            cells.add(Table.Cell.number(decimal(total, locale), total));
            rows.add(new Table.Row(id + "-" + l.code(), null, cells));
        }
        List<Table.Column> cols = new ArrayList<>(List.of(
                Table.Column.of("name", msg("reporting.dash.col.name", locale)),
                Table.Column.of("code", msg("reporting.dash.col.code", locale)),
                Table.Column.of("dossiers", msg("reporting.page.col.dossiers", locale))));
        for (String k : new String[] {"onTime", "onlineSubmission", "satisfaction"}) {
            cols.add(Table.Column.of(k, msg("reporting.dash.col.percent", locale, msg("reporting.dash.short." + k, locale))));
            cols.add(Table.Column.of(k + "Points", msg("reporting.dash.col.points", locale,
                    msg("reporting.dash.short." + k, locale))));
        }
        cols.add(Table.Column.of("points", msg("reporting.dash.col.total", locale,
                whole(IndicatorComparison.MAX_POINTS, locale))));
        return new Table(id, caption, cols, rows, true, null, false, null);
    }

    /** The dossiers counted late, each linked to its workbench page. */
    Table late(List<DashboardQueries.LateDossier> late, long count, Locale locale) {
        List<Table.Row> rows = new ArrayList<>();
        for (DashboardQueries.LateDossier d : late) {
            rows.add(new Table.Row(null, null, List.of(
                    Table.Cell.link(d.code() == null ? d.id().toString() : d.code(), "/workbench/processing/" + d.id()),
                    Table.Cell.text(d.procedureName() + " (" + d.procedureCode() + ")"),
                    Table.Cell.text(time(d.promised())),
                    Table.Cell.text(d.endedAt() == null ? msg("reporting.dash.open", locale) : time(d.endedAt())),
                    Table.Cell.number(whole(d.supplementRequests(), locale), d.supplementRequests()),
                    Table.Cell.number(whole(d.apologies(), locale), d.apologies()))));
        }
        return new Table("late", msg("reporting.dash.lateCaption", locale, whole(count, locale)), List.of(
                Table.Column.of("code", msg("reporting.dash.col.dossier", locale)),
                Table.Column.of("procedure", msg("reporting.page.col.procedure", locale)),
                Table.Column.of("promised", msg("reporting.dash.col.promised", locale)),
                Table.Column.of("ended", msg("reporting.dash.col.ended", locale)),
                Table.Column.of("supplements", msg("reporting.dash.col.supplements", locale)),
                Table.Column.of("apologies", msg("reporting.dash.col.apologies", locale))), rows, false, null, false,
                null);
    }

    /** Open steps per officer (names: for their own leader only). */
    Table workload(List<DashboardQueries.Workload> workload, Locale locale) {
        List<Table.Row> rows = new ArrayList<>();
        for (DashboardQueries.Workload w : workload) {
            String who = w.assignee() == null ? msg("reporting.dash.unassigned", locale)
                    : (w.assigneeName() == null ? w.assignee() : w.assigneeName());
            rows.add(new Table.Row(null, null, List.of(Table.Cell.text(who),
                    Table.Cell.number(whole(w.open(), locale), w.open()),
                    Table.Cell.number(whole(w.late(), locale), w.late()))));
        }
        return new Table("workload", msg("reporting.dash.workloadCaption", locale), List.of(
                Table.Column.of("officer", msg("reporting.dash.col.officer", locale)),
                Table.Column.of("open", msg("reporting.dash.col.open", locale)),
                Table.Column.of("late", msg("reporting.dash.col.late", locale))), rows, false, null, false, null);
    }

    private static String time(Instant t) {
        return t == null ? "—" : DAY_TIME.format(t.atZone(VietnamTime.ZONE));
    }
}
