package vn.motcua.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one CSV cell rule, on known pairs. */
class CsvTest {

    @Test
    void plainValuesStayAsTheyAre() {
        assertThat(Csv.cell("H40.01-250901-0001")).isEqualTo("H40.01-250901-0001");
        assertThat(Csv.cell("Phường Bến Nghé")).isEqualTo("Phường Bến Nghé");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(Csv.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    }

    @Test
    void aFormulaIsNeverRunBySpreadsheets() {
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+84 912")).isEqualTo("'+84 912");
        assertThat(Csv.cell("-5")).isEqualTo("'-5");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }
}
