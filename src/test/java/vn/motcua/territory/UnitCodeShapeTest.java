package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A unit code's shape: two digits (province) or five (ward), nothing around them. */
class UnitCodeShapeTest {

    @Test
    void twoOrFiveDigitsAndNothingElse() {
        assertThat(AdministrativeUnit.isCode("79")).isTrue();
        assertThat(AdministrativeUnit.isCode("26740")).isTrue();
        for (String no : new String[]{"7", "797", "2674", "267401", "7a", " 79", "79 ", "", "Tân Định"}) {
            assertThat(AdministrativeUnit.isCode(no)).as(no).isFalse();
        }
        assertThat(AdministrativeUnit.isCode(null)).isFalse();
    }
}
