package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 15: a best answer resting on one word pair of its name, with no example of its own, is refused when a negative
 * example is similar ({@link ExampleEvidence#negativesNearer}), even when other procedures have examples near the question
 * (where the round-12 rule, {@link ExampleEvidence#unanswered}, keeps quiet).
 */
class AssistantNegativesNearerTest {

    /** The rules this class tests, alone: the learned gate (on in production) is measured on the full catalogue only. */
    static final ExampleEvidence RULES = ExampleEvidence.DEFAULT.with("gate=off,purpose=0");

    private static final String VEHICLE = "1.013067";
    private static final String HOUSING = "9.000010";

    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.with("9.0001",
                version(VEHICLE, "Đăng ký, cấp biển số xe máy lần đầu", "Đăng ký, quản lý phương tiện giao thông cơ giới", null, null),
                version(HOUSING, "Cho thuê nhà ở công vụ theo giá quy định", "Nhà ở", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null));
    }

    private final SmallCatalogue small = new SmallCatalogue(catalogue());

    private ExampleIndex examples(String... lines) {
        return small.examples(lines);
    }

    private final String q = "thue xe may theo thang gia bao nhieu";

    @Test
    void aLonePairNearANegativeAndFarFromItsOwnAskersIsNoMatch() {
        ExampleIndex ex = examples("cho thuê xe đạp điện theo ngày|NONE|a", "thuê nhà công vụ theo tháng|" + HOUSING + "|a",
                "bố tôi mất làm giấy báo tử|1.000656|a");
        Map<String, ExampleIndex.Support> s = small.support(RULES, ex, q);
        // a negative is near, and so is another procedure's example (the round-12 rule is silent), none of the vehicle's
        assertThat(s).containsKey(ExampleIndex.NONE).containsKey(HOUSING).doesNotContainKey(VEHICLE);
        Answers off = small.ask(q, RULES.with("lone=2"), ex);
        SmallCatalogue.assertFirst(off, VEHICLE);
        Answers on = small.ask(q, RULES, ex);
        assertThat(on.noMatch()).as(on.toString()).isTrue();
    }

    @Test
    void anExampleOfTheAnswerItselfKeepsIt() {
        ExampleIndex ex = examples("cho thuê xe đạp điện theo ngày|NONE|a", "thuê nhà công vụ theo tháng|" + HOUSING + "|a",
                "xe máy mới mua chưa có biển số|" + VEHICLE + "|a");
        assertThat(small.support(RULES, ex, q)).containsKey(VEHICLE);
        Answers a = small.ask(q, RULES, ex);
        SmallCatalogue.assertFirst(a, VEHICLE);
    }
}
