package vn.motcua.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Catalogue field names (as in the real dichvucong data) against the demo posts' field codes. */
class FieldKeysTest {

    @Test
    void catalogueFieldNamesAndPostCodesFoldToTheSameKey() {
        assertThat(FieldKeys.key("Hộ tịch")).isEqualTo("HO_TICH");
        assertThat(FieldKeys.key("HO_TICH")).isEqualTo("HO_TICH");
        assertThat(FieldKeys.key("Đăng ký, quản lý cư trú")).isEqualTo("DANG_KI_QUAN_LI_CU_TRU");
        assertThat(FieldKeys.key("Lý lịch tư pháp")).isEqualTo(FieldKeys.key("LY_LICH_TU_PHAP"));
        assertThat(FieldKeys.key("  ")).isNull();
        assertThat(FieldKeys.key(null)).isNull();
    }

    @Test
    void aPostFieldCoversTheProcedureFieldsItIsAWholeWordPartOf() {
        assertThat(FieldKeys.covers("HO_TICH", FieldKeys.key("Hộ tịch"))).isTrue();
        assertThat(FieldKeys.covers("CU_TRU", FieldKeys.key("Đăng ký, quản lý cư trú"))).isTrue();
        assertThat(FieldKeys.covers("XUAT_NHAP_CANH", FieldKeys.key("Quản lý xuất nhập cảnh"))).isTrue();
        assertThat(FieldKeys.covers("LY_LICH_TU_PHAP", FieldKeys.key("Lý lịch tư pháp"))).isTrue();
        assertThat(FieldKeys.covers("CU_TRU", FieldKeys.key("Hộ tịch"))).isFalse();
        assertThat(FieldKeys.covers("HO_TICH", FieldKeys.key("Đăng ký, quản lý cư trú"))).isFalse();
        // whole words only: U_TRU and HO_TIC are no part of the keys
        assertThat(FieldKeys.covers("U_TRU", FieldKeys.key("Đăng ký, quản lý cư trú"))).isFalse();
        assertThat(FieldKeys.covers("HO_TIC", FieldKeys.key("Hộ tịch"))).isFalse();
        // no field on either side: no restriction
        assertThat(FieldKeys.covers(null, "HO_TICH")).isTrue();
        assertThat(FieldKeys.covers("HO_TICH", null)).isTrue();
    }

    @Property
    void keysAreIdempotentAndEveryFieldCoversItself(
            @ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @Chars({'ă', 'â', 'đ', 'Đ', 'ê', 'ô', 'ơ', 'ư', 'Ư', 'á', 'à', 'ả', 'ã', 'ạ', 'ế', 'ộ', 'ý', 'ỳ', 'Ý', ' ', ',',
                    '_', '-', '(', '1'}) String field) {
        String key = FieldKeys.key(field);
        assertThat(FieldKeys.key(key)).isEqualTo(key);
        assertThat(FieldKeys.covers(field, key)).isTrue();
        assertThat(FieldKeys.covers(key, key)).isTrue();
    }
}
