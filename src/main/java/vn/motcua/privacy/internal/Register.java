package vn.motcua.privacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The register of personal data ({@code privacy/register.json}): every column and file that holds personal data,
 * with its category, purpose, legal basis and retention; how a table's rows belong to a citizen (the data export
 * follows it); and the columns whose names look personal but are not, with the reason.
 */
public record Register(String title, Map<String, String> legalBases, Map<String, String> categories,
                       List<Table> tables, List<FileEntry> files) {

    public static final String RESOURCE = "privacy/register.json";

    public static Register load(JsonMapper json) {
        try (InputStream in = Register.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the class path");
            }
            return json.readValue(in, Register.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A table.
     *
     * @param module      the module that owns it
     * @param subject     SQL condition (with {@code :user}, the citizen's account) selecting the rows that belong to
     *                    a citizen; null when none do (officers' data)
     * @param exportAs    the key of these rows in the citizen's export
     * @param context     columns exported for meaning (ids, states, times) beside the personal ones
     * @param orderBy     order of the exported rows
     * @param purpose     default purpose of the table's personal columns
     * @param legalBasis  default legal basis (a key of {@link Register#legalBases})
     * @param retention   default retention
     * @param columns     the personal columns
     * @param notPersonal columns whose names look personal but hold no personal data, and why
     */
    public record Table(String table, String module, String subject, String exportAs, List<String> context,
                        String orderBy, String purpose, String legalBasis, String retention, List<Column> columns,
                        Map<String, String> notPersonal) {

        public List<Column> columns() {
            return columns == null ? List.of() : columns;
        }

        public List<String> context() {
            return context == null ? List.of() : context;
        }

        public Map<String, String> notPersonal() {
            return notPersonal == null ? Map.of() : notPersonal;
        }

        /** Columns of the citizen's export: the context, then the personal columns except file contents. */
        public List<String> exported() {
            List<String> all = new ArrayList<>(context());
            columns().stream().filter(Column::exported).map(Column::column).filter(c -> !all.contains(c)).forEach(all::add);
            return all;
        }
    }

    /**
     * A personal column. Purpose, legal basis and retention default to the table's.
     *
     * @param category basic or sensitive (Decree 356/2025 lists the sensitive kinds)
     * @param data     what it holds, in words
     * @param file     the column holds file contents: exported as metadata only (name, type, size, SHA-256)
     * @param export   false: not in the citizen's export (a password hash; the account of the officer who viewed)
     * @param encrypted a field encrypted at rest by the Vault under {@code table.column}: {@code "text"} (UTF-8) or
     *                  {@code "json"} (JSON text, exported as JSON); file contents ({@code file}) are always encrypted
     * @param blindIndex the column holding the field's blind index (lookups by equality), if any
     * @param clear     for a sensitive field left in the clear: why (docs/privacy.md, "Sensitive fields")
     */
    public record Column(String column, String category, String data, Boolean file, Boolean export, String purpose,
                         String legalBasis, String retention, String encrypted, String blindIndex, String clear) {

        /** Encrypted at rest (a file's contents or an encrypted field). */
        public boolean isEncrypted() {
            return isFile() || encrypted != null;
        }

        public boolean exported() {
            return !isFile() && !Boolean.FALSE.equals(export);
        }

        public boolean isFile() {
            return Boolean.TRUE.equals(file);
        }
    }

    /** Personal data outside the database (log files, exports). */
    public record FileEntry(String path, String category, String data, String purpose, String legalBasis,
                            String retention) {
    }

    public String purposeOf(Table t, Column c) {
        return c.purpose() != null ? c.purpose() : t.purpose();
    }

    public String legalBasisOf(Table t, Column c) {
        return c.legalBasis() != null ? c.legalBasis() : t.legalBasis();
    }

    public String retentionOf(Table t, Column c) {
        return c.retention() != null ? c.retention() : t.retention();
    }
}
