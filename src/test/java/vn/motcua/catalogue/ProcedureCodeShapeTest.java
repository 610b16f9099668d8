package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A national procedure code's shape: one digit, a dot, six digits, nothing around them. */
class ProcedureCodeShapeTest {

    @Test
    void aDigitADotAndSixDigits() {
        assertThat(ProcedureVersion.isCode("1.001193")).isTrue();
        assertThat(ProcedureVersion.isCode("2.000001")).isTrue();
        for (String no : new String[]{"1.00119", "1.0011930", "11.001193", "1,001193", "1-001193", " 1.001193",
                "1.001193 ", "a.001193", "", "1.00119x"}) {
            assertThat(ProcedureVersion.isCode(no)).as(no).isFalse();
        }
        assertThat(ProcedureVersion.isCode(null)).isFalse();
        assertThat("1.001193").matches(ProcedureVersion.CODE_SHAPE);
    }
}
