package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import vn.motcua.catalogue.Fee;
import vn.motcua.catalogue.Performer;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.RequiredDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** "Published with full information": each of name, documents, fee, processing time and agency is needed. */
class TransparencyFullTest {

    static ProcedureVersion version(String name, List<RequiredDocument> docs, List<Fee> fees, String timeText,
                                    Performer performer) {
        return new ProcedureVersion("9.000001", name, "HO_TICH", List.of("COMMUNE"), UUID.randomUUID(), 1,
                ProcedureVersion.Status.PUBLISHED, LocalDate.of(2025, 1, 1), null, null, timeText, docs, fees, null,
                List.of(), List.of(), null, performer, null, "Giấy khai sinh", null, null, false, List.of());
    }

    @Test
    void everyPieceOfInformationIsNeeded() {
        List<RequiredDocument> docs = List.of(document());
        List<Fee> fees = List.of(new Fee(null, null, null, true, "Miễn lệ phí"));
        Performer performer = new Performer(null, null, null, "Ủy ban nhân dân cấp xã");
        assertThat(Transparency.full(version("Đăng ký khai sinh", docs, fees, "Ngay trong ngày", performer))).isTrue();
        assertThat(Transparency.full(version(" ", docs, fees, "Ngay trong ngày", performer))).isFalse();
        assertThat(Transparency.full(version("Đăng ký khai sinh", List.of(), fees, "Ngay trong ngày", performer))).isFalse();
        assertThat(Transparency.full(version("Đăng ký khai sinh", docs, List.of(), "Ngay trong ngày", performer))).isFalse();
        assertThat(Transparency.full(version("Đăng ký khai sinh", docs, fees, null, performer))).isFalse();
        assertThat(Transparency.full(version("Đăng ký khai sinh", docs, fees, "Ngay trong ngày", null))).isFalse();
        assertThat(Transparency.full(version("Đăng ký khai sinh", docs, fees, "Ngay trong ngày",
                new Performer(null, null, null, "")))).isFalse();
    }

    static RequiredDocument document() {
        return new RequiredDocument("Tờ khai đăng ký khai sinh", 1, RequiredDocument.Form.ORIGINAL, null, null, false);
    }
}
