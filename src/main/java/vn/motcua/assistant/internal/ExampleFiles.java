package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The answered examples' files ({@link ExampleIndex}): read from the classpath and checked line by line, a bad line
 * reported with its file and number and skipped.
 */
final class ExampleFiles {

    private static final Logger log = LoggerFactory.getLogger(ExampleFiles.class);

    static final String RESOURCE = "assistant/examples-vi.tsv";
    /** Round 14: more example files in the same format (the written corpus, {@code written-<area>.tsv}). */
    static final String MORE = "classpath*:assistant/examples/*.tsv";

    private ExampleFiles() {
    }

    /**
     * The examples' lines, question, codes, source and where the line is ("file:line"): {@link #RESOURCE} (our sets'
     * questions) then every {@link #MORE} file in name order (round 14: the written corpus), all in the same format. A bad
     * line is reported (log warn with its file and line) and skipped: one typo must not stop the assistant. Read once per
     * JVM; the list is unmodifiable.
     */
    static List<String[]> load() {
        List<String[]> lines = loaded;
        if (lines == null) {
            // class-path files do not change while the JVM runs: read once, not once per assistant (a test builds dozens)
            synchronized (ExampleFiles.class) {
                if (loaded == null) {
                    loaded = List.copyOf(read());
                }
                lines = loaded;
            }
        }
        return lines;
    }

    private static volatile List<String[]> loaded;

    private static List<String[]> read() {
        List<String[]> out = new ArrayList<>();
        try {
            ClassPathResource seed = new ClassPathResource(RESOURCE);
            if (seed.exists()) {
                read(RESOURCE, seed, out);
            }
            Resource[] more = new PathMatchingResourcePatternResolver().getResources(MORE);
            Arrays.sort(more, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource r : more) {
                read("assistant/examples/" + r.getFilename(), r, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void read(String file, Resource res, List<String[]> out) throws IOException {
        try (InputStream in = res.getInputStream()) {
            List<String> problems = new ArrayList<>();
            out.addAll(parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), problems));
            problems.forEach(p -> log.warn("Assistant examples: {}", p));
        }
    }

    /**
     * One file's lines (comments and blank lines skipped); a line without exactly three columns, or with an empty one, or
     * mixing NONE with codes, is left out and described in {@code problems} ("file line n: …").
     */
    static List<String[]> parse(String file, String text, List<String> problems) {
        List<String[]> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] p = line.split("\t", -1);
            if (p.length != 3) {
                problems.add(where + ": " + p.length + " column(s), expected 3 (question, codes, source); skipped");
                continue;
            }
            String q = p[0].strip();
            String codes = p[1].strip();
            String source = p[2].strip();
            if (q.isEmpty() || codes.isEmpty() || source.isEmpty()) {
                problems.add(where + ": an empty column (question, codes, source); skipped");
                continue;
            }
            List<String> list = Arrays.stream(codes.split(",")).map(String::strip).toList();
            if (list.stream().anyMatch(String::isEmpty) || list.contains(ExampleIndex.NONE) && list.size() > 1) {
                problems.add(where + ": codes \"" + codes + "\" are not a list of procedure codes or NONE alone; skipped");
                continue;
            }
            out.add(new String[] {q, String.join(",", list), source, where});
        }
        return out;
    }

    /**
     * The lines every code of which (NONE aside) is a procedure of the catalogue being indexed; the others are skipped.
     * Each skipped line is reported to {@code report} with its file and line; when the catalogue knows fewer than half
     * the labels' codes (a test's handful of procedures, a partial import) they are reported in one summary instead.
     * The evaluation, which wants every line whatever the catalogue, asks {@link IndexKeeper#everyExample}.
     */
    static List<String[]> known(List<String[]> lines, Predicate<String> exists, Consumer<String> report) {
        Set<String> codes = new java.util.TreeSet<>();
        lines.forEach(l -> codes.addAll(List.of(l[1].split(","))));
        codes.remove(ExampleIndex.NONE);
        List<String> unknown = codes.stream().filter(c -> !exists.test(c)).toList();
        if (unknown.isEmpty()) {
            return lines;
        }
        boolean summary = unknown.size() * 2 > codes.size();
        Set<String> bad = Set.copyOf(unknown);
        List<String[]> out = new ArrayList<>(lines.size());
        for (String[] l : lines) {
            List<String> missing = Arrays.stream(l[1].split(",")).filter(bad::contains).toList();
            if (missing.isEmpty()) {
                out.add(l);
            } else if (!summary) {
                report.accept((l.length > 3 ? l[3] : l[2]) + ": no procedure " + String.join(", ", missing)
                        + " in the catalogue; skipped");
            }
        }
        if (summary) {
            report.accept((lines.size() - out.size()) + " of " + lines.size() + " lines skipped: the catalogue holds "
                    + (codes.size() - unknown.size()) + " of the " + codes.size() + " procedures they name");
        }
        return out;
    }
}
