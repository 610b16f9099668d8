package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.platform.api.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorSeriesTest {

    static List<String> periods(String from, String to, IndicatorSeries.Step step) {
        return IndicatorSeries.periods(LocalDate.parse(from), LocalDate.parse(to), step).stream()
                .map(p -> IndicatorSeries.label(IndicatorSeries.start(p[0], step), step) + " " + p[0] + ".." + p[1])
                .toList();
    }

    @Test
    void monthsAreClippedToThePeriod() {
        assertThat(periods("2025-06-15", "2025-08-10", IndicatorSeries.Step.MONTH)).containsExactly(
                "2025-06 2025-06-15..2025-06-30", "2025-07 2025-07-01..2025-07-31", "2025-08 2025-08-01..2025-08-10");
    }

    @Test
    void quartersAndYears() {
        assertThat(periods("2025-01-01", "2025-12-31", IndicatorSeries.Step.QUARTER)).containsExactly(
                "2025-Q1 2025-01-01..2025-03-31", "2025-Q2 2025-04-01..2025-06-30", "2025-Q3 2025-07-01..2025-09-30",
                "2025-Q4 2025-10-01..2025-12-31");
        assertThat(periods("2024-02-29", "2025-03-01", IndicatorSeries.Step.YEAR)).containsExactly(
                "2024 2024-02-29..2024-12-31", "2025 2025-01-01..2025-03-01");
        assertThat(periods("2025-03-31", "2025-03-31", IndicatorSeries.Step.QUARTER)).containsExactly(
                "2025-Q1 2025-03-31..2025-03-31");
    }

    @Test
    void parse() {
        assertThat(IndicatorSeries.parse(null)).isNull();
        assertThat(IndicatorSeries.parse("Quarter")).isEqualTo(IndicatorSeries.Step.QUARTER);
        assertThatThrownBy(() -> IndicatorSeries.parse("week")).isInstanceOf(ApiException.class);
    }
}
