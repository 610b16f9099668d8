package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.motcua.assistant.Answers;

/** Round 7's rules, without Spring: the land certificate's short name, unasked cases, siblings to ask about. */
class AssistantSubCasesTest {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/assistant");
        m.setDefaultEncoding("UTF-8");
        return m;
    }

    @Test
    void theLandFieldsCertificateIsReadByItsFullName() {
        assertThat(CatalogueAbbreviations.expand("Cấp lại Giấy chứng nhận do bị mất", "Đất đai"))
                .isEqualTo("Cấp lại " + CatalogueAbbreviations.LAND_CERTIFICATE + " do bị mất");
        // already in full, or another field's certificate: left alone
        assertThat(CatalogueAbbreviations.expand("Cấp đổi Giấy chứng nhận quyền sử dụng đất", "Đất đai"))
                .isEqualTo("Cấp đổi Giấy chứng nhận quyền sử dụng đất");
        assertThat(CatalogueAbbreviations.expand("Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh", "Y tế"))
                .isEqualTo("Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh");
        ProcedureIndex idx = ProcedureIndex.build(List.of(version("1.012786", "Cấp lại Giấy chứng nhận do bị mất", "Đất đai",
                null, null)), Map.of());
        assertThat(idx.meta("1.012786").nameBigrams()).contains("quyen su", "su dung", "dung dat", "bi mat");
        assertThat(idx.meta("1.012786").name()).isEqualTo("Cấp lại Giấy chứng nhận do bị mất");
    }

    @Test
    void aNameLimitedToACaseTheQuestionDoesNotNameIsMarked() {
        Set<String> clause = NameStructure.caseClause("Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý.");
        assertThat(clause).contains("nha nuoc", "giao dat", "quan ly").doesNotContain("truong hop", "dang ky");
        // what the clause shares with the rest of the name is not the case
        assertThat(NameStructure.caseClause("Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất đối với trường hợp chuyển nhượng dự án đầu tư có sử dụng đất"))
                .contains("chuyen nhuong", "du an").doesNotContain("su dung", "dung dat");
        // an applicant ("đối với hộ gia đình") is not a case: the applicant prior reads it
        assertThat(NameStructure.caseClause("Đăng ký đất đai lần đầu đối với hộ gia đình, cá nhân")).isEmpty();
        assertThat(NameStructure.unaskedCase(clause, Set.of("dang ky", "lan dau", "ho gia"))).isTrue();
        assertThat(NameStructure.unaskedCase(clause, Set.of("dang ky", "giao dat"))).isFalse();
        assertThat(NameStructure.unaskedCase(Set.of(), Set.of("dang ky"))).isFalse();
        ProcedureIndex idx = ProcedureIndex.build(List.of(version("1.012756",
                "Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý.", "Đất đai", null, null)), Map.of());
        assertThat(Ranker.caseFactor(idx.meta("1.012756"), Set.of("dang ky", "dat dai", "lan dau"), RankingWeights.DEFAULT))
                .isEqualTo(RankingWeights.DEFAULT.marker());
        assertThat(Ranker.caseFactor(idx.meta("1.012756"), Set.of("giao dat", "quan ly"), RankingWeights.DEFAULT)).isEqualTo(1.0);
    }

    @Test
    void siblingsNeitherOfWhichHoldsTheOtherAreAskedAbout() {
        ProcedureIndex idx = ProcedureIndex.build(List.of(
                version("1.011607", "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm", "Giảm nghèo", null, null),
                version("1.011606", "Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo định kỳ hằng năm",
                        "Giảm nghèo", null, null),
                version("1.010386", "Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)", null, null, null),
                version("1.010385", "Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp huyện)", null, null, null),
                version("1.013225", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", null, null, null),
                version("1.013226", "Cấp điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ", null, null, null)), Map.of());
        var poor = List.of(new Ranker.Candidate(idx.meta("1.011607"), 28.4, 3, 0, 4, 1),
                new Ranker.Candidate(idx.meta("1.011606"), 28.2, 3, 0, 5, 1));
        Answers.Clarify c = SiblingClarifier.clarify(poor, Set.of("dang ky", "ho ngheo"), false, messages(),
                Locale.forLanguageTag("vi"));
        assertThat(c).isNotNull();
        assertThat(c.question()).isEqualTo("Bạn cần thủ tục nào trong các thủ tục gần giống nhau này?");
        assertThat(c.options()).extracting(Answers.Option::codes).containsExactly(List.of("1.011607"), List.of("1.011606"));
        assertThat(c.options().get(0).label()).isEqualTo("… nghèo thường xuyên hằng năm");
        assertThat(c.options().get(1).label()).isEqualTo("… hộ thoát nghèo, hộ thoát cận nghèo định kỳ hằng năm");
        // the question names one sibling's own part: nothing to ask
        assertThat(SiblingClarifier.clarify(poor, Set.of("ho ngheo", "thuong xuyen"), false, messages(),
                Locale.forLanguageTag("vi"))).isNull();
        // names that differ only by the level: the level prior chooses, the citizen is not asked
        assertThat(SiblingClarifier.siblings(idx.meta("1.010386"), idx.meta("1.010385"), Set.of("ho chieu"))).isFalse();
        // one adds a marker ("điều chỉnh"): it is the marked variant, ranked lower, not a sibling to ask about
        assertThat(SiblingClarifier.siblings(idx.meta("1.013225"), idx.meta("1.013226"), Set.of("giay phep"))).isFalse();
        // the whole clarify, through the existing mechanism
        Answers.Clarify whole = Clarifier.clarify(poor, VietnameseAnalysis.graph(VietnameseAnalysis.folding(), "dang ky ho ngheo"),
                messages(), Locale.forLanguageTag("en"));
        assertThat(whole).isNotNull();
        assertThat(whole.question()).isEqualTo("Which of these similar procedures do you mean?");
    }

    @Test
    void aBestAnswerSharingOnlyGenericPairsIsNoMatchAndRanksBelowASpecificOne() {
        List<vn.motcua.catalogue.ProcedureVersion> versions = new java.util.ArrayList<>();
        versions.add(version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null, null));
        versions.add(version("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", null, null));
        for (int i = 0; i < 8; i++) { // "giấy tờ" in more than one procedure in ten: generic
            versions.add(version("9.00000" + i, "Thủ tục cấp giấy phép số " + i + " về giấy tờ khác", "Khác " + i, null, null));
        }
        for (int i = 10; i < 40; i++) {
            versions.add(version("8.0000" + i, "Thủ tục khác số " + i, "Khác " + i, null, null));
        }
        ProcedureIndex idx = ProcedureIndex.build(versions, Map.of());
        assertThat(idx.generic("giay to")).isTrue();
        assertThat(idx.generic("khai sinh")).isFalse();
        assertThat(idx.generic("ban sao")).isFalse();
        QueryReader reader = new QueryReader();
        RankingWeights w = RankingWeights.DEFAULT;
        List<Ranker.Candidate> onlyGeneric = Ranker.rank(idx, reader.read("mat giay to xe", idx),
                vn.motcua.territory.AgencyLevel.COMMUNE, false, w);
        assertThat(onlyGeneric).isNotEmpty().noneMatch(Ranker.Candidate::specific);
        assertThat(Evidence.onlyGeneric(onlyGeneric.get(0))).isTrue();
        List<Ranker.Candidate> specific = Ranker.rank(idx, reader.read("sao y giay to ban sao", idx),
                vn.motcua.territory.AgencyLevel.COMMUNE, false, w);
        assertThat(specific.get(0).meta().code()).isEqualTo("2.000815");
        assertThat(Evidence.onlyGeneric(specific.get(0))).isFalse();
        // a candidate sharing only "giấy tờ" is ranked as a variant the question did not ask for
        Ranker.Candidate a = new Ranker.Candidate(idx.meta("9.000001"), 20, 1, 0, 2, 1, false);
        Ranker.Candidate b = new Ranker.Candidate(idx.meta("2.000815"), 18, 1, 0, 2, 1, true);
        assertThat(Ranker.generic(new java.util.ArrayList<>(List.of(a, b)), w).get(0).score()).isEqualTo(20 * w.marker());
        assertThat(Ranker.generic(new java.util.ArrayList<>(List.of(a)), w).get(0).score()).isEqualTo(20);
    }
}
