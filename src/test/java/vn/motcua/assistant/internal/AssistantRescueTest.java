package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 15: a question the ranking refuses is answered by a procedure its examples agree on when no negative example is
 * similar at all ({@link ExampleEvidence#rescues}); a similar negative example keeps it refused.
 */
class AssistantRescueTest {

    private static final String VEHICLE = "1.013067";

    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.with("9.0000",
                version(VEHICLE, "Đăng ký, cấp biển số xe máy lần đầu", "Đăng ký, quản lý phương tiện giao thông cơ giới", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null));
    }

    /** One shared word pair never answers at this score floor: the ranking refuses the question. */
    private static final RankingWeights STRICT = RankingWeights.DEFAULT.with("minScore=1000,partialScore=1000");

    private final SmallCatalogue small = new SmallCatalogue(catalogue(), STRICT);

    private ExampleIndex examples(String... lines) {
        return small.examples(lines);
    }
    /** The near-paraphrase rescue out of reach, to see this rule alone. */
    private static final ExampleEvidence RULE = ExampleEvidence.DEFAULT.with("strong=0.99");

    private final String q = "xe may cu mua lai cua ban";
    private final ExampleIndex agreeing = examples("xe máy cũ mua lại của bạn bè|" + VEHICLE + "|a",
            "xe máy cũ mua của người quen|" + VEHICLE + "|a", "bố tôi mất làm giấy báo tử|1.000656|a");

    @Test
    void agreeingExamplesAnswerARefusedQuestionWhenNoNegativeIsNear() {
        assertThat(small.ask(q, ExampleEvidence.OFF, agreeing).noMatch()).isTrue();
        assertThat(small.ask(q, RULE.with("rescue=2"), agreeing).noMatch()).isTrue();
        Answers a = small.ask(q, RULE, agreeing);
        assertThat(a.noMatch()).as(a.toString()).isFalse();
        assertThat(a.answers()).extracting(Answers.Answer::code).containsExactly(VEHICLE);
    }

    @Test
    void oneExampleOrANearNegativeKeepsItRefused() {
        ExampleIndex one = examples("xe máy cũ mua lại của bạn bè|" + VEHICLE + "|a", "bố tôi mất làm giấy báo tử|1.000656|a");
        assertThat(small.ask(q, RULE, one).noMatch()).isTrue();
        ExampleIndex negative = examples("xe máy cũ mua lại của bạn bè|" + VEHICLE + "|a",
                "xe máy cũ mua của người quen|" + VEHICLE + "|a", "xe máy cũ bán cho ai được giá|NONE|a");
        assertThat(small.support(ExampleEvidence.DEFAULT, negative, q)).containsKey(ExampleIndex.NONE);
        assertThat(small.ask(q, RULE, negative).noMatch()).isTrue();
    }
}
