package vn.motcua.assistant.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.motcua.catalogue.RequiredDocument;

/**
 * How files are tied to the catalogue's documents, on the real rules files: improvements found with the labelled set
 * (docs/appraisal.md, "Figures").
 */
class DocumentMatchingTest {

    static final RuleBook BOOK = new RuleBook();

    static RequiredDocument doc(String name) {
        return new RequiredDocument(name, 1, RequiredDocument.Form.COPY, null, null, false);
    }

    static AppraisalQueries.Attachment file(String name) {
        return new AppraisalQueries.Attachment(UUID.randomUUID(), name, "application/pdf", "sha-" + name, null);
    }

    @Test
    void the_hint_named_first_in_a_documents_name_is_the_one_that_applies() {
        ProcedureRules lltp = BOOK.of("3.000333");
        RequiredDocument card = doc("Bản sao Thẻ Căn cước hoặc thẻ Căn cước công dân hoặc Hộ chiếu của người được cấp Phiếu.");
        RequiredDocument attorney = doc("Văn bản ủy quyền yêu cầu cấp Phiếu Lý lịch tư pháp số 1 (người được ủy quyền phải "
                + "xuất trình Thẻ Căn cước hoặc Thẻ Căn cước công dân hoặc Hộ chiếu khi thực hiện thủ tục).");

        assertThat(DocumentMatcher.hint(lltp, card).match()).isEqualTo("can cuoc");
        assertThat(DocumentMatcher.hint(lltp, attorney).match()).as("the ID card is only mentioned").isEqualTo("uy quyen");

        // so an ID card is the ID card, and the power of attorney is explained, neither missing nor "present" as the card
        var checks = AppraisalService.completeness(List.of(card, attorney), lltp, Map.of("formType", "1"),
                LocalDate.of(2026, 6, 1), List.of(file("can-cuoc.pdf")), Map.of());
        assertThat(checks.get(0).status()).isEqualTo(Appraisal.Status.PRESENT);
        assertThat(checks.get(1).status()).isEqualTo(Appraisal.Status.NOT_REQUIRED);
        assertThat(checks.get(1).files()).isEmpty();
    }

    @Test
    void a_portrait_the_rules_call_a_photo_is_not_expected_to_be_read() {
        ProcedureRules passport = BOOK.of("1.001456");
        var files = List.of(file("anh-4x6.jpg"), file("cccd-nguoi-nop.pdf"), file("scan-1.png"));

        assertThat(DocumentMatcher.photoFiles(passport, files)).containsExactly("anh-4x6.jpg");
        assertThat(DocumentMatcher.photoFiles(BOOK.of("1.001193"), files)).as("no photo in birth registration").isEmpty();
    }

    @Test
    void a_documents_own_keyword_is_its_name_up_to_the_first_punctuation() {
        RequiredDocument lease = doc("Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ được công chứng hoặc chứng thực.");

        assertThat(DocumentMatcher.keywords(lease, null)).containsExactly("hop dong");
        assertThat(DocumentMatcher.matches(DocumentMatcher.keywords(lease, null), "hop-dong-thue-nha.png", null)).isTrue();
        assertThat(DocumentMatcher.matches(DocumentMatcher.keywords(lease, null), "scan-3.png", "HỢP ĐỒNG THUÊ NHÀ Ở\nBên thuê")).isTrue();
        assertThat(DocumentMatcher.matches(DocumentMatcher.keywords(lease, null), "so-do.png", "GIẤY CHỨNG NHẬN")).isFalse();
    }

    static final List<ProcedureRules.IdentityField> NAME = List.of(
            new ProcedureRules.IdentityField("person.fullName", ProcedureRules.Kind.NAME, "Họ tên"));

    static List<Appraisal.Finding> compareName(String onForm, String read) {
        return Consistency.compare(NAME, Map.of("person", Map.of("fullName", onForm)),
                List.of(new Consistency.Text("giay-to.png", "GIẤY TỜ\nHọ và tên: " + read + "\nNgày 01/02/2026")));
    }

    @Test
    void names_forgive_what_ocr_misreads_but_not_another_name() {
        // a misread diacritic changes the folded vowel: two of them, or one other slip, are still the same name
        assertThat(compareName("Phạm Văn Thắng", "phim van thung")).isEmpty();
        assertThat(compareName("Hồ Thị Hồng Dung", "Hu Thi Hung Dung")).isEmpty();
        assertThat(compareName("Nguyễn Thị Lan", "Nguyen Thj Lan")).isEmpty();
        // a letter read as its two-letter look-alike ("ứ" → "li" in a serif face, "m" → "rn") is an OCR confusion too
        assertThat(compareName("Huỳnh Đức Long", "Huỳnh Dlic Long")).isEmpty();
        assertThat(compareName("Lâm Thị Hạnh", "Larn Thị Hanh")).isEmpty();
        assertThat(compareName("Huỳnh Đức Long", "Huỳnh Dlic Lung")).as("a look-alike and a vowel").isEmpty();
        assertThat(compareName("Huỳnh Đức Long", "Huỳnh Dlic Lành")).extracting(Appraisal.Finding::kind)
                .containsExactly(Appraisal.FindingKind.DISAGREES);
        assertThat(compareName("Huỳnh Đức Long", "Huỳnh Dlic Song")).extracting(Appraisal.Finding::kind)
                .containsExactly(Appraisal.FindingKind.DISAGREES);
        // three vowels, a vowel and a consonant, or another given name: a disagreement
        assertThat(compareName("Phạm Văn Thắng", "Phim Vun Thung")).extracting(Appraisal.Finding::kind)
                .containsExactly(Appraisal.FindingKind.DISAGREES);
        assertThat(compareName("Nguyễn Thị Lan", "Nguyễn Thị Lam")).isEmpty(); // one consonant slip is forgiven, as before
        assertThat(compareName("Nguyễn Thị Lan", "Nguyễn Thú Lam")).extracting(Appraisal.Finding::kind)
                .containsExactly(Appraisal.FindingKind.DISAGREES);
        assertThat(compareName("Trần Minh Khôi", "Trần Minh Bảo")).extracting(Appraisal.Finding::kind)
                .containsExactly(Appraisal.FindingKind.DISAGREES);
    }

    @Test
    void the_papers_to_certify_are_recognised_by_the_names_the_form_gives_them() {
        ProcedureRules certify = BOOK.of("2.000815");
        RequiredDocument original = doc("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao và bản sao cần chứng thực.");
        var files = List.of(file("bang-tot-nghiep.png"));
        LocalDate on = LocalDate.of(2026, 6, 1);

        // an unreadable file, so only its name can tell
        var diploma = AppraisalService.completeness(List.of(original), certify,
                Map.of("documents", List.of(Map.of("title", "Bằng tốt nghiệp trung học phổ thông"))), on, files, Map.of());
        assertThat(diploma.get(0).status()).isEqualTo(Appraisal.Status.PRESENT);
        assertThat(diploma.get(0).files()).containsExactly("bang-tot-nghiep.png");

        var birth = AppraisalService.completeness(List.of(original), certify,
                Map.of("documents", List.of(Map.of("title", "Giấy khai sinh"))), on, files, Map.of());
        assertThat(birth.get(0).status()).as("the form lists another paper").isEqualTo(Appraisal.Status.MISSING);
    }
}
