package vn.motcua.assistant.internal;

import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.catalogue.ProcedureVersion;

/** Test side: a small catalogue for one rule's test, and answered examples read against it (round 15's tests). */
final class SmallCatalogue {

    private SmallCatalogue() {
    }

    /** Procedures of other fields, so that the rule's own procedures' word pairs are not generic in a tiny catalogue. */
    private static final String[] OTHERS = {"Cấp giấy phép xây dựng nhà ở riêng lẻ", "Chứng thực chữ ký trong giấy tờ",
            "Thủ tục đăng ký kết hôn", "Cấp phiếu lý lịch tư pháp", "Cấp hộ chiếu phổ thông", "Đăng ký thường trú",
            "Cấp đổi giấy phép lái xe", "Đăng ký thành lập hộ kinh doanh", "Công nhận hộ nghèo, hộ cận nghèo", "Cấp thẻ căn cước",
            "Đăng ký tạm trú"};

    /** The given procedures, then the others coded {@code prefix + 10}, {@code prefix + 11}, … */
    static List<ProcedureVersion> with(String prefix, ProcedureVersion... own) {
        List<ProcedureVersion> out = new ArrayList<>(List.of(own));
        for (int i = 0; i < OTHERS.length; i++) {
            out.add(version(prefix + (10 + i), OTHERS[i], "Khác", null, null));
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
