package vn.motcua.privacy;

import java.util.List;
import java.util.Map;

/**
 * What a retention port's owner says of the register's personal columns (table.column) of its data: those it clears
 * (itself or through the modules retention calls after it) and those it keeps, each with why. Checked against the
 * register by the retention tests, so a column registered is a column decided.
 */
public record RetainedColumns(List<String> anonymised, Map<String, String> kept) {

    public RetainedColumns {
        anonymised = List.copyOf(anonymised);
        kept = Map.copyOf(kept);
    }
}
