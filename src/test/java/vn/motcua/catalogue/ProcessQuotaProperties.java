package vn.motcua.catalogue;

import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingTimeUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.instancio.Select.field;
import static org.instancio.Select.root;

import java.lang.Character.UnicodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.instancio.Instancio;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.catalogue.ProcessTemplate;
import vn.motcua.catalogue.internal.Fold;
import vn.motcua.support.Tries;

/** Default step quotas and search folding; edge cases, then seeded tries drawn by Instancio (see {@link Tries}). */
@ExtendWith(Tries.SeedOnFailure.class)
class ProcessQuotaProperties {

    record Total(int amount, WorkingTimeUnit unit) {
    }

    static Stream<Total> defaultQuotasAddUpToTheProcessingTime() {
        List<Total> edges = new ArrayList<>();
        for (WorkingTimeUnit unit : WorkingTimeUnit.values()) {
            for (int amount : new int[]{0, 1, 2, 3, 4, 5, 7, 8, 1999, 2000}) {
                edges.add(new Total(amount, unit));
            }
        }
        Stream<Total> tries = Instancio.of(Total.class)
                .withSeed(Tries.seed("defaultQuotasAddUpToTheProcessingTime"))
                .generate(field(Total::amount), gen -> gen.ints().range(0, 2000))
                .stream().limit(Tries.DEFAULT);
        return Stream.concat(edges.stream(), tries);
    }

    @ParameterizedTest
    @MethodSource
    void defaultQuotasAddUpToTheProcessingTime(Total t) {
        ProcessingTime total = new ProcessingTime(t.amount(), t.unit());
        var steps = ProcessTemplate.defaultProcess(total);
        assertThat(steps).hasSize(4);
        assertThat(ProcessTemplate.totalHours(steps)).isEqualTo(total.inWorkingHours());
        assertThat(steps).allSatisfy(s -> assertThat(s.quota().amount()).isNotNegative());
    }

    /**
     * Any text: edge cases (empty, blank, lone surrogates, combining marks, characters whose case or decomposition
     * changes length), then 1000 seeded Instancio strings: 500 of up to 255 of any code point (supplementary ones too, so
     * surrogate pairs), 500 of up to 60 from the Latin and combining-mark blocks.
     */
    static Stream<String> foldingKeepsLengthAndIsIdempotent() {
        Stream<String> edges = Stream.of("", " ", "\u0000", "\uFFFF", "\uD800", "\uDC00", "a\uD83D\uDE00b", "Đ", "đ",
                "\u0301", "a\u0301", "ǅ", "ß", "ﬁ", "İ", "Ⅻ", "①", "٣", "\t\n", "ĐẮK LẮK", "Hoà  Thuỷ", "x".repeat(255));
        // Half from every block, half from the blocks Vietnamese text is written in (letters, tone marks, combining marks).
        Stream<String> anyText = Instancio.of(String.class)
                .withSeed(Tries.seed("foldingKeepsLengthAndIsIdempotent"))
                .generate(root(), gen -> gen.string().unicode().minLength(1).maxLength(255))
                .stream().limit(Tries.DEFAULT / 2);
        Stream<String> latinText = Instancio.of(String.class)
                .withSeed(Tries.seed("foldingKeepsLengthAndIsIdempotent/latin"))
                .generate(root(), gen -> gen.string().minLength(1).maxLength(60).unicode(UnicodeBlock.BASIC_LATIN,
                        UnicodeBlock.LATIN_1_SUPPLEMENT, UnicodeBlock.LATIN_EXTENDED_A, UnicodeBlock.LATIN_EXTENDED_B,
                        UnicodeBlock.LATIN_EXTENDED_ADDITIONAL, UnicodeBlock.COMBINING_DIACRITICAL_MARKS))
                .stream().limit(Tries.DEFAULT / 2);
        return Stream.of(edges, anyText, latinText).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource
    void foldingKeepsLengthAndIsIdempotent(String s) {
        assertThat(Fold.perChar(s)).hasSameSizeAs(s);
        assertThat(Fold.fold(Fold.fold(s))).isEqualTo(Fold.fold(s));
    }

    private static final String VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậĐĂÂÊÔƠƯỳỷỹýỵ ";

    static Stream<String> foldingIgnoresDiacriticsAndCase() {
        Random r = Tries.random("foldingIgnoresDiacriticsAndCase");
        Stream<String> edges = Stream.of("", " ", "   ", "Đ", "ĐĂÂÊÔƠƯ", "ỳỷỹýỵ", VIETNAMESE.substring(0, 40));
        return Stream.concat(edges, Stream.generate(() -> Tries.string(r, VIETNAMESE, 0, 40)).limit(Tries.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource
    void foldingIgnoresDiacriticsAndCase(String s) {
        assertThat(Fold.fold(s)).matches("[a-z0-9 ]*");
    }
}
