package vn.motcua.catalogue;

import vn.motcua.calendar.ProcessingTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.catalogue.imports.DetailParser;
import vn.motcua.catalogue.imports.PerformerParser;
import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;

class DetailParserTest {

    @Test
    void birthRegistrationChannelsWithoutAUnitAreAssumedWorkingDaysAndFlagged() {
        var p = DetailParser.parse("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí",
                "Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy chứng sinh.1 bản chính", null, null);
        assertThat(p.channels()).extracting(DetailParser.Channel::channel).containsExactly("ONLINE", "POST", "IN_PERSON");
        assertThat(p.processingTime()).isEqualTo(ProcessingTime.workingDays(1));
        assertThat(p.fees()).hasSize(3).allSatisfy(f -> assertThat(f.free()).isTrue());
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("không có đơn vị"));
    }

    @Test
    void feesWithAmountsDescriptionsAndDifferentTimes() {
        var p = DetailParser.parse("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Trường hợp nộp qua cổng (trực tuyến) thu 10.000 đồng.)Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng",
                null, null, null);
        assertThat(p.processingTime()).isEqualTo(ProcessingTime.workingDays(7));
        assertThat(p.fees()).extracting(Fee::amount).containsExactly(10_000L, 20_000L);
        assertThat(p.fees().get(0).description()).isEqualTo("Trường hợp nộp qua cổng (trực tuyến) thu 10.000 đồng.");
    }

    @Test
    void halfDaysBecomeHoursAndCalendarDaysAreKeptAsTextAndFlagged() {
        var half = DetailParser.parse("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp0.5 Ngày làm việcMiễn phí", null, null, null);
        assertThat(half.processingTime()).isEqualTo(ProcessingTime.workingHours(4));
        var calendar = DetailParser.parse("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp90 NgàyMiễn phí", null, null, null);
        assertThat(calendar.processingTime()).isNull();
        assertThat(calendar.processingTimeText()).isEqualTo("90 Ngày");
        assertThat(calendar.needsReview()).isTrue();
        var thousands = DetailParser.parse("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 Ngày làm việc150 VNĐ(150.000 đồng/lần/thẻ.)", null, null, null);
        assertThat(thousands.notes()).anySatisfy(n -> assertThat(n).contains("nghìn đồng"));
    }

    @Test
    void documentsWithHeadingsTemplatesAndInlineCounts() {
        String text = "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đăng ký hoạt độngMẫu TP-TVPL-01-sđ.doc1 bản chính"
                + "Phiếu yêu cầu theo Mẫu số 01b (01 bản chính) hợp lệ.2 bản sao"
                + "* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy tờ chứng minh nơi cư trú.0 bản chính";
        var p = DetailParser.parse(null, text, null, null);
        assertThat(p.documents()).hasSize(3);
        RequiredDocument first = p.documents().get(0);
        assertThat(first.name()).isEqualTo("Đơn đăng ký hoạt động");
        assertThat(first.template()).isEqualTo("Mẫu TP-TVPL-01-sđ.doc");
        assertThat(first.count()).isEqualTo(1);
        assertThat(p.documents().get(1).name()).isEqualTo("Phiếu yêu cầu theo Mẫu số 01b (01 bản chính) hợp lệ.");
        assertThat(p.documents().get(1).form()).isEqualTo(RequiredDocument.Form.COPY);
        assertThat(p.documents().get(2).presentOnly()).isTrue();
        assertThat(p.documents().get(2).count()).isZero();
    }

    @Test
    void legalBasisAndResult() {
        assertThat(DetailParser.parse(null, null, "Tên văn bản pháp lýMã văn bảnLuật Cư trú 202068/2020/QH14Thông tư 57/2021/TT-BCA57/2021/TT-BCA",
                "Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tin").legalBasis())
                .containsExactly("Luật Cư trú 202068/2020/QH14", "Thông tư 57/2021/TT-BCA57/2021/TT-BCA");
        assertThat(DetailParser.parse(null, null, null, "Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tin").result())
                .isEqualTo("Giấy khai sinh");
    }

    @Test
    void performingBodiesMapToLevelKindAndSector() {
        assertThat(PerformerParser.parse("Ủy ban Nhân dân\u00a0xã,\u00a0phường,\u00a0thị trấn.", List.of(AgencyLevel.COMMUNE), "Bộ Tư pháp"))
                .extracting(Performer::level, Performer::kind).containsExactly(AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE);
        assertThat(PerformerParser.parse("Công an cấp Xã", List.of(AgencyLevel.COMMUNE), "Bộ Công an"))
                .extracting(Performer::level, Performer::kind).containsExactly(AgencyLevel.COMMUNE, AgencyKind.POLICE);
        assertThat(PerformerParser.parse("Sở Tư pháp", List.of(AgencyLevel.PROVINCE), "Bộ Tư pháp"))
                .extracting(Performer::level, Performer::kind, Performer::sector)
                .containsExactly(AgencyLevel.PROVINCE, AgencyKind.DEPARTMENT, "TU_PHAP");
        assertThat(PerformerParser.parse("Phòng Quản lý xuất nhập cảnh", List.of(AgencyLevel.PROVINCE), "Bộ Công an"))
                .extracting(Performer::level, Performer::kind).containsExactly(AgencyLevel.PROVINCE, AgencyKind.POLICE);
        assertThat(PerformerParser.parse("Cục quản lý xuất nhập cảnh, Công an tỉnh",
                List.of(AgencyLevel.CENTRAL, AgencyLevel.PROVINCE), "Bộ Công an"))
                .extracting(Performer::level, Performer::kind).containsExactly(AgencyLevel.PROVINCE, AgencyKind.POLICE);
        assertThat(PerformerParser.parse("Bộ Công an", List.of(AgencyLevel.CENTRAL), "Bộ Công an").kind()).isNull();
        // unknown body: inferred from the level and the ministry
        assertThat(PerformerParser.parse("Không có thông tin", List.of(AgencyLevel.PROVINCE), "Bộ Tư pháp"))
                .extracting(Performer::kind, Performer::sector).containsExactly(AgencyKind.DEPARTMENT, "TU_PHAP");
    }
}
