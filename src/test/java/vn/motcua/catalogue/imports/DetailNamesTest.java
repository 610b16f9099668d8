package vn.motcua.catalogue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DetailNamesTest {

    @Test
    void namesThatDifferOnlyInCasePunctuationPrefixOrAMissingLevelAgree() {
        assertThat(DetailNames.sameProcedure("Thủ tục đăng ký khai sinh", "Đăng ký khai sinh.")).isTrue();
        assertThat(DetailNames.sameProcedure("Cấp Phiếu Lý lịch tư pháp", "Cấp phiếu lý lịch tư pháp")).isTrue();
        assertThat(DetailNames.sameProcedure("Khóa tài khoản định danh điện tử (thực hiện tại cấp tỉnh)",
                "Khóa tài khoản định danh điện tử")).isTrue();
        assertThat(DetailNames.sameProcedure("Cấp tài khoản định danh điện tử mức độ 02 (cấp Tỉnh)",
                "Cấp tài khoản định danh điện tử mức độ 02 (thực hiện tại cấp tỉnh)")).isTrue();
        assertThat(DetailNames.sameProcedure("Giải quyết khiếu nại (cấp bộ)", "Giải quyết khiếu nại (cấp trung ương)"))
                .isTrue();
    }

    @Test
    void anotherProcedureOrTheSameAtAnotherLevelDoesNotAgree() {
        assertThat(DetailNames.sameProcedure(
                "Tuyển lao động hợp đồng trong Công an nhân dân (thực hiện tại cấp tỉnh)",
                "Hỗ trợ phát triển sản xuất cộng đồng.")).isFalse();
        assertThat(DetailNames.sameProcedure("Khóa tài khoản định danh điện tử (thực hiện tại cấp tỉnh)",
                "Khóa tài khoản định danh điện tử (thực hiện tại cấp xã)")).isFalse();
        // one name inside the other is the opposite procedure here
        assertThat(DetailNames.sameProcedure("Khóa căn cước điện tử", "Mở khóa căn cước điện tử")).isFalse();
        // a parenthesis that is not a level is part of the name
        assertThat(DetailNames.sameProcedure("Cấp Phiếu lý lịch tư pháp (đối tượng là người nước ngoài)",
                "Cấp Phiếu lý lịch tư pháp")).isFalse();
    }
}
