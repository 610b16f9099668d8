package vn.motcua.dossier.internal;

import vn.motcua.platform.text.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Pause;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.api.ApiException;

/**
 * Forms 04 (apology and new appointment), 05 (stop), 06 (process control sheet) as A5 PDFs through
 * {@link SlipPdf}, the generated result notice, and Form 07 (dossier register) as XLSX or CSV.
 */
@Component
public class ProcessingForms {

    private final SlipPdf pdf;
    private final DossierStore store;
    private final ProcessingStore steps;
    private final WorkingCalendar calendar;

    ProcessingForms(SlipPdf pdf, DossierStore store, ProcessingStore steps, WorkingCalendar calendar) {
        this.pdf = pdf;
        this.store = store;
        this.steps = steps;
        this.calendar = calendar;
    }

    static String timelinessText(Timeliness t) {
        if (t == null) {
            return "";
        }
        return switch (t) {
            case EARLY -> "Trước hạn";
            case ON_TIME -> "Đúng hạn";
            case LATE -> "Quá hạn";
        };
    }

    private List<Map.Entry<String, String>> head(Dossier d) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        lines.add(Map.entry("Người nộp hồ sơ", d.applicant().name()));
        lines.add(Map.entry("Nội dung yêu cầu giải quyết", d.procedureName() + " (" + d.procedureCode() + ")"));
        lines.add(Map.entry("Thời điểm tiếp nhận", SlipPdf.dateTime(d.receivedAt())));
        return lines;
    }

    private static String agency(Dossier d) {
        return d.agencyName() == null ? "Trung tâm Phục vụ hành chính công" : d.agencyName();
    }

    /** Form 04: the latest apology, with its reason and the new appointment. */
    public byte[] form04(Dossier d, String trackingUrl) {
        var ext = steps.extensions(d.id()).stream().reduce((a, b) -> b)
                .orElseThrow(() -> ApiException.conflict("processing.form.none", "04"));
        var lines = head(d);
        lines.add(Map.entry("Hẹn trả kết quả trước đây", SlipPdf.dateTime(ext.previousDue())));
        lines.add(Map.entry("Lý do chậm trả kết quả", ext.reason()));
        lines.add(Map.entry("Thời gian gia hạn", ext.workingDays() + " ngày làm việc"));
        lines.add(Map.entry("Hẹn trả kết quả mới", SlipPdf.dateTime(ext.newDue())));
        lines.add(Map.entry("Ngày lập phiếu", SlipPdf.dateTime(ext.createdAt())));
        return pdf.render(new SlipPdf.Slip("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", agency(d), d.code(), lines,
                List.of(), null, "Cơ quan giải quyết xin lỗi ông/bà vì sự chậm trễ này và hẹn trả kết quả vào thời "
                + "gian nêu trên. Mong ông/bà thông cảm.", trackingUrl));
    }

    /** Form 05: processing stopped, with the reason. */
    public byte[] form05(Dossier d, String trackingUrl) {
        if (d.state() != DossierState.STOPPED) {
            throw ApiException.conflict("processing.form.none", "05");
        }
        var lines = head(d);
        lines.add(Map.entry("Lý do dừng xử lý", steps.stopReason(d.id()).orElse("")));
        lines.add(Map.entry("Thời điểm dừng", SlipPdf.dateTime(d.closedAt())));
        return pdf.render(new SlipPdf.Slip("05", "PHIẾU DỪNG XỬ LÝ HỒ SƠ", agency(d), d.code(), lines, List.of(), null,
                "Hồ sơ được dừng xử lý vì lý do nêu trên. Giấy tờ đã nộp được trả lại theo yêu cầu của người nộp.",
                trackingUrl));
    }

    /** One hand-off on Form 06. */
    public record ControlRow(int seq, String step, String agency, String sender, String receiver, Instant handedAt,
                             Instant dueAt, Instant finishedAt, StepOutcome outcome, Timeliness timeliness) {
    }

    /**
     * Form 06 rows, derived from the step instances: each step's deadline is recomputed from its hand-off
     * and quota (the clock stopped during pauses) and its finish classified early / on time / late.
     */
    public List<ControlRow> controlRows(List<ProcessingStore.Step> list, List<Pause> pauses) {
        List<ControlRow> rows = new ArrayList<>();
        for (var s : list) {
            Instant due = StepTiming.due(calendar, s.openedAt(), s.quotaHours(), pauses, s.agencyCode());
            Timeliness t = s.finishedAt() == null ? null : StepTiming.classify(calendar, s.finishedAt(), due);
            String receiver = s.assigneeName() != null ? s.assigneeName() : s.assignee();
            rows.add(new ControlRow(s.seq(), s.name(), s.agencyCode(), s.openedByName() != null ? s.openedByName()
                    : s.openedBy(), receiver, s.openedAt(), due, s.finishedAt(), s.outcome(), t));
        }
        return rows;
    }

    /**
     * As {@link #controlRows(List, List)}; the first hand-off, from the citizen who submitted online, names her (the
     * applicant's name), never her username ("congdan").
     */
    public List<ControlRow> controlRows(Dossier d) {
        List<ControlRow> rows = new ArrayList<>();
        for (ControlRow r : controlRows(steps.steps(d.id()), steps.pauses(d.id()))) {
            boolean citizen = r.sender() != null && r.sender().equals(d.submittedBy()) && d.applicant() != null
                    && d.applicant().name() != null;
            rows.add(citizen ? new ControlRow(r.seq(), r.step(), r.agency(), d.applicant().name(), r.receiver(),
                    r.handedAt(), r.dueAt(), r.finishedAt(), r.outcome(), r.timeliness()) : r);
        }
        return rows;
    }

    public byte[] form06(Dossier d, String trackingUrl) {
        return form06(d, controlRows(d), trackingUrl);
    }

    public byte[] form06(Dossier d, List<ControlRow> rows, String trackingUrl) {
        if (rows.isEmpty()) {
            throw ApiException.conflict("processing.form.none", "06");
        }
        var lines = head(d);
        lines.add(Map.entry("Hẹn trả kết quả", d.dueAt() == null ? "" : SlipPdf.dateTime(d.dueAt())));
        List<List<String>> table = new ArrayList<>();
        for (ControlRow r : rows) {
            table.add(List.of(r.step(), nz(r.sender()), nz(r.receiver()), short_(r.handedAt()), short_(r.dueAt()),
                    short_(r.finishedAt()), outcomeText(r.outcome()) + timelinessText(r.timeliness())));
        }
        return pdf.render(new SlipPdf.Slip("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", agency(d), d.code(),
                        lines, List.of(), null, null, trackingUrl),
                new SlipPdf.Table("Quá trình giải quyết (bàn giao)", List.of("Bước", "Bên giao", "Bên nhận",
                        "Thời điểm giao", "Hạn bước", "Hoàn thành", "Kết quả"), table,
                        new float[]{1.4f, 1.1f, 1.1f, 1f, 1f, 1f, 1f}));
    }

    private static String outcomeText(StepOutcome outcome) {
        if (outcome == null) {
            return "Đang xử lý";
        }
        return switch (outcome) {
            case SENT_BACK -> "Trả lại; ";
            case TRANSFERRED -> "Chuyển liên thông; ";
            case STOPPED -> "Dừng; ";
            case DONE -> "";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final java.time.format.DateTimeFormatter SHORT =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(IntakeService.VN);

    static String short_(Instant i) {
        return i == null ? "" : SHORT.format(i);
    }

    /** The result document generated when the approving officer uploads none. */
    byte[] resultNotice(Dossier d, ProcessingService.Outcome outcome, String summary, Actor by, Instant at) {
        var lines = head(d);
        lines.add(Map.entry("Kết quả", outcome == ProcessingService.Outcome.APPROVED
                ? "Chấp thuận / giải quyết theo đề nghị" : "Không chấp thuận"));
        lines.add(Map.entry("Nội dung", summary));
        lines.add(Map.entry("Người phê duyệt", by.displayName() + (by.postTitle() == null ? "" : " — " + by.postTitle())));
        lines.add(Map.entry("Thời điểm phê duyệt", SlipPdf.dateTime(at)));
        return pdf.render(new SlipPdf.Slip(null, "THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", agency(d), d.code(),
                lines, List.of(), null, null, "—"));
    }

    // ---- Form 07: register -----------------------------------------------------------------------

    static final List<String> REGISTER_HEADERS = List.of("STT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Tiếp nhận",
            "Hẹn trả", "Trả kết quả", "Trạng thái", "Đánh giá tiến độ", "Cơ quan");

    static List<String> registerCells(int n, ProcessingQueries.RegisterRow r) {
        return List.of(Integer.toString(n), nz(r.code()), r.procedureName(), r.applicantName(), short_(r.acceptedAt()),
                short_(r.dueAt()), short_(r.returnedAt()), r.stateText(), timelinessText(r.timeliness()), r.agencyCode());
    }

    public byte[] registerCsv(List<ProcessingQueries.RegisterRow> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", REGISTER_HEADERS)).append("\r\n");
        int n = 1;
        for (var r : rows) {
            List<String> cells = registerCells(n++, r);
            out.append(String.join(",", cells.stream().map(Csv::cell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }


    public byte[] registerXlsx(String title, List<ProcessingQueries.RegisterRow> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Mau 07");
            var bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            Row titleRow = sheet.createRow(0);
            Cell t = titleRow.createCell(0);
            t.setCellValue(title);
            t.setCellStyle(head);
            Row h = sheet.createRow(2);
            for (int i = 0; i < REGISTER_HEADERS.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(REGISTER_HEADERS.get(i));
                c.setCellStyle(head);
            }
            int n = 1;
            for (var r : rows) {
                Row row = sheet.createRow(2 + n);
                List<String> cells = registerCells(n, r);
                for (int i = 0; i < cells.size(); i++) {
                    if (i == 0) {
                        row.createCell(i).setCellValue(n);
                    } else {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
                n++;
            }
            for (int i = 0; i < REGISTER_HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 2 ? 60 * 256 : 20 * 256);
            }
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setLandscape(true);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
