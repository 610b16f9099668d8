package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue #24, session 12: a search without a letter (part of a code, a phone number) skips the name's unaccent. */
class DossierSearchTest {

    @Test
    void text_without_a_letter_is_matched_on_code_receipt_and_phone_only() {
        assertThat(DossierSearch.of("001234").sql("d.")).contains("d.code like :qCode", "d.receipt_number = :qReceipt",
                "d.applicant_phone").doesNotContain("unaccent", ":qName");
        assertThat(DossierSearch.of("-26740-").sql("d.")).contains("d.code like :qCode").doesNotContain("unaccent");
    }

    @Test
    void text_with_a_letter_still_matches_the_name_with_or_without_diacritics() {
        assertThat(DossierSearch.of("nguyen van").sql("d.")).contains("lower(unaccent(d.applicant_name))", ":qName");
        assertThat(DossierSearch.of("HS-26740").sql("")).contains("lower(unaccent(applicant_name))", "code like :qCode");
        assertThat(DossierSearch.of("Đ").sql("")).contains("unaccent");
    }
}
