package vn.motcua.reorg.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** CSV cells and writes for the plan exports. */
final class CsvOut {


    private CsvOut() {
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static void write(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
