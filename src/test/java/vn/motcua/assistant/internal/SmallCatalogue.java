package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.motcua.assistant.Answers;
import vn.motcua.assistant.AssistantTuning;
import vn.motcua.catalogue.ProcedureVersion;

/**
 * Test side: a small catalogue for one rule's test, a service over it, answered examples read against it, and a
 * question asked of it as the rules' tests ask (the first five answers, Vietnamese, these ranking numbers).
 */
final class SmallCatalogue {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final AssistantService service;
    private final RankingWeights weights;

    /** A service over these procedures, asked at the small catalogue's score thresholds ({@link #SMALL}). */
    SmallCatalogue(List<ProcedureVersion> procedures) {
        this(procedures, SMALL);
    }

    /** The same asked with these ranking numbers. */
    SmallCatalogue(List<ProcedureVersion> procedures, RankingWeights weights) {
        this.service = AssistantTuning.service(procedures);
        this.weights = weights;
    }

    AssistantService service() {
        return service;
    }

    ProcedureIndex index() {
        return service.index();
    }

    /** Examples "question|codes|source", read against this catalogue. */
    ExampleIndex examples(String... lines) {
        return examples(service, lines);
    }

    /** The question answered with these example settings and these example lines ("question|codes|source"). */
    Answers ask(String question, ExampleEvidence ev, String... exampleLines) {
        return ask(question, ev, examples(exampleLines));
    }

    /** The question answered with these example settings and this view of the examples. */
    Answers ask(String question, ExampleEvidence ev, ExampleIndex examples) {
        return service.answer(question, null, 5, VI, weights, ev, examples);
    }

    /** Answered, this procedure first (the answers in the message when not). */
    static void assertFirst(Answers a, String code) {
        assertThat(a.noMatch()).as(a.toString()).isFalse();
        assertThat(a.answers().get(0).code()).as(a.toString()).isEqualTo(code);
    }

    /** The examples' evidence for the question, per procedure, with these settings. */
    Map<String, ExampleIndex.Support> support(ExampleEvidence ev, ExampleIndex examples, String question) {
        return ev.support(examples, service.reading(question));
    }

    /** Procedures of other fields, so that the rule's own procedures' word pairs are not generic in a tiny catalogue. */
    private static final String[] OTHERS = {"Cấp giấy phép xây dựng nhà ở riêng lẻ", "Chứng thực chữ ký trong giấy tờ",
            "Thủ tục đăng ký kết hôn", "Cấp phiếu lý lịch tư pháp", "Cấp hộ chiếu phổ thông", "Đăng ký thường trú",
            "Cấp đổi giấy phép lái xe", "Đăng ký thành lập hộ kinh doanh", "Công nhận hộ nghèo, hộ cận nghèo", "Cấp thẻ căn cước",
            "Đăng ký tạm trú"};

    /** The given procedures, then the others coded {@code prefix + 10}, {@code prefix + 11}, … */
    static List<ProcedureVersion> with(String prefix, ProcedureVersion... own) {
        return joined(List.of(own), fillers(prefix, 10, OTHERS));
    }

    /** The given procedures, then {@code more}, then the others coded {@code prefix + 10}, … */
    static List<ProcedureVersion> with(String prefix, List<ProcedureVersion> own, List<ProcedureVersion> more) {
        return joined(joined(own, more), fillers(prefix, 10, OTHERS));
    }

    /** The given procedures, then these. */
    static List<ProcedureVersion> joined(List<ProcedureVersion> own, List<ProcedureVersion> more) {
        List<ProcedureVersion> out = new ArrayList<>(own);
        out.addAll(more);
        return out;
    }

    /** Procedures of another field ("Khác") named so, coded {@code prefix + first}, {@code prefix + (first + 1)}, … */
    static List<ProcedureVersion> fillers(String prefix, int first, String... names) {
        List<ProcedureVersion> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(version(prefix + (first + i), names[i], "Khác", null, null));
        }
        return out;
    }

    /** Examples "question|codes|source", read as the service reads a question. */
    static ExampleIndex examples(AssistantService service, String... lines) {
        QueryReader reader = new QueryReader();
        ProcedureIndex idx = service.index();
        List<String[]> read = new ArrayList<>();
        for (String l : lines) {
            read.add(l.split("\\|"));
        }
        return ExampleIndex.build(read, q -> reader.read(q, idx));
    }

    /** The score thresholds at a small catalogue's scale (its BM25 scores are a fraction of the full catalogue's). */
    static final RankingWeights SMALL = RankingWeights.DEFAULT.with("minScore=1,partialScore=1");
}
