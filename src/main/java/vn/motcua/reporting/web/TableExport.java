package vn.motcua.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.Csv;

/**
 * The tables of a page as XLSX (Apache POI: one sheet per table, numbers as numbers) or CSV (UTF-8 with a BOM, the
 * tables one after another, each under its caption; cells through {@link Csv}, so no cell is read as a formula).
 */
final class TableExport {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private TableExport() {
    }

    /** The tables in the format asked for ({@code xlsx} or {@code csv}; else 400), as a download named {@code name}. */
    static ResponseEntity<byte[]> response(String format, String name, List<Table> tables) {
        boolean xlsx = "xlsx".equals(format);
        if (!xlsx && !"csv".equals(format)) {
            throw ApiException.badRequest("reporting.exportFormat", format);
        }
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format + "\"")
                .body(xlsx ? xlsx(tables) : csv(tables).getBytes(StandardCharsets.UTF_8));
    }

    static String csv(List<Table> tables) {
        StringBuilder b = new StringBuilder("\uFEFF");
        boolean first = true;
        for (Table t : tables) {
            if (!first) {
                b.append("\r\n");
            }
            first = false;
            b.append(Csv.cell(t.caption())).append("\r\n");
            b.append(String.join(",", t.columns().stream().map(c -> Csv.cell(c.label())).toList())).append("\r\n");
            for (Table.Row r : t.rows()) {
                b.append(String.join(",", r.cells().stream().map(c -> Csv.cell(c.export())).toList())).append("\r\n");
            }
        }
        return b.toString();
    }

    static byte[] xlsx(List<Table> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Set<String> names = new HashSet<>();
            for (Table t : tables) {
                Sheet sheet = wb.createSheet(sheetName(t, names));
                sheet.createRow(0).createCell(0).setCellValue(t.caption());
                var head = sheet.createRow(1);
                for (int i = 0; i < t.columns().size(); i++) {
                    var c = head.createCell(i);
                    c.setCellValue(t.columns().get(i).label());
                    c.setCellStyle(bold);
                }
                int n = 2;
                for (Table.Row r : t.rows()) {
                    var row = sheet.createRow(n++);
                    for (int i = 0; i < r.cells().size(); i++) {
                        Table.Cell cell = r.cells().get(i);
                        if (cell.value() != null) {
                            row.createCell(i).setCellValue(cell.value().doubleValue());
                        } else {
                            // A string cell is never evaluated as a formula, whatever it starts with.
                            row.createCell(i).setCellValue(cell.text());
                        }
                    }
                }
                for (int i = 0; i < t.columns().size(); i++) {
                    sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 18 * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's id as the sheet's name (unique, within Excel's 31 characters and allowed characters). */
    private static String sheetName(Table t, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(t.id());
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
