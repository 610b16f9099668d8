package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test side: the examples' lines as the assistant loads them, for checks over the real catalogue. */
public final class ExampleLines {

    private ExampleLines() {
    }

    /** Every line of every examples file ({@code examples-vi.tsv} and {@code examples/*.tsv}): question, codes, source, where. */
    public static List<String[]> all() {
        return ExampleFiles.load();
    }

    /** The production check's reports of lines naming a code {@code exists} denies ("file line n: no procedure …"). */
    public static List<String> unknown(Predicate<String> exists) {
        List<String> out = new ArrayList<>();
        ExampleFiles.known(ExampleFiles.load(), exists, out::add);
        return out;
    }
}
