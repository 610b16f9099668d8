package vn.motcua.catalogue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.support.IntegrationTest;

/**
 * The importer's name check on files of its own: one detail record names another procedure than the list
 * does under its code, one differs from the list's name only harmlessly. Each import runs in a transaction
 * that is rolled back, so the application's real catalogue and import history stay as they are.
 */
@IntegrationTest
class CatalogueImporterNameCheckTest {

    static final String WRONG = "9.990001";
    static final String HARMLESS = "9.990002";
    static final String CHANNELS = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí";
    static final String DOCUMENTS = "Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính";

    @Autowired
    CatalogueImporter importer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aDetailRecordNamingAnotherProcedureIsRefusedFlaggedAndCountedWhileAHarmlessDifferenceIsAttached() {
        byte[] list = list(Map.of(
                WRONG, "Cấp mới Giấy chứng nhận đủ điều kiện về an ninh, trật tự (thực hiện tại cấp xã)",
                HARMLESS, "Thủ tục cấp bản sao trích lục hộ tịch (thực hiện tại cấp xã)"));
        String details = detail(WRONG, "Hỗ trợ phát triển\nsản xuất cộng đồng.") + "\n"
                + detail(HARMLESS, "Cấp bản sao Trích lục hộ tịch") + "\n";
        byte[] emptyList = list(Map.of());
        CatalogueImporter.DataFiles files = file -> switch (file) {
            case "dvc_danh-sach-tthc-BoTuPhap.xlsx.gz" -> new ByteArrayInputStream(list);
            case "dvc_tthc_bo-tu-phap.jsonl.gz" -> stream(details);
            case "dvc_tthc_bo-cong-an.jsonl.gz" -> stream("");
            default -> new ByteArrayInputStream(emptyList);
        };
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            ImportReport report = importer.run("test-name-check", files);

            assertThat(report.refused()).extracting(ImportReport.Refusal::code).containsExactly(WRONG);
            assertThat(report.refused().get(0).detailName()).isEqualTo("Hỗ trợ phát triển sản xuất cộng đồng.");
            assertThat(report.detailed()).isEqualTo(1);
            assertThat(report.summary()).contains("1 detailed", "details refused (name mismatch) 1");

            // refused: the list's name, not detailed, nothing from the details, flagged with the reason
            assertThat(procedure(WRONG)).containsEntry("name",
                    "Cấp mới Giấy chứng nhận đủ điều kiện về an ninh, trật tự (thực hiện tại cấp xã)")
                    .containsEntry("detailed", false);
            Map<String, Object> wrong = version(WRONG);
            assertThat(wrong).containsEntry("needs_review", true).containsEntry("processing_amount", null);
            assertThat((String) wrong.get("notes")).contains("mang tên một thủ tục khác",
                    "Hỗ trợ phát triển sản xuất cộng đồng.");
            assertThat(report.flags()).filteredOn(f -> f.code().equals(WRONG)).singleElement()
                    .satisfies(f -> assertThat(f.notes().get(0)).contains("không được gắn vào mã này"));

            // harmless ("Thủ tục", case, the level in parentheses): attached
            assertThat(procedure(HARMLESS)).containsEntry("name", "Cấp bản sao Trích lục hộ tịch")
                    .containsEntry("detailed", true);
            Map<String, Object> harmless = version(HARMLESS);
            assertThat(harmless).containsEntry("processing_amount", 5);
            assertThat((String) harmless.get("notes")).doesNotContain("mang tên một thủ tục khác");
        });
        assertThat(jdbc.sql("select count(*) from catalogue_procedure where code in (:a, :b)")
                .param("a", WRONG).param("b", HARMLESS).query(Integer.class).single()).isZero();
    }

    private Map<String, Object> procedure(String code) {
        return jdbc.sql("select name, detailed from catalogue_procedure where code = :c").param("c", code)
                .query().singleRow();
    }

    private Map<String, Object> version(String code) {
        return jdbc.sql("select needs_review, processing_amount, review_notes::text notes from catalogue_version "
                + "where procedure_code = :c and source = 'IMPORT'").param("c", code).query().singleRow();
    }

    private String detail(String code, String name) {
        return json.writeValueAsString(Map.of("ma_thu_tuc", code, "ten_thu_tuc", name, "cap_thuc_hien", "Cấp xã",
                "linh_vuc", "Hộ tịch", "co_quan_thuc_hien", "Ủy ban nhân dân cấp xã",
                "cach_thuc_thuc_hien", CHANNELS, "thanh_phan_ho_so", DOCUMENTS));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] list(Map<String, String> names) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            List<String> columns = List.of("Mã số", "Tên thủ tục", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực");
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            int r = 1;
            for (Map.Entry<String, String> e : names.entrySet()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(e.getValue());
                row.createCell(2).setCellValue("Bộ Tư pháp");
                row.createCell(3).setCellValue("Ủy ban nhân dân cấp xã");
                row.createCell(4).setCellValue("Hộ tịch");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
