package vn.motcua.reporting.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The table model's sorting and its exports, without a server. */
class TableExportTest {

    static Table.Row row(String name, Double value) {
        return new Table.Row(null, null, List.of(Table.Cell.text(name),
                Table.Cell.number(value == null ? "—" : value + " %", value)));
    }

    static final Table WARDS = new Table("wards", "Xã, phường", List.of(Table.Column.of("name", "Đơn vị"),
            Table.Column.of("onTime", "Đúng hạn")),
            List.of(row("Bến Thành", 50.0), row("=SUM(A1)", null), row("Sài Gòn", 75.5), row("Tân Định", 20.0)),
            true, null, false, null);

    static List<String> names(Table t) {
        return t.rows().stream().map(r -> r.cells().get(0).text()).toList();
    }

    @Test
    void sortsNumbersByValueWithMissingValuesLastEitherWay() {
        assertThat(names(WARDS.sorted("onTime", true))).containsExactly("Sài Gòn", "Bến Thành", "Tân Định", "=SUM(A1)");
        assertThat(names(WARDS.sorted("onTime", false))).containsExactly("Tân Định", "Bến Thành", "Sài Gòn", "=SUM(A1)");
        assertThat(WARDS.sorted("onTime", true).sort()).isEqualTo("onTime");
        assertThat(names(WARDS.sorted("name", false))).containsExactly("=SUM(A1)", "Bến Thành", "Sài Gòn", "Tân Định");
        assertThat(WARDS.sorted("nope", true)).isSameAs(WARDS);
    }

    @Test
    void csvGuardsFormulasAndKeepsNumbers() {
        String csv = TableExport.csv(List.of(WARDS, WARDS));
        assertThat(csv).startsWith("\uFEFF\"Xã, phường\"\r\nĐơn vị,Đúng hạn\r\nBến Thành,50.0\r\n")
                .contains("'=SUM(A1),—\r\n", "Sài Gòn,75.5\r\n").doesNotContain(",=", "\n=");
        assertThat(csv.split("Xã, phường", -1)).hasSize(3);
    }

    @Test
    void workbookHasOneSheetPerTableNumbersAsNumbersTextAsText() throws IOException {
        byte[] bytes = TableExport.xlsx(List.of(WARDS, WARDS));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(1)).isEqualTo("wards-2");
            Sheet s = wb.getSheet("wards");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Xã, phường");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Đúng hạn");
            assertThat(s.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(75.5);
            assertThat(s.getRow(3).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("=SUM(A1)");
            assertThat(s.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
        }
    }
}
