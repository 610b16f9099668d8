package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierState;
import vn.motcua.platform.api.ApiException;

/** Builds Forms 01–03 from a dossier and its history. */
@Component
public class Slips {

    private final DossierStore store;
    private final SlipPdf pdf;

    Slips(DossierStore store, SlipPdf pdf) {
        this.store = store;
        this.pdf = pdf;
    }

    public enum Form {
        RECEIPT("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        SUPPLEMENT("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        REFUSAL("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");

        final String number;
        final String title;

        Form(String number, String title) {
            this.number = number;
            this.title = title;
        }

        public String number() {
            return number;
        }

        public String title() {
            return title;
        }
    }

    public SlipPdf.Slip slip(Dossier d, Form form, String trackingUrl) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        var a = d.applicant();
        if (d.receiptNumber() != null) {
            lines.add(Map.entry("Số biên nhận", ReceiptNumbers.display(d.receiptNumber())));
        }
        lines.add(Map.entry("Người nộp hồ sơ", a.name()));
        if (a.personalId() != null) {
            lines.add(Map.entry("Số định danh cá nhân", a.personalId()));
        }
        if (a.phone() != null) {
            lines.add(Map.entry("Số điện thoại", a.phone()));
        }
        if (a.email() != null) {
            lines.add(Map.entry("Thư điện tử", a.email()));
        }
        lines.add(Map.entry("Nội dung yêu cầu giải quyết", d.procedureName() + " (" + d.procedureCode() + ")"));
        lines.add(Map.entry("Thời điểm tiếp nhận", SlipPdf.dateTime(d.receivedAt())));
        List<Map.Entry<String, String>> items = new ArrayList<>();
        String heading;
        String closing;
        switch (form) {
            case RECEIPT -> {
                if (d.state() == DossierState.SUBMITTED || d.code() == null) {
                    throw ApiException.conflict("dossier.slip.notAccepted");
                }
                lines.add(Map.entry("Hẹn trả kết quả", d.dueAt() == null ? "Theo quy định" : SlipPdf.dateTime(d.dueAt())));
                store.attachments(d.id()).forEach(f -> items.add(Map.entry(f.fileName(), "Bản điện tử")));
                heading = "Thành phần hồ sơ đã nhận";
                closing = "Khi đến nhận kết quả, người nộp mang theo giấy tiếp nhận này. Hồ sơ được theo dõi trực tuyến "
                        + "bằng số biên nhận hoặc mã hồ sơ và 4 chữ số cuối của số điện thoại hoặc số định danh.";
            }
            case SUPPLEMENT, REFUSAL -> {
                String kind = form == Form.SUPPLEMENT ? "SUPPLEMENT" : "REFUSAL";
                var request = store.requests(d.id()).stream().filter(r -> r.kind().equals(kind))
                        .reduce((x, y) -> y).orElseThrow(() -> ApiException.conflict("dossier.slip.noRequest"));
                request.items().forEach(i -> items.add(Map.entry(i.document(), i.reason())));
                if (request.note() != null && !request.note().isBlank()) {
                    lines.add(Map.entry("Ghi chú", request.note()));
                }
                heading = form == Form.SUPPLEMENT ? "Nội dung cần bổ sung, hoàn thiện" : "Lý do từ chối";
                closing = form == Form.SUPPLEMENT
                        ? "Đề nghị bổ sung, hoàn thiện hồ sơ theo đúng các nội dung trên (hướng dẫn một lần, đầy đủ). "
                        + "Có thể bổ sung trực tuyến hoặc tại Bộ phận Một cửa."
                        : "Xin thông báo để người nộp hồ sơ được biết.";
            }
            default -> throw new IllegalStateException();
        }
        String agency = d.agencyName() == null ? "Trung tâm Phục vụ hành chính công" : d.agencyName();
        return new SlipPdf.Slip(form.number(), form.title(), agency, d.code(), lines, items, heading, closing, trackingUrl);
    }

    public byte[] pdf(Dossier d, Form form, String trackingUrl) {
        return pdf.render(slip(d, form, trackingUrl));
    }
}
