package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 13: a procedure the catalogue's words do not find, which answered examples name ({@link ExampleEvidence#withUnfound}).
 * "chòi lá mục nát" shares no word with "Cấp giấy phép xây dựng nhà ở riêng lẻ"; two examples that needed the permit
 * are near it, so the permit becomes a candidate; one such example alone is not enough.
 */
class AssistantUnfoundTest {

    private static final String PERMIT = "1.013225";
    private static final String QUESTION = "chòi lá mục nát";

    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.joined(List.of(
                version(PERMIT, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null),
                version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null, null)),
                SmallCatalogue.fillers("9.0000", 10, "Chứng thực chữ ký trong giấy tờ", "Thủ tục đăng ký kết hôn",
                        "Cấp phiếu lý lịch tư pháp", "Cấp hộ chiếu phổ thông", "Đăng ký thường trú", "Cấp đổi giấy phép lái xe",
                        "Đăng ký thành lập hộ kinh doanh"));
    }

    private static final RankingWeights SMALL = SmallCatalogue.SMALL;
    private final SmallCatalogue small = new SmallCatalogue(catalogue());
    private final AssistantService service = small.service();

    private ExampleIndex examples(String... permitExamples) {
        List<String> lines = new ArrayList<>();
        for (String e : permitExamples) {
            lines.add(e + "|" + PERMIT + "|a");
        }
        lines.add("bố tôi mất làm giấy báo tử|1.000656|a");
        lines.add("giá xăng hôm nay bao nhiêu|NONE|a");
        return small.examples(lines.toArray(String[]::new));
    }

    private Answers ask(ExampleEvidence settings, ExampleIndex view) {
        return small.ask(QUESTION, settings, view);
    }

    @Test
    void twoNearExamplesAddTheProcedureTheCatalogueSearchMissed() {
        ExampleIndex two = examples("chòi lá mục nát sập rồi", "nhà chòi lá mục nát");
        // the catalogue's words do not reach the permit
        assertThat(service.rank(service.index(), service.reading(QUESTION), null, SMALL))
                .noneMatch(c -> c.meta().code().equals(PERMIT));
        assertThat(ask(ExampleEvidence.DEFAULT.with("unfound=1.01"), two).noMatch()).isTrue();
        Answers a = ask(ExampleEvidence.DEFAULT, two);
        SmallCatalogue.assertFirst(a, PERMIT);
        // the citizen sees why: the near example
        assertThat(a.answers().get(0).why()).anyMatch(w -> w.contains("chòi lá"));
    }

    @Test
    void oneNearExampleAloneAddsNothing() {
        ExampleIndex one = examples("chòi lá mục nát sập rồi");
        assertThat(ExampleEvidence.DEFAULT.support(one, service.reading(QUESTION)).get(PERMIT).best())
                .isGreaterThanOrEqualTo(ExampleEvidence.DEFAULT.unfound());
        assertThat(ask(ExampleEvidence.DEFAULT, one).noMatch()).isTrue();
    }

    @Test
    void anAddedProcedureStartsBelowEveryProcedureTheCatalogueFound() {
        ExampleIndex two = examples("chòi lá mục nát sập rồi", "nhà chòi lá mục nát");
        String q = "chòi lá mục nát, đăng ký khai sinh";
        QueryReader.Reading reading = service.reading(q);
        List<Ranker.Candidate> ranked = service.rank(service.index(), reading, null, SMALL);
        assertThat(ranked).isNotEmpty().noneMatch(c -> c.meta().code().equals(PERMIT));
        var support = ExampleEvidence.DEFAULT.support(two, reading);
        List<Ranker.Candidate> with = ExampleEvidence.DEFAULT.withUnfound(service.index(), ranked, support, reading);
        assertThat(with).hasSize(ranked.size() + 1);
        Ranker.Candidate added = with.get(with.size() - 1);
        assertThat(added.meta().code()).isEqualTo(PERMIT);
        assertThat(added.score()).isLessThanOrEqualTo(ranked.stream().mapToDouble(Ranker.Candidate::score).min().orElseThrow());
    }
}
