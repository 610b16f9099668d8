package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.internal.AttachmentPolicy;
import vn.motcua.platform.api.ApiException;

class AttachmentPolicyTest {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Test
    void recognisesFilesByContentNotName() {
        assertThat(AttachmentPolicy.check("giay-chung-sinh.pdf", PDF)).isEqualTo(AttachmentPolicy.FileType.PDF);
        assertThat(AttachmentPolicy.check("anh.pdf", PNG)).isEqualTo(AttachmentPolicy.FileType.PNG);
        assertThatThrownBy(() -> AttachmentPolicy.check("virus.pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.messageKey()).isEqualTo("dossier.attachment.type"));
    }

    @Test
    void refusesPathsControlCharactersEmptyAndOversizeFiles() {
        for (String bad : new String[]{"../etc/passwd", "C:\\tmp\\a.pdf", "a/b.pdf", "ten\u0000.pdf", "dòng\nmới.pdf", " "}) {
            assertThatThrownBy(() -> AttachmentPolicy.check(bad, PDF)).as(bad).isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> AttachmentPolicy.check("rong.pdf", new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.messageKey()).isEqualTo("dossier.attachment.empty"));
        byte[] big = new byte[AttachmentPolicy.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> AttachmentPolicy.check("lon.pdf", big))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.messageKey()).isEqualTo("dossier.attachment.tooLarge"));
        assertThat(AttachmentPolicy.check("Giấy khai sinh (bản sao).pdf", PDF)).isEqualTo(AttachmentPolicy.FileType.PDF);
    }
}
