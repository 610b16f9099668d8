package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;

/**
 * Round 18 ({@link ExampleEvidence#purpose}, {@link PurposeReading}): a question asked for a private purpose (the thing's
 * price, a repair, a purchase) that names no act of a procedure is no match, even when it names a procedure's object; an
 * act keeps the answer, and so does an answered example that is a near-paraphrase. Invented questions, none from any set.
 */
class AssistantPurposeTest {

    /** The rule alone: the learned gate (on in production) is measured on the full catalogue only. */
    static final ExampleEvidence RULES = ExampleEvidence.DEFAULT.with("gate=off");

    static final String CAR = "2.000301";

    private final SmallCatalogue small = new SmallCatalogue(SmallCatalogue.with("2.0004",
            version(CAR, "Đăng ký xe ô tô", "Đường bộ", null, null),
            version("2.000302", "Cấp đổi giấy phép lái xe", "Đường bộ", null, null),
            version("2.000303", "Đăng ký khai sinh", "Hộ tịch", null, null)));

    private Answers ask(String q, ExampleEvidence ev, String... examples) {
        return small.ask(q, ev, examples);
    }

    @Test
    void aPriceOfTheThingWithNoActIsNoMatch() {
        String q = "giá xe ô tô cũ đời 2015 bao nhiêu";
        Answers off = ask(q, RULES.with("purpose=0"));
        SmallCatalogue.assertFirst(off, CAR);
        Answers on = ask(q, RULES);
        assertThat(on.noMatch()).as(on.toString()).isTrue();
        // typed without diacritics, a repair: answered by the rules alone, no match with the purpose read
        assertThat(ask("sua xe o to cho nao uy tin", RULES.with("purpose=0")).noMatch()).isFalse();
        assertThat(ask("sua xe o to cho nao uy tin", RULES).noMatch()).isTrue();
    }

    @Test
    void anActKeepsTheAnswer() {
        Answers a = ask("mua xe ô tô cũ giá bao nhiêu thì đăng ký ở đâu", RULES);
        SmallCatalogue.assertFirst(a, CAR);
    }

    @Test
    void aNearParaphraseKeepsTheAnswer() {
        String q = "giá xe ô tô cũ đời 2015 bao nhiêu";
        Answers a = ask(q, RULES, "giá xe ô tô cũ đời 2015 bao nhiêu thì nộp lệ phí đăng ký|" + CAR + "|a");
        SmallCatalogue.assertFirst(a, CAR);
        // a less similar example is no rescue at a stricter similarity
        assertThat(ask(q, RULES.with("purpose=0.95"), "giá xe ô tô cũ đời 2015 bao nhiêu thì nộp lệ phí đăng ký|" + CAR + "|a")
                .noMatch()).isTrue();
    }

    /** Round 20 (purposes v2): the object's worth, a loan, a repair, a comparison, an agent's service, with no act. */
    @Test
    void theSecondVersionsPrivatePurposesAreNoMatch() {
        for (String q : new String[] {"xe ô tô cũ bán lại được bao nhiêu", "mua xe ô tô trả góp ngân hàng nào",
                "gọi thợ sửa máy xe ô tô tại nhà", "so sánh xe ô tô điện với xe ô tô xăng",
                "dich vu lam giay khai sinh tron goi cho con"}) {
            Answers off = ask(q, RULES.with("purpose=0"));
            assertThat(off.noMatch()).as("answered without the purpose: " + q + " " + off).isFalse();
            assertThat(ask(q, RULES).noMatch()).as(q).isTrue();
        }
    }

    /** Round 20: the same objects with an act of a procedure (a transfer, a registration, a confirmation) are answered. */
    @Test
    void theSameObjectsWithAnActAreAnswered() {
        Answers sold = ask("bán lại xe ô tô cũ thì đăng ký sang tên ở đâu", RULES);
        SmallCatalogue.assertFirst(sold, CAR);
        Answers loan = ask("mua xe ô tô trả góp thì đăng ký xe ở đâu", RULES);
        SmallCatalogue.assertFirst(loan, CAR);
        // "ủy ban được không" is no sale ("bán được không" folds alike): the birth registration is answered
        Answers ward = ask("khai sinh cho con ra ủy ban được không", RULES);
        SmallCatalogue.assertFirst(ward, "2.000303");
    }

    /**
     * Round 21 (purposes v3): an act on an object no procedure here serves (a job, a vaccination) is no match even with
     * the act; a catalogue whose name holds the object answers it.
     */
    @Test
    void anActOnAnUnservedObjectIsNoMatchUnlessANameHoldsIt() {
        String job = "đăng ký tìm việc làm lái xe ô tô ở đâu";
        Answers off = ask(job, RULES.with("unserved=false"));
        assertThat(off.noMatch()).as("answered without the object read: " + off).isFalse();
        assertThat(off.answers().get(0).code()).isEqualTo(CAR);
        Answers on = ask(job, RULES);
        assertThat(on.noMatch()).as(on.toString()).isTrue();
        String shot = "đăng ký tiêm chủng cho trẻ em ở đâu";
        SmallCatalogue serving = new SmallCatalogue(SmallCatalogue.with("2.0004",
                version("2.000303", "Đăng ký khai sinh", "Hộ tịch", null, null),
                version("2.000304", "Đăng ký tiêm chủng cho trẻ em", "Y tế", null, null)));
        Answers served = serving.ask(shot, RULES);
        SmallCatalogue.assertFirst(served, "2.000304");
    }
}
