package vn.motcua.catalogue.eforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The e-form's date reading accepts and refuses exactly what {@code LocalDate.parse} does. */
class EFormDateParseTest {

    private static Optional<LocalDate> reference(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void sameAnswerAsLocalDateParseAtTheEdges() {
        List<String> texts = new ArrayList<>();
        for (String y : List.of("0000", "0001", "1869", "1870", "1900", "2000", "2023", "2024", "2100", "9999")) {
            for (int m = 0; m <= 13; m++) {
                for (int d = 0; d <= 32; d++) {
                    texts.add(String.format("%s-%02d-%02d", y, m, d));
                }
            }
        }
        texts.addAll(List.of("", "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01 ", " 2024-01-01",
                "2024-01-0a", "20a4-01-01", "2024--1-01", "-2024-01-01", "+2024-01-01", "+12024-01-01", "12024-01-01",
                "2024-+1-01", "2024-01-+1", "２０２４-01-01", "٢٠٢٤-01-01", "2024-01-01T00:00", "2024-0101", "2024-01-01x"));
        int accepted = 0;
        for (String s : texts) {
            assertThat(EFormValidator.parseDate(s)).as(s).isEqualTo(reference(s));
            accepted += reference(s).isPresent() ? 1 : 0;
        }
        // Both branches are exercised: real dates (29 February only in leap years) and refusals.
        assertThat(accepted).isGreaterThan(3000).isLessThan(texts.size());
        assertThat(EFormValidator.parseDate("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(EFormValidator.parseDate("2023-02-29")).isEmpty();
        assertThat(EFormValidator.parseDate("1900-02-29")).isEmpty();
        assertThat(EFormValidator.parseDate("2000-02-29")).contains(LocalDate.of(2000, 2, 29));
    }
}
