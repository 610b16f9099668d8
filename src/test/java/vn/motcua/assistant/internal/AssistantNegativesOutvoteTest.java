package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 16: the nearest examples vote ({@link ExampleEvidence#negativesOutvote}). A best answer sharing two word pairs of
 * its name, with an example of its own (so the round-15 rule keeps quiet), is refused when the negative examples near the
 * question outweigh it {@link ExampleEvidence#vote} times over; a group of its own examples as near keeps it. A negative
 * at least {@link ExampleEvidence#lead} similar needs to outweigh only the answer's own examples.
 */
class AssistantNegativesOutvoteTest {

    /** The rules this class tests, alone: the learned gate (on in production) is measured on the full catalogue only. */
    static final ExampleEvidence RULES = ExampleEvidence.DEFAULT.with("gate=off,purpose=0");

    static final String VEHICLE = "1.013067";

    /** A vehicle registration and a death registration among other fields (also round 17's gate test). */
    static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.with("9.0002",
                version(VEHICLE, "Đăng ký sang tên xe máy chính chủ", "Đăng ký, quản lý phương tiện giao thông cơ giới", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null));
    }

    private final SmallCatalogue small = new SmallCatalogue(catalogue());

    private final String q = "đăng ký sim chính chủ cho số điện thoại";

    private static final String[] NEGATIVES = {"sim điện thoại chính chủ làm ở cửa hàng nào|NONE|a",
            "số điện thoại bị khóa một chiều vì chưa cập nhật|NONE|a", "đổi sim điện thoại mới giữ số cũ|NONE|a",
            "thông tin thuê bao cho số điện thoại|NONE|a", "sim chính chủ bị khóa thì làm sao|NONE|a"};

    private ExampleIndex examples(String... own) {
        String[] lines = new String[NEGATIVES.length + own.length];
        System.arraycopy(NEGATIVES, 0, lines, 0, NEGATIVES.length);
        System.arraycopy(own, 0, lines, NEGATIVES.length, own.length);
        return small.examples(lines);
    }

    @Test
    void negativesOutweighingTheAnswerTwiceAreNoMatch() {
        ExampleIndex ex = examples("xe máy cũ chính chủ cho con|" + VEHICLE + "|a");
        Map<String, ExampleIndex.Support> s = small.support(RULES, ex, q);
        ExampleIndex.Support none = s.get(ExampleIndex.NONE);
        // the answer has an example of its own (round 15's rule is silent), the negatives weigh vote times as much
        assertThat(s).as(s.toString()).containsKey(VEHICLE);
        assertThat(none.score()).as(s.toString()).isGreaterThanOrEqualTo(RULES.vote() * s.get(VEHICLE).score());
        Answers off = small.ask(q, RULES.with("vote=0"), ex);
        SmallCatalogue.assertFirst(off, VEHICLE);
        Answers on = small.ask(q, RULES, ex);
        assertThat(on.noMatch()).as(on.toString()).isTrue();
    }

    @Test
    void aGroupOfTheAnswersOwnExamplesAsNearKeepsIt() {
        ExampleIndex ex = examples("đăng ký chính chủ cho xe máy cũ|" + VEHICLE + "|a",
                "đăng ký chính chủ cho số xe máy|" + VEHICLE + "|a", "đăng ký sang tên chính chủ cho xe|" + VEHICLE + "|a",
                "xe máy đăng ký chính chủ cho con|" + VEHICLE + "|a");
        Map<String, ExampleIndex.Support> s = small.support(RULES, ex, q);
        assertThat(s.get(ExampleIndex.NONE).score()).as(s.toString()).isLessThan(RULES.vote() * s.get(VEHICLE).score());
        Answers a = small.ask(q, RULES, ex);
        SmallCatalogue.assertFirst(a, VEHICLE);
    }

    @Test
    void aNearNegativeOutweighingTheAnswersOwnExamplesIsNoMatchWhateverOthersHave() {
        // another procedure's example is near too: the negatives neither lead by 0.1 nor outvote every answered procedure
        ExampleIndex ex = small.examples("đăng ký sim chính chủ ở đâu|NONE|a", "sim chính chủ bị khóa|NONE|a",
                "đăng ký số điện thoại chính chủ của bố đã mất|1.000656|a", "đăng ký chính chủ cho số xe máy|" + VEHICLE + "|a");
        Map<String, ExampleIndex.Support> s = small.support(RULES, ex, q);
        assertThat(s).as(s.toString()).containsKeys(ExampleIndex.NONE, VEHICLE, "1.000656");
        ExampleIndex.Support none = s.get(ExampleIndex.NONE);
        assertThat(none.best()).as(s.toString()).isGreaterThanOrEqualTo(RULES.lead());
        assertThat(none.score()).as(s.toString()).isLessThan(RULES.vote() * s.get("1.000656").score())
                .isGreaterThanOrEqualTo(s.get(VEHICLE).score());
        Answers off = small.ask(q, RULES.with("own=0"), ex);
        assertThat(off.noMatch()).as(s + " " + off).isFalse();
        assertThat(off.answers().get(0).code()).isEqualTo(VEHICLE);
        Answers on = small.ask(q, RULES, ex);
        assertThat(on.noMatch()).as(on.toString()).isTrue();
    }
}
