package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.motcua.catalogue.RequiredDocument;

/** Each rule of the checks before submit, with its Vietnamese message (no Spring context, no database). */
class FormChecksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final Locale VI = Locale.forLanguageTag("vi");
    final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    FormChecksTest() {
        messages.setBasenames("i18n/assistant");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    String message(FormChecks.Finding f) {
        Object[] args = f.args().stream()
                .map(a -> a.equals("nu") || a.equals("nam") ? new DefaultMessageSourceResolvable("assistant.check.sex." + a) : a)
                .toArray();
        return messages.getMessage(f.code(), args, VI);
    }

    static Map<String, Object> birthForm() {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", "Nguyễn Thị Thủy Tiên");
        applicant.put("birthDate", "1990-05-12");
        applicant.put("personalId", "079190012345");
        applicant.put("phone", "0912345678");
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("fullName", "Trần Minh Khôi");
        child.put("gender", "NAM");
        child.put("birthDate", "2026-11-30");
        Map<String, Object> mother = new LinkedHashMap<>();
        mother.put("fullName", "Nguyễn Thị Thủy Tiên");
        mother.put("birthDate", "1990-05-12");
        mother.put("personalId", "079190012345");
        Map<String, Object> father = new LinkedHashMap<>();
        father.put("fullName", "Trần Văn Tâm");
        father.put("birthDate", "1988-02-01");
        father.put("personalId", "079088012345");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicant", applicant);
        form.put("child", child);
        form.put("mother", mother);
        form.put("father", father);
        return form;
    }

    List<FormChecks.Finding> check(String code, Map<String, Object> form) {
        return FormChecks.check(FormSchemas.of(code), form, List.of(), List.of(), TODAY);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Map<String, Object> form, String group) {
        return (Map<String, Object>) form.get(group);
    }

    @Test
    void aConsistentFormHasNoFinding() {
        assertThat(check("1.001193", birthForm())).isEmpty();
    }

    @Test
    void childBornInTheFuture() {
        var form = birthForm();
        part(form, "child").put("birthDate", "2026-12-20");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::field, FormChecks.Finding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("child.birthDate", "assistant.check.child.future"));
        assertThat(message(f.get(0))).isEqualTo("Ngày sinh của trẻ (20/12/2026) là một ngày trong tương lai. Hãy kiểm tra lại ngày sinh.");
        assertThat(f.get(0).severity()).isEqualTo(FormChecks.Severity.ERROR);
    }

    @Test
    void childBornBeforeTheMother() {
        var form = birthForm();
        part(form, "mother").put("birthDate", "2026-12-01");
        part(form, "mother").remove("personalId");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::code).containsExactly("assistant.check.child.beforeMother");
        assertThat(message(f.get(0))).isEqualTo("Ngày sinh của trẻ (30/11/2026) phải sau ngày sinh của người mẹ (01/12/2026).");
    }

    @Test
    void personalIdFormat() {
        var form = birthForm();
        part(form, "applicant").put("personalId", "07919001234");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::field).containsExactly("applicant.personalId");
        assertThat(message(f.get(0))).isEqualTo("Số định danh cá nhân phải gồm đúng 12 chữ số (số in trên thẻ căn cước).");
    }

    @Test
    void personalIdProvince() {
        var form = birthForm();
        part(form, "applicant").put("personalId", "003190012345");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::code).containsExactly("assistant.check.id.province");
        assertThat(message(f.get(0)))
                .isEqualTo("Ba chữ số đầu của số định danh (003) không phải mã tỉnh, thành phố nơi đăng ký khai sinh.");
    }

    @Test
    void personalIdCenturyDigitAgainstTheBirthDate() {
        var form = birthForm();
        // 4th digit 3: a woman born in the 2000s; the mother says 1990
        part(form, "mother").put("personalId", "079390012345");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::field, FormChecks.Finding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mother.personalId", "assistant.check.id.birthYear"));
        assertThat(message(f.get(0)))
                .isEqualTo("Chữ số thứ 4 và thứ 5, 6 của số định danh (3…) cho năm sinh 2090, nhưng ngày sinh đã khai là năm 1990.");
    }

    @Test
    void personalIdSexDigitAgainstTheSexGivenOrTheRole() {
        var form = birthForm();
        // 4th digit 0 is a man's: the mother's number cannot start 0790
        part(form, "mother").put("personalId", "079090012345");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::code).containsExactly("assistant.check.id.sex");
        assertThat(message(f.get(0))).isEqualTo("Chữ số thứ 4 của số định danh (0) là của nam, nhưng giới tính đã khai là nữ.");
        // the passport form asks the applicant's sex at the top
        Map<String, Object> passport = new LinkedHashMap<>();
        passport.put("applicant", new LinkedHashMap<>(Map.of("birthDate", "1990-05-12", "personalId", "079190012345")));
        passport.put("gender", "NAM");
        var p = check("1.001456", passport);
        assertThat(p).extracting(FormChecks.Finding::field, FormChecks.Finding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("applicant.personalId", "assistant.check.id.sex"));
        assertThat(message(p.get(0))).isEqualTo("Chữ số thứ 4 của số định danh (1) là của nữ, nhưng giới tính đã khai là nam.");
    }

    @Test
    void personalIdsInARepeatableGroup() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("members", List.of(
                Map.of("fullName", "A", "birthDate", "2020-02-01", "gender", "NU", "personalId", "079320001234"),
                Map.of("fullName", "B", "birthDate", "2015-02-01", "gender", "NAM", "personalId", "079320001234")));
        var f = check("1.004222", form);
        assertThat(f).extracting(FormChecks.Finding::field)
                .containsExactly("members[1].personalId", "members[1].personalId"); // year 2020 ≠ 2015, and a woman's digit
    }

    @Test
    void phoneFormatAndPrefix() {
        var form = birthForm();
        part(form, "applicant").put("phone", "091234567");
        var f = check("1.001193", form);
        assertThat(f).extracting(FormChecks.Finding::field).containsExactly("applicant.phone");
        assertThat(message(f.get(0)))
                .isEqualTo("Số điện thoại \"091234567\" phải gồm 10 chữ số, bắt đầu bằng số 0 (ví dụ 0912345678).");
        part(form, "applicant").put("phone", "0112345678");
        f = check("1.001193", form);
        assertThat(message(f.get(0))).isEqualTo("Đầu số 011 không phải đầu số di động Việt Nam (03, 05, 07, 08, 09).");
        // spaces, dots and +84 are how people write numbers: accepted
        for (String ok : List.of("0912 345 678", "0912.345.678", "+84912345678", "0356789012", "0868123456")) {
            part(form, "applicant").put("phone", ok);
            assertThat(check("1.001193", form)).as(ok).isEmpty();
        }
    }

    @Test
    void documentsStillMissing() {
        var required = List.of(
                new RequiredDocument("Tờ khai đăng ký khai sinh theo mẫu", 1, RequiredDocument.Form.ORIGINAL, null, null, false),
                new RequiredDocument("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng", 1,
                        RequiredDocument.Form.ORIGINAL, null, null, false),
                new RequiredDocument("Văn bản ủy quyền", 1, RequiredDocument.Form.COPY, null, "Trường hợp ủy quyền", false),
                new RequiredDocument("Hộ chiếu hoặc thẻ căn cước", 1, RequiredDocument.Form.ORIGINAL, null, null, true),
                new RequiredDocument("Trường hợp gửi hồ sơ qua bưu chính thì gửi kèm bản sao", 1, RequiredDocument.Form.COPY, null,
                        null, false));
        var missing = FormChecks.check(FormSchemas.of("1.001193"), birthForm(), required, List.of(), TODAY);
        assertThat(missing).extracting(FormChecks.Finding::code)
                .containsExactly("assistant.check.document.missing", "assistant.check.document.conditional");
        assertThat(message(missing.get(0)))
                .isEqualTo("Chưa thấy giấy tờ: Giấy chứng sinh. Hãy đính kèm trước khi nộp, nếu không hồ sơ có thể phải bổ sung.");
        assertThat(message(missing.get(1)))
                .isEqualTo("2 giấy tờ khác chỉ cần trong một số trường hợp (ủy quyền, gửi qua bưu chính…): xem trang thủ tục.");
        assertThat(missing.get(0).severity()).isEqualTo(FormChecks.Severity.WARNING);
        // attached under a file name: no longer missing
        var attached = FormChecks.check(FormSchemas.of("1.001193"), birthForm(), required, List.of("giay-chung-sinh.pdf"), TODAY);
        assertThat(attached).extracting(FormChecks.Finding::code).containsExactly("assistant.check.document.conditional");
    }

    @Test
    void englishMessagesToo() {
        var form = birthForm();
        part(form, "child").put("birthDate", "2027-01-01");
        var f = check("1.001193", form);
        assertThat(messages.getMessage(f.get(0).code(), f.get(0).args().toArray(), Locale.ENGLISH))
                .isEqualTo("The child's date of birth (01/01/2027) is in the future. Please check it.");
    }
}
