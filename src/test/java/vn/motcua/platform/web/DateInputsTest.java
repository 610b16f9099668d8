package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateInputsTest {

    @Test
    void threeBoxesMakeADate() {
        assertThat(DateInputs.parse("7", "3", "2025").date()).isEqualTo(LocalDate.of(2025, 3, 7));
        assertThat(DateInputs.parse(" 07 ", "03", "2025").date()).isEqualTo(LocalDate.of(2025, 3, 7));
        assertThat(DateInputs.parse("29", "2", "2024").date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DateInputs.parse("", " ", null).blank()).isTrue();
    }

    @Test
    void eachWayOfBeingWrongHasItsMessage() {
        assertThat(DateInputs.parse("31", "2", "2025").error()).isEqualTo("date.error.impossible");
        assertThat(DateInputs.parse("29", "2", "2025").error()).isEqualTo("date.error.impossible");
        assertThat(DateInputs.parse("1", "13", "2025").error()).isEqualTo("date.error.impossible");
        assertThat(DateInputs.parse("0", "1", "2025").error()).isEqualTo("date.error.impossible");
        assertThat(DateInputs.parse("1", "", "2025").error()).isEqualTo("date.error.incomplete");
        assertThat(DateInputs.parse("1", "2", "25").error()).isEqualTo("date.error.year");
        assertThat(DateInputs.parse("mot", "2", "2025").error()).isEqualTo("date.error.notNumber");
        assertThat(DateInputs.parse("31", "2", "2025").date()).isNull();
    }

    @Test
    void theTemplateHelperSplitsAValue() {
        DateInputs parts = new DateInputs();
        assertThat(parts.day(LocalDate.of(2025, 7, 1))).isEqualTo("1");
        assertThat(parts.month("2025-07-01")).isEqualTo("7");
        assertThat(parts.year("2025-07-01")).isEqualTo("2025");
        assertThat(parts.day(null)).isEmpty();
        assertThat(parts.day("hom-qua")).isEmpty();
    }
}
