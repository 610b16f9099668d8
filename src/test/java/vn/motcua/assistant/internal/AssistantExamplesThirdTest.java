package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 15: the third answer is the procedure whose answered examples are nearest the question when the ranking's first
 * two are others ({@link ExampleEvidence#nearest}, {@link AnswerOrder#examplesThird}); the first two are never moved.
 */
class AssistantExamplesThirdTest {

    private static final String TRANSFER = "1.000010";

    private static List<ProcedureVersion> catalogue() {
        return SmallCatalogue.with("9.0000",
                version("1.000001", "Đăng ký, cấp biển số xe máy lần đầu", "Đăng ký xe", null, null),
                version("1.000002", "Cấp lại chứng nhận đăng ký xe máy, biển số xe máy", "Đăng ký xe", null, null),
                version("1.000003", "Đổi chứng nhận đăng ký xe máy", "Đăng ký xe", null, null),
                version("1.000004", "Thu hồi chứng nhận đăng ký xe máy", "Đăng ký xe", null, null),
                version(TRANSFER, "Khai lệ phí phương tiện", "Phí, lệ phí", null, null),
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null));
    }

    private final SmallCatalogue small = new SmallCatalogue(catalogue());

    private ExampleIndex examples(String... lines) {
        return small.examples(lines);
    }

    private static List<String> codes(Answers a) {
        return a.answers().stream().map(Answers.Answer::code).toList();
    }

    private final ExampleIndex twoAgree = examples("mua lại xe cũ của hàng xóm thì sao|" + TRANSFER + "|a",
            "xe cũ mua của người quen làm giấy tờ gì|" + TRANSFER + "|a", "bố tôi mất làm giấy báo tử|1.000656|a");

    @Test
    void theNearestExamplesProcedureTakesTheThirdPlace() {
        String q = "mua lai xe may cu can cap bien so xe may khong";
        Answers off = small.ask(q, ExampleEvidence.DEFAULT.with("third=2"), twoAgree);
        Answers on = small.ask(q, ExampleEvidence.DEFAULT, twoAgree);
        // without the rule the transfer is below the third place (or absent): the words find the registrations first
        assertThat(codes(off).indexOf(TRANSFER)).as(off.toString()).isNotIn(0, 1, 2);
        assertThat(codes(on)).as(on.toString()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(codes(on).get(2)).isEqualTo(TRANSFER);
        // the first two answers are the ranking's, unchanged
        assertThat(codes(on).subList(0, 2)).isEqualTo(codes(off).subList(0, 2));
    }

    @Test
    void oneOddExampleOrANearerNegativeIsNoReason() {
        String q = "mua lai xe may cu can cap bien so xe may khong";
        ExampleIndex one = examples("mua lại xe cũ của hàng xóm thì sao|" + TRANSFER + "|a", "bố tôi mất làm giấy báo tử|1.000656|a");
        assertThat(codes(small.ask(q, ExampleEvidence.DEFAULT, one)).indexOf(TRANSFER)).isNotIn(0, 1, 2);
        ExampleIndex negativeNearer = examples("mua lại xe cũ của hàng xóm thì sao|" + TRANSFER + "|a",
                "xe cũ mua của người quen làm giấy tờ gì|" + TRANSFER + "|a", "mua lại xe máy cũ của người quen giá bao nhiêu|NONE|a");
        Answers a = small.ask(q, ExampleEvidence.DEFAULT, negativeNearer);
        assertThat(codes(a).indexOf(TRANSFER)).as(a.toString()).isNotIn(0, 1, 2);
    }

    @Test
    void aProcedureAlreadyFirstOrSecondStaysWhereItIs() {
        var idx = small.index();
        var a = new Ranker.Candidate(idx.meta("1.000001"), 9, 2, 0, 2, 1);
        var b = new Ranker.Candidate(idx.meta("1.000002"), 8, 2, 0, 2, 1);
        var c = new Ranker.Candidate(idx.meta("1.000003"), 7, 2, 0, 2, 1);
        var d = new Ranker.Candidate(idx.meta(TRANSFER), 1, 0, 0, 0, 0);
        assertThat(AnswerOrder.examplesThird(List.of(a, b, c), java.util.Optional.of(b))).containsExactly(a, b, c);
        assertThat(AnswerOrder.examplesThird(List.of(a, b, c, d), java.util.Optional.of(d))).containsExactly(a, b, d, c);
        // with fewer than three answers the nearest procedure is added after them
        assertThat(AnswerOrder.examplesThird(List.of(a), java.util.Optional.of(d))).containsExactly(a, d);
        assertThat(AnswerOrder.examplesThird(List.of(a, b, c), java.util.Optional.empty())).containsExactly(a, b, c);
    }
}
