package vn.motcua.reporting.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table as a page shows it and as the XLSX / CSV exports write it: one model for both, so every table shown is
 * exported with the same numbers. The first cell of a row is its header ({@code th scope="row"}).
 *
 * @param id       the HTML id of the table (and the export's sheet order)
 * @param sortable whether the column headers are sort links (server-side: {@code sort} and {@code dir} parameters)
 * @param chart    the chart drawn from this table: {@code bars} (the percent of each row), {@code lines} (the
 *                 columns marked {@link Column#series} per row), or null
 */
record Table(String id, String caption, List<Column> columns, List<Row> rows, boolean sortable, String sort,
             boolean descending, String chart) {

    /** A column: key (for sorting), label; {@code series}: drawn as a line of the chart. */
    record Column(String key, String label, boolean series) {
        static Column of(String key, String label) {
            return new Column(key, label, false);
        }
    }

    /** A row: HTML id (or null), the percent the bar chart draws (or null), its cells. */
    record Row(String id, Double percent, List<Cell> cells) {
    }

    /**
     * A cell: the text shown, the value exported (a number as a number, else the text) and a link (or null).
     */
    record Cell(String text, Number value, String href) {
        static Cell text(String s) {
            return new Cell(s, null, null);
        }

        static Cell link(String s, String href) {
            return new Cell(s, null, href);
        }

        static Cell number(String shown, Number value) {
            return new Cell(shown, value, null);
        }

        /** What the exports write. */
        String export() {
            return value == null ? text : value.toString();
        }
    }

    Table sorted(String key, boolean desc) {
        int col = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                col = i;
            }
        }
        if (col < 0) {
            return this;
        }
        int c = col;
        // Numbers by value (missing values last either way), text alphabetically.
        Comparator<Row> byValue = Comparator.comparing((Row r) -> r.cells().get(c).value() == null ? null
                : r.cells().get(c).value().doubleValue(), Comparator.nullsLast(desc ? Comparator.<Double>reverseOrder()
                : Comparator.<Double>naturalOrder()));
        Comparator<Row> byText = Comparator.comparing(r -> r.cells().get(c).text(), desc
                ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder());
        List<Row> out = new ArrayList<>(rows);
        boolean numeric = rows.stream().anyMatch(r -> r.cells().get(c).value() != null);
        out.sort(numeric ? byValue.thenComparing(byText) : byText);
        return new Table(id, caption, columns, out, sortable, key, desc, chart);
    }
}
