package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** A wording formatted once and filled per message says exactly what the bundle formats for the same arguments. */
class OutboxWordingTest {

    private final OutboxWriter writer = new OutboxWriter(null, null, bundle(), Clock.systemUTC());

    private static ReloadableResourceBundleMessageSource bundle() {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:i18n/notify");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void fillingTheWordingGivesTheBundlesText() {
        // Arguments with the characters MessageFormat treats specially, and a repeated-looking placeholder text.
        String[] args = {"08:00 ngày 01/07/2025", "Đăng ký khai sinh {0} 'có' $1 \\", "HS-0001",
                "UBND phường Sài Gòn", "; hẹn trả kết quả không đổi: 17:00 ngày 15/07/2025"};
        assertThat(writer.wording("notify.mail.transfer.body", 5).fill(args))
                .isEqualTo(writer.text("notify.mail.transfer.body", (Object[]) args))
                .contains("do UBND phường Sài Gòn tiếp tục giải quyết", "Đăng ký khai sinh {0} 'có' $1 \\");
        assertThat(writer.wording("notify.mail.greeting", 1).fill("Nguyễn Văn A"))
                .isEqualTo(writer.text("notify.mail.greeting", "Nguyễn Văn A")).startsWith("Kính gửi Nguyễn Văn A,");
        assertThat(writer.wording("notify.mail.transfer.subject", 1).fill("HS-0001"))
                .isEqualTo(writer.text("notify.mail.transfer.subject", "HS-0001"));
        assertThat(writer.wording("notify.mail.transfer.noDue", 0).fill())
                .isEqualTo(writer.text("notify.mail.transfer.noDue"));
    }

    @Test
    void theStateChangeMailsKeptWordingsSayWhatTheBundleSays() {
        String odd = "Đăng ký khai sinh {0} 'có' $1 \\";
        String[][] lines = {{"notify.mail.state.subject", "HS-0001", odd}, {"notify.mail.greeting", odd},
                {"notify.mail.state.body", odd, "HS-0001", "Đã tiếp nhận", "08:00 ngày 01/07/2025"},
                {"notify.mail.state.receipt", "R-1"}, {"notify.mail.state.agency", odd}, {"notify.mail.state.due", "x"},
                {"notify.mail.state.note", odd}, {"notify.mail.state.lookup"}};
        for (String[] l : lines) {
            String[] args = java.util.Arrays.copyOfRange(l, 1, l.length);
            assertThat(writer.line(l[0], args)).as(l[0]).isEqualTo(writer.text(l[0], (Object[]) args));
            assertThat(writer.line(l[0], args)).as(l[0] + ", kept").isEqualTo(writer.text(l[0], (Object[]) args));
        }
        for (vn.motcua.dossier.DossierState state : vn.motcua.dossier.DossierState.values()) {
            String key = "notify.mail.state." + state.name();
            assertThat(writer.line(key)).as(key).isEqualTo(writer.text(key)).isNotBlank();
        }
    }

    @Test
    void anArgumentUsedTwiceIsFilledTwice() {
        OutboxWriter.Wording w = OutboxWriter.Wording.of("a" + OutboxWriter.Wording.MARK + "1" + OutboxWriter.Wording.MARK
                + "b" + OutboxWriter.Wording.MARK + "0" + OutboxWriter.Wording.MARK + "c" + OutboxWriter.Wording.MARK + "1"
                + OutboxWriter.Wording.MARK, 2);
        assertThat(w.fill("x", "y")).isEqualTo("aybxcy");
    }
}
