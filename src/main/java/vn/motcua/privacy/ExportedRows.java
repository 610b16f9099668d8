package vn.motcua.privacy;

import java.util.List;

/**
 * The port through which the citizen's data export (low in the house) reads a register table whose rows its owning
 * module serves through a read model of its own, instead of the register's subject condition on the table: the
 * dossier module implements it for {@code dossier_event}, whose rows are exported as the dossier's history, the way its
 * timeline reads it (the events and the transfers read from a reorganisation's journal, which are no events).
 */
public interface ExportedRows {

    /** The register's table whose export this is. */
    String table();

    /**
     * The rows of the account's data, each with exactly {@code columns} (the register's exported columns of
     * {@link #table()}), as a JSON array; an unknown column is an error, not a gap.
     */
    String rowsOf(String account, List<String> columns);
}
