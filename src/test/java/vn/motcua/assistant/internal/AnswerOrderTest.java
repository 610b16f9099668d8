package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Round 13: the third answer is not a near-twin of the second ({@link AnswerOrder}). */
class AnswerOrderTest {

    private final ProcedureIndex idx = ProcedureIndex.build(List.of(
            version("1", "Cấp giấy phép lái xe", null, null, null),
            version("2", "Cấp giấy phép sát hạch cho trung tâm sát hạch lái xe loại 1, loại 2", null, null, null),
            version("3", "Cấp giấy phép sát hạch cho trung tâm sát hạch lái xe loại 3", null, null, null),
            version("4", "Cấp lại chứng nhận đăng ký xe", null, null, null),
            version("5", "Đổi giấy phép lái xe", null, null, null)), java.util.Map.of());

    private Ranker.Candidate c(String code, double score) {
        return new Ranker.Candidate(idx.meta(code), score, 1, 0, 1, 0.5);
    }

    private static List<String> codes(List<Ranker.Candidate> l) {
        return l.stream().map(x -> x.meta().code()).toList();
    }

    @Test
    void theSecondsTwinMakesRoomForTheNextDifferentCandidate() {
        assertThat(AnswerOrder.twins(idx.meta("2").nameBigrams(), idx.meta("3").nameBigrams())).isTrue();
        assertThat(codes(AnswerOrder.third(List.of(c("1", 9), c("2", 8), c("3", 7), c("4", 6), c("5", 5)))))
                .containsExactly("1", "2", "4", "3", "5");
    }

    @Test
    void differentNamesKeepTheirOrder() {
        assertThat(AnswerOrder.twins(idx.meta("1").nameBigrams(), idx.meta("4").nameBigrams())).isFalse();
        List<Ranker.Candidate> ranked = List.of(c("1", 9), c("4", 8), c("2", 7), c("5", 6));
        assertThat(codes(AnswerOrder.third(ranked))).containsExactly("1", "4", "2", "5");
        // the first answer's twin may follow it in second place
        assertThat(codes(AnswerOrder.third(List.of(c("2", 9), c("3", 8), c("1", 7), c("4", 6))))).containsExactly("2", "3", "1", "4");
    }

    @Test
    void theFirstsTwinInThirdPlaceMakesRoomToo() {
        // "Cấp giấy phép lái xe" / "Đổi giấy phép lái xe": twins
        assertThat(AnswerOrder.twins(idx.meta("1").nameBigrams(), idx.meta("5").nameBigrams())).isTrue();
        assertThat(codes(AnswerOrder.third(List.of(c("1", 9), c("4", 8), c("5", 7), c("2", 6))))).containsExactly("1", "4", "2", "5");
        // round 15: 2 and 3 are twins, 1 differs from both: third place goes to the next candidate that is neither's twin
        assertThat(codes(AnswerOrder.third(List.of(c("2", 9), c("1", 8), c("3", 7), c("4", 6), c("5", 5)))))
                .containsExactly("2", "1", "4", "3", "5");
    }
}
