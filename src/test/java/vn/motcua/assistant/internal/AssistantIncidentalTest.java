package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.assistant.Answers;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Round 17b ({@link TopicEvidence#incidental}): a question that matches only incidental word pairs of the best answer's
 * name ("làm dịch vụ", carried by two names) — neither its leading act nor a pair distinctive of it — with no answered
 * example near is no match; naming the act or the name's own topic, or an answered example near, keeps the answer.
 */
class AssistantIncidentalTest {

    /** The rules this class tests, alone: the learned gate (on in production) is measured on the full catalogue only. */
    static final ExampleEvidence RULES = ExampleEvidence.DEFAULT.with("gate=off,incidental=0.01,purpose=0");

    static final String BREEDING = "2.000101";

    /**
     * Two names carry "làm dịch vụ"; enough other procedures (over twenty) that a pair in two names is a topic pair, not a
     * generic one (which older rules read), yet above the incidental share of 1 % (at most one procedure here).
     */
    static List<ProcedureVersion> catalogue() {
        List<ProcedureVersion> own = List.of(
                version(BREEDING, "Hỗ trợ người làm dịch vụ phối giống gia súc", "Nông nghiệp", null, null),
                version("2.000102", "Cấp thẻ cho người làm dịch vụ bảo vệ", "An ninh trật tự", null, null));
        List<ProcedureVersion> more = SmallCatalogue.fillers("2.0002", 10, "Đăng ký khai sinh", "Thủ tục đăng ký khai tử",
                "Đăng ký nuôi con nuôi trong nước", "Cấp giấy phép môi trường", "Công nhận làng nghề truyền thống",
                "Đăng ký biến động quyền sử dụng đất", "Cấp bản sao trích lục hộ tịch", "Cấp giấy phép lái xe quốc tế",
                "Thẩm định giá đất cụ thể", "Xác nhận tình trạng hôn nhân");
        return SmallCatalogue.with("2.0003", own, more);
    }

    private final SmallCatalogue small = new SmallCatalogue(catalogue());

    private Answers ask(String q, ExampleEvidence ev, String... examples) {
        return small.ask(q, ev, examples);
    }

    @Test
    void onlyIncidentalNamePairsAndNoExampleNearIsNoMatch() {
        String q = "công ty nào làm dịch vụ kế toán tốt";
        ProcedureIndex idx = small.index();
        assertThat(idx.size()).isGreaterThan(20);
        assertThat(idx.strength("lam dich")).isEqualTo(GenericPairs.Strength.TOPIC);
        assertThat(idx.pairProcedures("lam dich")).isEqualTo(2);
        Answers off = ask(q, RULES.with("incidental=0"));
        assertThat(off.noMatch()).as(off.toString()).isFalse();
        assertThat(off.answers().get(0).code()).startsWith("2.00010");
        Answers on = ask(q, RULES);
        assertThat(on.noMatch()).as(on.toString()).isTrue();
    }

    @Test
    void theNamesOwnTopicKeepsTheAnswer() {
        Answers a = ask("làm dịch vụ phối giống cho bò có được nhà nước cho tiền không", RULES);
        SmallCatalogue.assertFirst(a, BREEDING);
    }

    @Test
    void theNamesLeadingActKeepsTheAnswer() {
        assertThat(NameStructure.leadingAct(small.index().meta(BREEDING).nameFolded())).isEqualTo("ho tro");
        assertThat(NameStructure.leadingAct(List.of("thu", "tuc", "dang", "ky", "khai", "tu"))).isEqualTo("dang ky");
        Answers a = ask("xin hỗ trợ cho người làm dịch vụ", RULES);
        SmallCatalogue.assertFirst(a, BREEDING);
    }

    @Test
    void anAnsweredExampleNearKeepsTheAnswer() {
        String q = "công ty nào làm dịch vụ kế toán tốt";
        Answers a = ask(q, RULES, "người làm dịch vụ phối giống cho bà con có được hỗ trợ|" + BREEDING + "|a",
                "công ty làm dịch vụ phối giống tốt|" + BREEDING + "|a");
        SmallCatalogue.assertFirst(a, BREEDING);
    }
}
