package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.internal.AttachmentPolicy;
import vn.motcua.platform.api.ApiException;

/** Attachments are judged by parsing their content (PDFBox, ImageIO), and the name must agree with it. */
class AttachmentPolicyTest {

    static final byte[] PDF = pdf(doc -> { });
    static final byte[] PNG = image("png", 4, 3);
    static final byte[] JPEG = image("jpg", 4, 3);

    static byte[] pdf(Consumer<PDDocument> change) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            change.accept(doc);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] image(String format, int w, int h) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void refused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> AttachmentPolicy.check(name, content)).as(name + " → " + key)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.args()[0]).isEqualTo(name.strip());
                });
    }

    @Test
    void recognisesFilesByParsingTheirContent() {
        assertThat(AttachmentPolicy.check("giay-chung-sinh.pdf", PDF)).isEqualTo(AttachmentPolicy.FileType.PDF);
        assertThat(AttachmentPolicy.check("anh.PNG", PNG)).isEqualTo(AttachmentPolicy.FileType.PNG);
        assertThat(AttachmentPolicy.check("anh.jpeg", JPEG)).isEqualTo(AttachmentPolicy.FileType.JPEG);
        assertThat(AttachmentPolicy.check("anh.jpg", JPEG)).isEqualTo(AttachmentPolicy.FileType.JPEG);
        refused("virus.pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "dossier.attachment.type");
    }

    @Test
    void theExtensionMustAgreeWithTheContent() {
        refused("anh.pdf", PNG, "dossier.attachment.extension");
        refused("to-khai.png", PDF, "dossier.attachment.extension");
        refused("to-khai", PDF, "dossier.attachment.extension");
        refused("anh.exe", JPEG, "dossier.attachment.extension");
    }

    @Test
    void magicBytesAloneAreNotEnough() {
        refused("trang.pdf", "%PDF-1.4\n<html><script>alert(1)</script></html>".getBytes(StandardCharsets.ISO_8859_1),
                "dossier.attachment.pdf.unreadable");
        refused("cat.pdf", Arrays.copyOf(PDF, PDF.length / 3), "dossier.attachment.pdf.unreadable");
        byte[] png = Arrays.copyOf(PNG, 40);
        refused("anh.png", png, "dossier.attachment.image.unreadable");
        refused("anh.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'},
                "dossier.attachment.image.unreadable");
    }

    @Test
    void pdfsWithActiveContentOrEncryptionAreRefused() {
        refused("mat-khau.pdf", pdf(doc -> {
            try {
                doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }), "dossier.attachment.pdf.encrypted");
        refused("chu-so-huu.pdf", pdf(doc -> {
            try {
                doc.protect(new StandardProtectionPolicy("owner", "", new AccessPermission()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }), "dossier.attachment.pdf.encrypted");
        refused("js.pdf", pdf(doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))),
                "dossier.attachment.pdf.javascript");
        refused("launch.pdf", pdf(doc -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            doc.getDocumentCatalog().setOpenAction(launch);
        }), "dossier.attachment.pdf.launch");
        refused("kem-tep.pdf", pdf(doc -> {
            try {
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("a.exe");
                spec.setEmbeddedFile(new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(new byte[]{1, 2, 3})));
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(java.util.Map.of("a.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                doc.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }), "dossier.attachment.pdf.embedded");
    }

    @Test
    void imagesAreDecodedWithinPixelLimits() {
        // A PNG whose header claims 60,000 × 60,000 pixels: refused from the header, before any decoding.
        byte[] bomb = PNG.clone();
        ByteBuffer.wrap(bomb, 16, 8).putInt(60_000).putInt(60_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        refused("bom.png", bomb, "dossier.attachment.image.tooLarge");
    }

    @Test
    void refusesPathsControlCharactersEmptyAndOversizeFiles() {
        for (String bad : List.of("../etc/passwd", "C:\\tmp\\a.pdf", "a/b.pdf", "ten\u0000.pdf", "dòng\nmới.pdf", " ",
                "hoa-don\u202Efdp.exe")) {
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

    @Test
    void theFixturesOfOtherTestsAreRealFiles() {
        assertThat(AttachmentPolicy.check("giay-chung-sinh.pdf", DossierFixtures.PDF)).isEqualTo(AttachmentPolicy.FileType.PDF);
    }
}
