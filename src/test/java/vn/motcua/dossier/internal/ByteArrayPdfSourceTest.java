package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.BenchFixtures;

/** The intake's PDF reader answers every call as PDFBox's own {@code RandomAccessReadBuffer} does. */
class ByteArrayPdfSourceTest {

    @Test
    void answersRandomOperationsAsPdfBoxsBufferDoes() throws IOException {
        var random = new Random(14);
        for (int file = 0; file < 200; file++) {
            byte[] bytes = new byte[random.nextInt(file < 20 ? 3 : 10_000)];
            random.nextBytes(bytes);
            List<String> ours = new ArrayList<>();
            List<String> theirs = new ArrayList<>();
            long seed = random.nextLong();
            drive(new ByteArrayPdfSource(bytes), new Random(seed), bytes.length, ours);
            drive(new RandomAccessReadBuffer(bytes), new Random(seed), bytes.length, theirs);
            assertThat(ours).as("file %d of %d bytes", file, bytes.length).isEqualTo(theirs);
        }
    }

    @Test
    void parsesTheBenchFixtureToTheSameDocument() throws IOException {
        byte[] pdf = BenchFixtures.PDF_WITH_XREF;
        try (var ours = Loader.loadPDF(new ByteArrayPdfSource(pdf)); var theirs = Loader.loadPDF(pdf)) {
            assertThat(ours.getNumberOfPages()).isEqualTo(theirs.getNumberOfPages()).isEqualTo(1);
            assertThat(ours.getDocument().getTrailer().toString()).isEqualTo(theirs.getDocument().getTrailer().toString());
            assertThat(ours.getDocument().getXrefTable()).isEqualTo(theirs.getDocument().getXrefTable());
        }
    }

    /** 300 random calls, each answer (or the exception's class) written down; then the same after closing. */
    private static void drive(RandomAccessRead in, Random random, int length, List<String> out) {
        for (int i = 0; i < 300; i++) {
            int op = random.nextInt(13);
            int arg = random.nextInt(length + 20) - 10;
            out.add(op + ":" + call(in, op, arg, random.nextInt(64)));
        }
        try {
            in.close();
        } catch (IOException e) {
            out.add("close " + e.getClass().getSimpleName());
        }
        out.add("closed " + in.isClosed());
        for (int op = 0; op < 13; op++) {
            out.add("after close " + op + ":" + call(in, op, 1, 4));
        }
    }

    private static String call(RandomAccessRead in, int op, int arg, int len) {
        try {
            return switch (op) {
                case 0, 1, 2 -> String.valueOf(in.read());
                case 3 -> {
                    byte[] b = new byte[len + 3];
                    int n = in.read(b, 1, len);
                    yield n + " " + java.util.Arrays.toString(b);
                }
                case 4 -> String.valueOf(in.peek());
                case 5 -> String.valueOf(in.getPosition());
                case 6 -> {
                    in.seek(arg);
                    yield "seek " + in.getPosition();
                }
                case 7 -> String.valueOf(in.length());
                case 8 -> String.valueOf(in.isEOF());
                case 9 -> {
                    in.rewind(Math.abs(arg) % 12);
                    yield "rewind " + in.getPosition();
                }
                case 10 -> String.valueOf(in.available());
                case 11 -> {
                    in.skip(Math.abs(arg) % 12);
                    yield "skip " + in.getPosition();
                }
                default -> {
                    long start = Math.max(0, Math.min(arg, in.length()));
                    var view = in.createView(start, Math.min(len, in.length() - start));
                    int first = view.read();
                    yield "view " + view.length() + " " + first + " " + view.getPosition() + " " + in.getPosition();
                }
            };
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
