package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 10: questions labelled NONE as negative examples ("people who asked like you needed no procedure") over a small
 * catalogue and a few example lines: a no-procedure paraphrase that the ranking alone would answer weakly gets no match,
 * an answerable paraphrase in the same words' neighbourhood is still answered, and a set's negatives leave with it.
 */
class AssistantNegativesTest {

    /** The rules this class tests, alone: the learned gate (on in production) is measured on the full catalogue only. */
    static final ExampleEvidence RULES = ExampleEvidence.DEFAULT.with("gate=off,purpose=0");

    private static final String VEHICLE = "1.013067";
    private static final List<ProcedureVersion> CATALOGUE = catalogue();

    /** Enough procedures that a word pair of one name is specific (generic: in one procedure in ten or more). */
    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.joined(List.of(
                version(VEHICLE, "Đăng ký, cấp biển số xe máy lần đầu", "Đăng ký, quản lý phương tiện giao thông cơ giới", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null),
                version("1.004194", "Đăng ký tạm trú", "Đăng ký, quản lý cư trú", null, null),
                version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null, null)),
                SmallCatalogue.fillers("9.0000", 10, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Chứng thực chữ ký trong giấy tờ",
                        "Thủ tục đăng ký kết hôn", "Cấp phiếu lý lịch tư pháp", "Cấp hộ chiếu phổ thông", "Đăng ký thường trú",
                        "Cấp đổi giấy phép lái xe", "Đăng ký thành lập hộ kinh doanh", "Công nhận hộ nghèo, hộ cận nghèo",
                        "Đăng ký nuôi con nuôi trong nước", "Cấp thẻ căn cước", "Xác nhận tình trạng hôn nhân"));
    }

    /** At the full catalogue's score thresholds. */
    private final SmallCatalogue small = new SmallCatalogue(CATALOGUE, RankingWeights.DEFAULT);

    private ExampleIndex examples() {
        return small.examples("phạt nguội xe máy tra ở đâu|NONE|a", "bị phạt nguội xe máy thì nộp tiền thế nào|NONE|a",
                "giá xăng hôm nay bao nhiêu|NONE|b", "mua xe máy mới, đăng ký biển số ở đâu|" + VEHICLE + "|a",
                "bấm biển số xe máy mới mua|" + VEHICLE + "|b", "bố tôi mất làm giấy báo tử|1.000656|b");
    }

    private Answers ask(String q, ExampleEvidence settings, ExampleIndex view) {
        return small.ask(q, settings, view);
    }

    @Test
    void negativesNearAWeaklyMatchedQuestionMakeItNoMatch() {
        String q = "phat nguoi xe may dang ky o dau";
        // the ranking alone answers it on "đăng ký" and "xe máy", the two word pairs it shares with a name
        Answers alone = ask(q, ExampleEvidence.OFF, examples());
        assertThat(alone.noMatch()).isFalse();
        assertThat(alone.answers().get(0).code()).isEqualTo(VEHICLE);
        // people who asked like this needed no procedure
        assertThat(ask(q, RULES, examples()).noMatch()).isTrue();
        // the same negatives below the threshold refuse nothing
        assertThat(ask(q, RULES.with("negative=1.01"), examples()).noMatch()).isFalse();
    }

    @Test
    void anAnswerableParaphraseInTheSameWordsIsStillAnswered() {
        Answers a = ask("dang ky bien so cho xe may moi mua o dau", RULES, examples());
        assertThat(a.noMatch()).isFalse();
        assertThat(a.answers().get(0).code()).isEqualTo(VEHICLE);
    }

    @Test
    void aSetsNegativesLeaveWithItsPositives() {
        ExampleIndex all = examples();
        assertThat(all.without("a").examples()).extracting(ExampleIndex.Example::source).containsOnly("b");
        assertThat(all.without("a").examples()).extracting(ExampleIndex.Example::text)
                .doesNotContain("phạt nguội xe máy tra ở đâu", "mua xe máy mới, đăng ký biển số ở đâu")
                .contains("giá xăng hôm nay bao nhiêu");
        // without set a's negatives nothing near says "no procedure": the weak answer stands
        assertThat(ask("phat nguoi xe may dang ky o dau", RULES, all.without("a")).noMatch()).isFalse();
    }
}
