package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.Dossier.Applicant;

/** The tracking check: four digits, matched against the end of the phone's or the personal ID's digits. */
class ApplicantCheckTest {

    @Test
    void onlyFourAsciiDigitsAreACheck() {
        assertThat(Applicant.isCheck("0123")).isTrue();
        assertThat(Applicant.isCheck("123")).isFalse();
        assertThat(Applicant.isCheck("12345")).isFalse();
        assertThat(Applicant.isCheck("12a4")).isFalse();
        assertThat(Applicant.isCheck(" 1234")).isFalse();
        assertThat(Applicant.isCheck("١٢٣٤")).isFalse();
        assertThat(Applicant.isCheck(null)).isFalse();
    }

    @Test
    void theCheckMatchesTheLastDigitsOfThePhoneOrTheIdWhateverTheSeparators() {
        Applicant a = new Applicant(Applicant.Kind.PERSON, "An", "079 190.012-345", "+84 90-123 4567", null);
        assertThat(a.matchesCheck("4567")).isTrue();
        assertThat(a.matchesCheck("2345")).isTrue();
        assertThat(a.matchesCheck("1234")).isFalse();
        assertThat(a.matchesCheck("567")).isFalse();
        assertThat(new Applicant(Applicant.Kind.PERSON, "An", null, "12-3", null).matchesCheck("0123")).isFalse();
    }
}
