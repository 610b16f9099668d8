package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 12: "no one who asked like this needed a procedure" ({@link ExampleEvidence#unanswered}). A question whose best
 * answer shares one word pair of its name with it, near a negative example and near no answered one, gets no match; an
 * answerable question sharing the same one pair, near its procedure's example, is still answered.
 */
class AssistantUnansweredTest {

    /** The rules this class tests, alone: the learned gate (on in production) is measured on the full catalogue only. */
    static final ExampleEvidence RULES = ExampleEvidence.DEFAULT.with("gate=off,purpose=0");

    private static final String VEHICLE = "1.013067";

    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.joined(List.of(
                version(VEHICLE, "Đăng ký, cấp biển số xe máy lần đầu", "Đăng ký, quản lý phương tiện giao thông cơ giới", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null),
                version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null, null)),
                SmallCatalogue.fillers("9.0000", 10, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Chứng thực chữ ký trong giấy tờ",
                        "Thủ tục đăng ký kết hôn", "Cấp phiếu lý lịch tư pháp", "Cấp hộ chiếu phổ thông", "Đăng ký thường trú",
                        "Cấp đổi giấy phép lái xe", "Đăng ký thành lập hộ kinh doanh", "Công nhận hộ nghèo, hộ cận nghèo",
                        "Đăng ký nuôi con nuôi trong nước", "Cấp thẻ căn cước", "Xác nhận tình trạng hôn nhân", "Đăng ký tạm trú",
                        "Cho thuê nhà ở công vụ theo giá quy định"));
    }

    private final SmallCatalogue small = new SmallCatalogue(catalogue());

    private ExampleIndex examples() {
        return small.examples("cho thuê xe máy theo ngày ở quận 1|NONE|a", "giá xăng hôm nay bao nhiêu|NONE|a",
                "bấm biển số cho xe máy mới mua|" + VEHICLE + "|a", "bố tôi mất làm giấy báo tử|1.000656|a");
    }

    private Answers ask(String q, ExampleEvidence settings) {
        return small.ask(q, settings, examples());
    }

    private Map<String, ExampleIndex.Support> support(String q) {
        return small.support(RULES, examples(), q);
    }

    @Test
    void aBareMatchNearOnlyNegativesIsNoMatch() {
        String q = "thue xe may gia bao nhieu";
        Answers alone = ask(q, ExampleEvidence.OFF);
        // the ranking alone answers it on "xe máy", the one word pair it shares with a name
        SmallCatalogue.assertFirst(alone, VEHICLE);
        Map<String, ExampleIndex.Support> s = support(q);
        // near a negative example, though below the round-10 rule's threshold, and near no answered one
        assertThat(s).containsOnlyKeys(ExampleIndex.NONE);
        assertThat(ask(q, RULES).noMatch()).isTrue();
        // with the round-10 rule out of reach (its threshold above this similarity) this rule alone refuses it
        assertThat(s.get(ExampleIndex.NONE).best()).isLessThan(0.9);
        assertThat(ask(q, RULES.with("negative=0.9")).noMatch()).isTrue();
        // the negatives switched off refuse nothing
        assertThat(ask(q, RULES.with("negative=1.01")).noMatch()).isFalse();
    }

    @Test
    void anAnswerableQuestionOnTheSamePairNearItsExampleIsAnswered() {
        String q = "xe may moi mua";
        assertThat(support(q)).containsKey(VEHICLE);
        assertThat(ask(q, ExampleEvidence.OFF).answers().get(0).code()).isEqualTo(VEHICLE);
        Answers a = ask(q, RULES);
        assertThat(a.noMatch()).isFalse();
        assertThat(a.answers().get(0).code()).isEqualTo(VEHICLE);
    }
}
