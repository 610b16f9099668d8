package vn.motcua.questions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatKeysTest {

    static int shared(long[] a, long[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] == b[i] ? 1 : 0; // band i against band i: keys of different bands never meet in practice
        }
        return n;
    }

    @Test
    void theSameQuestionWithOtherPersonalDataHasTheSameKeysAsItsPublishedText() {
        String subject = "Hỏi về đăng ký khai sinh qua mạng";
        String asked = "Tôi là Nguyễn Văn An, gọi cho tôi số 0911 222 333 hoặc CCCD 001099099999 để hướng dẫn thủ tục "
                + "chứng thực, hồ sơ số 12345.";
        // Published earlier: another asker's question, as the officer confirmed its automatic redaction.
        String published = Redactor.redact("Tôi là Trần Thị Bình, gọi cho tôi số 0987 654 321 hoặc CCCD 079190012345 "
                + "để hướng dẫn thủ tục chứng thực, hồ sơ số 67890.", "Trần Thị Bình").text();
        assertThat(published).doesNotContain("Bình", "0987", "079190012345");
        long[] keys = RepeatKeys.ofSubmitted(subject, asked, "Nguyễn Văn An");
        assertThat(keys).hasSize(RepeatKeys.BANDS).isEqualTo(RepeatKeys.of(subject + "\n" + published));
        assertThat(RepeatKeys.of("Khai sinh")).isEqualTo(RepeatKeys.of("khai sinh?")).hasSize(RepeatKeys.BANDS);
        assertThat(RepeatKeys.of("0912 345 678 [họ tên]")).isEmpty();
    }

    @Test
    void aLightlyEditedCopySharesEnoughBandsAndAnotherQuestionOnTheSameSubjectDoesNot() throws IOException {
        List<String> questions = pool("Q|");
        String subject = "Hỏi về thủ tục đăng ký khai sinh cho con";
        int linkedCopies = 0;
        int linkedOthers = 0;
        int pairs = 0;
        for (int i = 0; i + 2 < questions.size(); i++) {
            String text = questions.get(i) + " " + questions.get(i + 1) + " " + questions.get(i + 2);
            long[] keys = RepeatKeys.of(subject + "\n" + text);
            // The same question asked again with one word dropped and a greeting added.
            String edited = "Kính gửi cơ quan, " + text.replaceFirst(" \\p{L}+ ", " ");
            linkedCopies += shared(keys, RepeatKeys.of(subject + "\n" + edited)) >= RepeatKeys.MIN_SHARED ? 1 : 0;
            for (int j = i + 3; j + 2 < questions.size(); j++) {
                String other = questions.get(j) + " " + questions.get(j + 1) + " " + questions.get(j + 2);
                linkedOthers += shared(keys, RepeatKeys.of(subject + "\n" + other)) >= RepeatKeys.MIN_SHARED ? 1 : 0;
                pairs++;
            }
        }
        int copies = questions.size() - 2;
        assertThat(linkedCopies).as("edited copies linked, of %d", copies).isGreaterThanOrEqualTo(copies * 9 / 10);
        assertThat(linkedOthers).as("other questions on the same subject linked, of %d pairs", pairs)
                .isLessThanOrEqualTo(pairs / 100);
    }

    static List<String> pool(String prefix) throws IOException {
        try (InputStream in = RepeatKeysTest.class.getResourceAsStream("/bench/question-texts.txt")) {
            List<String> out = new ArrayList<>();
            Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> l.startsWith(prefix)).forEach(l -> out.add(l.substring(prefix.length())));
            return out;
        }
    }
}
