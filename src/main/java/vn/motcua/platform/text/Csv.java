package vn.motcua.platform.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** CSV cells (RFC 4180) for every export: quoted when needed, and never read as a formula by a spreadsheet. */
public final class Csv {

    private Csv() {
    }

    /**
     * One cell: null becomes empty; a value starting with {@code = + - @} gets a leading apostrophe (a spreadsheet
     * would run it as a formula); a value with a comma, quote or line break is quoted, quotes doubled.
     */
    public static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Writes to a streaming export, an I/O failure unchecked (the response is already committed). */
    public static void write(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
