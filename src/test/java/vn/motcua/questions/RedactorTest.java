package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import vn.motcua.questions.internal.Redactor;

/** Personal data detection on Vietnamese texts: what must be hidden, and what must stay. */
class RedactorTest {

    static String redact(String s) {
        return Redactor.redact(s, null).text();
    }

    @Test
    void hidesPhoneNumbersInTheirUsualShapes() {
        for (String phone : new String[]{"0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "+84912345678",
                "028 3829 1234", "02838291234", "84912345678"}) {
            String out = redact("Liên hệ " + phone + " nhé.");
            assertThat(out).as(phone).isEqualTo("Liên hệ [số điện thoại] nhé.");
        }
    }

    @Test
    void hidesIdNumbersAndEmails() {
        assertThat(redact("CCCD 079190012345, email an.nguyen@example.vn."))
                .isEqualTo("CCCD [số định danh], email [email].");
        assertThat(redact("số CMND: 025123456 cấp năm 2010")).isEqualTo("số CMND: [số định danh] cấp năm 2010");
    }

    @Test
    void hidesNamesAfterTitlesButNotPlacesThatStartWithOne() {
        assertThat(redact("Tôi là Nguyễn Văn An, mẹ tôi là bà Trần Thị Bình."))
                .isEqualTo("Tôi là [họ tên], mẹ tôi là bà [họ tên].");
        assertThat(redact("Ông Lê Văn Cường hỏi về thủ tục.")).isEqualTo("Ông [họ tên] hỏi về thủ tục.");
        assertThat(redact("Tôi ở tỉnh Bà Rịa và làm việc ở chợ Bà Chiểu.")).isEqualTo("Tôi ở tỉnh Bà Rịa và làm việc ở chợ Bà Chiểu.");
        assertThat(Redactor.redact("Xin trả lời cho Phạm Minh Đức sớm.", "Phạm Minh Đức").text())
                .isEqualTo("Xin trả lời cho [họ tên] sớm.");
    }

    @Test
    void hidesHouseNumberAddressesButKeepsLegalReferences() {
        assertThat(redact("Nhà tôi ở số 12 Lê Lợi, phường Sài Gòn.")).isEqualTo("Nhà tôi ở [địa chỉ], phường Sài Gòn.");
        assertThat(redact("Địa chỉ 123/4 Nguyễn Trãi.")).isEqualTo("[địa chỉ].");
        assertThat(redact("Nhà cháu ở 123/4 Nguyễn Trãi.")).isEqualTo("Nhà cháu ở [địa chỉ].");
        assertThat(redact("Tôi ở 45 đường Hai Bà Trưng.")).isEqualTo("Tôi ở [địa chỉ].");
        assertThat(redact("Nhà ở 7 ngõ 10 phố Huế.")).contains("[địa chỉ]").doesNotContain("7 ngõ 10");
        String law = "Theo khoản 2 Điều 5 Nghị định 20/2008/NĐ-CP và Điều 3 Luật Hộ tịch, thời hạn là 15 ngày làm việc.";
        assertThat(redact(law)).isEqualTo(law);
    }

    @Test
    void randomPhoneAndIdNumbersInRandomTextNeverSurvive() {
        long seed = Long.getLong("motcua.test.seed", 22L);
        Random random = new Random(seed);
        String[] words = {"hồ sơ", "khai sinh", "phường", "Điều 5", "năm 2025", "ngày 15/3", "thủ tục", "Sài Gòn", ","};
        for (int i = 0; i < 1000; i++) {
            String phone = "0" + (3 + random.nextInt(7)) + String.format("%08d", random.nextInt(100_000_000));
            String id = String.format("%03d", random.nextInt(100)) + String.format("%09d", random.nextInt(1_000_000_000));
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
                if (w == 3) {
                    text.append(phone).append(' ');
                }
                if (w == 8) {
                    text.append("số ").append(id).append(' ');
                }
            }
            String out = redact(text.toString());
            assertThat(out).as("seed " + seed + " try " + i).doesNotContain(phone).doesNotContain(id);
            assertThat(Redactor.strongFindings(out)).as("seed " + seed + " try " + i).isEmpty();
        }
    }
}
