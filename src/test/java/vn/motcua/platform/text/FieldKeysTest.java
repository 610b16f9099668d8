package vn.motcua.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.support.Tries;

/** Catalogue field names (as in the real dichvucong data) against the demo posts' field codes. */
@ExtendWith(Tries.SeedOnFailure.class)
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

    private static final String FIELD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            + "ăâđĐêôơưƯáàảãạếộýỳÝ ,_-(1";

    /** Edge cases (empty, only separators, single letters, the longest), then 1000 seeded strings of up to 40 characters. */
    static Stream<String> keysAreIdempotentAndEveryFieldCoversItself() {
        Random r = Tries.random("keysAreIdempotentAndEveryFieldCoversItself");
        Stream<String> edges = Stream.of("", " ", "_", ",", "-", "(", "1", "a", "Z", "Đ", "ý", " _ ", "__", "a_", "_a",
                "Đ Ư Ý", "a".repeat(40), " ,_-(1".repeat(6) + "ĐĐĐĐ");
        return Stream.concat(edges, Stream.generate(() -> Tries.string(r, FIELD_CHARS, 0, 40)).limit(Tries.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource
    void keysAreIdempotentAndEveryFieldCoversItself(String field) {
        String key = FieldKeys.key(field);
        assertThat(FieldKeys.key(key)).isEqualTo(key);
        assertThat(FieldKeys.covers(field, key)).isTrue();
        assertThat(FieldKeys.covers(key, key)).isTrue();
    }
}
