package vn.motcua.platform.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tesseract through its command line: {@code tesseract <image> - -l vie tsv}. The TSV output gives the words
 * with their confidences, from which the text (words joined by line) and the mean confidence are built.
 */
final class Tesseract {

    /** One OCRed image: its text and mean word confidence (0–100; {@code null} if no word was found). */
    record Ocr(String text, Double confidence) {
    }

    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final ReadingProperties properties;
    private volatile Boolean available;
    private volatile String unavailableReason;

    Tesseract(ReadingProperties properties) {
        this.properties = properties;
    }

    /** Whether the binary runs and knows every language asked for; checked once, then remembered. */
    boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (this) {
                if (available == null) {
                    available = probe();
                }
                a = available;
            }
        }
        return a;
    }

    String unavailableReason() {
        return unavailableReason;
    }

    private boolean probe() {
        try {
            Result r = run(List.of(properties.tesseract(), "--list-langs"));
            if (r.exit != 0) {
                unavailableReason = "tesseract --list-langs exited with " + r.exit;
                return false;
            }
            List<String> langs = r.stdout.lines().map(String::strip).toList();
            for (String wanted : properties.language().split("\\+")) {
                if (!langs.contains(wanted)) {
                    unavailableReason = "Tesseract language model '" + wanted + "' is not installed";
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            unavailableReason = "cannot run '" + properties.tesseract() + "': " + e.getMessage();
            return false;
        } catch (Unavailable e) {
            unavailableReason = e.getMessage();
            return false;
        }
    }

    /** OCR of an image file Tesseract can open (PNG, JPEG, TIFF, …). */
    Ocr ocr(Path image) throws IOException, Unavailable {
        if (!available()) {
            throw new Unavailable(unavailableReason);
        }
        // LSTM only (--oem 1) and no inverted-text pass: less CPU, same accuracy (docs/appraisal.md, OcrSettingsBench)
        Result r = run(List.of(properties.tesseract(), image.toString(), "-", "-l", properties.language(),
                "--oem", "1", "--psm", "3", "-c", "tessedit_do_invert=0", "tsv"));
        if (r.exit != 0) {
            throw new IOException("tesseract exited with " + r.exit + ": " + r.stderr.strip());
        }
        return parseTsv(r.stdout);
    }

    /** Builds the text and the mean confidence from Tesseract's TSV (level 5 rows are words). */
    static Ocr parseTsv(String tsv) {
        StringBuilder text = new StringBuilder();
        String lastLine = null;
        String lastBlock = null;
        double confSum = 0;
        int words = 0;
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String word = f[11].strip();
            if (word.isEmpty()) {
                continue;
            }
            String block = f[2] + "." + f[3];
            String line = block + "." + f[4];
            if (lastLine != null && !line.equals(lastLine)) {
                text.append(block.equals(lastBlock) ? "\n" : "\n\n");
            } else if (lastLine != null) {
                text.append(' ');
            }
            text.append(word);
            lastLine = line;
            lastBlock = block;
            try {
                double c = Double.parseDouble(f[10]);
                if (c >= 0) {
                    confSum += c;
                    words++;
                }
            } catch (NumberFormatException ignored) {
                // a malformed confidence only leaves the word out of the mean
            }
        }
        return new Ocr(text.toString(), words == 0 ? null : confSum / words);
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result run(List<String> command) throws IOException, Unavailable {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_THREAD_LIMIT", Integer.toString(Math.max(1, properties.threads())));
        Path err = Files.createTempFile("motcua-ocr", ".err");
        Path out = Files.createTempFile("motcua-ocr", ".out");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            boolean done;
            try {
                done = p.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for tesseract", e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException("tesseract took longer than " + properties.timeout());
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
