package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Round 18: the purpose reading on invented questions (none from any set), with and without diacritics. */
class PurposeReadingTest {

    private final PurposeReading shipped = PurposeReading.shipped();

    @ParameterizedTest
    @ValueSource(strings = {"giá xe tay ga đời cũ khoảng bao nhiêu", "gia xe tay ga doi cu khoang bao nhieu",
            "nên mua nhà chung cư hay nhà đất", "sửa xe máy gần chợ chỗ nào uy tín", "giấy chứng nhận bị ướt phơi khô được không",
            "đặt tên con gái năm 2027 tên nào hay", "căn hộ quận 7 bao nhiêu 1 m2", "xin hỏi công ty nào làm nội thất tốt",
            // v2 (round 20): everyday life, behaviour, private services, loans, jobs, worth, repairs, an agent's act
            "thoi tiet da nang tuan sau", "nhân viên bưu điện thái độ khó chịu", "vay tiền mua nhà lãi thấp",
            "tìm việc làm thêm cuối tuần", "sổ đỏ nhà này bán lại được bao nhiêu", "máy giặt hỏng gọi thợ sửa",
            "dịch vụ làm hộ chiếu nhanh trọn gói"})
    void privatePurposeWithoutAnActIsRead(String q) {
        assertThat(shipped.read(q).onlyPrivate()).as(q).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"làm hộ chiếu hết bao nhiêu tiền", "đổi bằng lái xe ở đâu", "lệ phí sang tên xe máy giá bao nhiêu",
            "đăng ký xe mới mua ở đâu", "giấy khai sinh bị ướt có được cấp lại không", "thủ tục gia hạn giấy phép kinh doanh",
            "hộ gia đình nghèo được hỗ trợ bao nhiêu", "bằng tốt nghiệp bị ướt nhòe chữ",
            "chủ tiệm sửa xe bị trộm mất cả thẻ căn cước", "lập văn bản thỏa thuận chia đất ở đâu",
            // v2: a confirmation, a licence class, the voluntary health card, the ward ("ủy ban" is no sale)
            "xác nhận độc thân để vay tiền ngân hàng", "học thêm bằng lái hạng C ở đâu", "mua thẻ bhyt hộ gia đình",
            "con đi học thêm bằng B2 đăng ký ở đâu", "giấy ủy quyền ra ủy ban được không"})
    void anActOrNoPrivatePurposeIsNotOnlyPrivate(String q) {
        assertThat(shipped.read(q).onlyPrivate()).as(q).isFalse();
    }

    @Test
    void exceptionsAndGapsAreRead() {
        PurposeReading r = new PurposeReading("private giá .. bao nhiêu\nact xin\nexcept gia đình\nexcept xin hỏi\n");
        assertThat(r.read("giá một chiếc xe cũ bao nhiêu").privatePurpose()).isTrue();
        // the second part beyond the gap (six words) is no match
        assertThat(r.read("giá của một chiếc xe máy rất cũ đời đầu bao nhiêu").privatePurpose()).isFalse();
        assertThat(r.read("hộ gia đình được bao nhiêu").privatePurpose()).isFalse();
        assertThat(r.read("xin hỏi giá bao nhiêu").act()).isFalse();
        assertThat(r.read("xin giấy phép").act()).isTrue();
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> new PurposeReading("# ok\nprice giá")).hasMessageContaining("line 2").hasMessageContaining("price");
        assertThatThrownBy(() -> new PurposeReading("except gia .. đình")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> new PurposeReading("unserved tiêm .. chủng")).hasMessageContaining("line 1").hasMessageContaining("unserved");
        assertThatThrownBy(() -> new PurposeReading("private giá .. ,")).hasMessageContaining("empty part");
    }

    /** Round 21 (v3): an unserved object is read with or without an act, typed with or without diacritics. */
    @Test
    void unservedObjectsAreReadBesideAnAct() {
        var p = shipped.read("muốn đăng ký tiêm chủng cho cháu nội");
        assertThat(p.act()).isTrue();
        assertThat(p.onlyPrivate()).isFalse();
        assertThat(p.objects()).containsExactly(java.util.List.of("tiem", "chung"));
        assertThat(shipped.read("xin giay phep mo nha thuoc o huyen").objects()).containsExactly(java.util.List.of("nha", "thuoc"));
        // an object the catalogue's paper is for ("để xin việc") was left out: a criminal record for a job is answerable
        assertThat(shipped.read("làm lý lịch tư pháp để xin việc ở công ty").objects()).isEmpty();
        assertThat(shipped.read("đăng ký khai sinh cho con").objects()).isEmpty();
    }

    /** Round 21: a name holding the object's words serves it; names that do not leave it unserved. */
    @Test
    void aNameHoldingTheObjectServesIt() {
        var p = new PurposeReading("unserved tiêm chủng\nact đăng ký").read("đăng ký tiêm chủng cho con");
        var birth = java.util.List.of("dang", "ky", "khai", "sinh");
        assertThat(p.unservedBy(java.util.List.of(birth))).isTrue();
        assertThat(p.unservedBy(java.util.List.of(birth, java.util.List.of("dang", "ky", "tiem", "chung", "tre", "em")))).isFalse();
        // the words in another order are not the object
        assertThat(p.unservedBy(java.util.List.of(java.util.List.of("chung", "tiem")))).isTrue();
        assertThat(new PurposeReading("unserved tiêm chủng").read("đăng ký khai sinh").unservedBy(java.util.List.of())).isFalse();
    }
}
