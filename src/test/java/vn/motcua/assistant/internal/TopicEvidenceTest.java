package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 13b: a question naming only administrative acts ("cấp lại", "bị mất") gets no match; one naming the object too
 * is answered. Negative examples clearly nearer than every answered one refuse whatever the catalogue matched.
 */
class TopicEvidenceTest {

    private static final String PHARMACIST = "9.000001";
    private static final RankingWeights SMALL = SmallCatalogue.SMALL;

    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.joined(List.of(
                version(PHARMACIST, "Cấp lại chứng chỉ hành nghề dược trong trường hợp bị mất", "Dược phẩm", null, null),
                version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null, null)),
                SmallCatalogue.fillers("9.0000", 10, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Chứng thực chữ ký trong giấy tờ",
                        "Thủ tục đăng ký kết hôn", "Cấp phiếu lý lịch tư pháp", "Cấp hộ chiếu phổ thông", "Đăng ký thường trú",
                        "Cấp đổi giấy phép lái xe", "Đăng ký thành lập hộ kinh doanh", "Công nhận hộ nghèo, hộ cận nghèo",
                        "Cấp thẻ căn cước"));
    }

    private final SmallCatalogue small = new SmallCatalogue(catalogue());
    private final AssistantService service = small.service();

    private Ranker.Candidate best(String q) {
        return service.rank(service.index(), service.reading(q), null, SMALL).get(0);
    }

    private Answers ask(String q) {
        return small.ask(q, ExampleEvidence.OFF, service.examples());
    }

    @Test
    void onlyActsInCommonIsNoMatch() {
        String q = "cấp lại thẻ thư viện bị mất";
        Ranker.Candidate top = best(q);
        // the catalogue finds the pharmacist's certificate on "cấp lại" and "bị mất", and its own rules would answer it
        assertThat(top.meta().code()).isEqualTo(PHARMACIST);
        assertThat(top.nameBigrams()).isGreaterThanOrEqualTo(2);
        assertThat(Evidence.answers(top, SMALL)).isTrue();
        assertThat(TopicEvidence.onlyActs(service.index(), top, service.reading(q).bigrams())).isTrue();
        assertThat(ask(q).noMatch()).isTrue();
    }

    @Test
    void theObjectNamedTooIsAnswered() {
        String q = "cấp lại chứng chỉ hành nghề dược bị mất";
        Ranker.Candidate top = best(q);
        assertThat(TopicEvidence.onlyActs(service.index(), top, service.reading(q).bigrams())).isFalse();
        Answers a = ask(q);
        assertThat(a.noMatch()).isFalse();
        assertThat(a.answers().get(0).code()).isEqualTo(PHARMACIST);
    }

    @Test
    void noSharedPairIsNotThisRulesCall() {
        // a candidate sharing no word pair at all is the ranking's rules' to judge, not an act-only match
        String q = "khai sinh";
        assertThat(TopicEvidence.onlyActs(service.index(), best(q), java.util.Set.of("cap lai"))).isFalse();
    }

    @Test
    void oneVocabularyInTwoStrengthsServesBothRules() {
        ProcedureIndex idx = service.index();
        // 12 procedures: a pair in two of them is in one in ten, generic whether listed ("đăng ký") or not ("giấy phép")
        assertThat(idx.strength("dang ky")).isEqualTo(GenericPairs.Strength.GENERIC);
        assertThat(idx.strength("giay phep")).isEqualTo(GenericPairs.Strength.GENERIC);
        assertThat(idx.generic("giay phep")).isTrue();
        // a listed act in one procedure only is an act, not generic: the ranking still counts it as naming a topic
        assertThat(idx.strength("cap doi")).isEqualTo(GenericPairs.Strength.ACT);
        assertThat(idx.generic("cap doi")).isFalse();
        assertThat(idx.strength("lai xe")).isEqualTo(GenericPairs.Strength.TOPIC);
        // the act-only rule reads both strengths: "cấp đổi" and "giấy phép" name no object, "lái xe" does
        Ranker.Candidate licence = new Ranker.Candidate(idx.meta("9.000016"), 10, 2, 0, 2, 1);
        assertThat(licence.meta().name()).isEqualTo("Cấp đổi giấy phép lái xe");
        assertThat(TopicEvidence.onlyActs(idx, licence, java.util.Set.of("cap doi", "giay phep"))).isTrue();
        assertThat(TopicEvidence.onlyActs(idx, licence, java.util.Set.of("cap doi", "giay phep", "lai xe"))).isFalse();
    }

    private static ExampleIndex.Support s(double best) {
        return new ExampleIndex.Support(best, best, null, 1);
    }

    @Test
    void negativesLeadOnlyWhenClearlyNearer() {
        assertThat(TopicEvidence.negativesLead(Map.of(ExampleIndex.NONE, s(0.6), PHARMACIST, s(0.45)))).isTrue();
        assertThat(TopicEvidence.negativesLead(Map.of(ExampleIndex.NONE, s(0.6)))).isTrue();
        // an answered example within the margin, or a negative below the similarity, or none at all: no lead
        assertThat(TopicEvidence.negativesLead(Map.of(ExampleIndex.NONE, s(0.6), PHARMACIST, s(0.55)))).isFalse();
        assertThat(TopicEvidence.negativesLead(Map.of(ExampleIndex.NONE, s(0.35)))).isFalse();
        // round 14: the similarity is configuration (default 0.4; 0.45 before)
        assertThat(TopicEvidence.negativesLead(Map.of(ExampleIndex.NONE, s(0.42)))).isTrue();
        assertThat(TopicEvidence.negativesLead(Map.of(ExampleIndex.NONE, s(0.42)), 0.45, 0.1)).isFalse();
        assertThat(TopicEvidence.negativesLead(Map.of(PHARMACIST, s(0.3)))).isFalse();
        assertThat(TopicEvidence.negativesLead(Map.of())).isFalse();
    }

    @Test
    void theNegativesSwitchedOffLeadNowhere() {
        Ranker.Candidate top = best("cấp lại chứng chỉ hành nghề dược bị mất");
        var asked = service.reading("cấp lại chứng chỉ hành nghề dược bị mất").bigrams();
        Map<String, ExampleIndex.Support> lead = Map.of(ExampleIndex.NONE, s(0.8));
        assertThat(TopicEvidence.refuses(service.index(), top, asked, lead, ExampleEvidence.DEFAULT)).isTrue();
        assertThat(TopicEvidence.refuses(service.index(), top, asked, lead, ExampleEvidence.DEFAULT.with("negative=1.01"))).isFalse();
    }
}
