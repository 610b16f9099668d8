package vn.motcua.wallet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.platform.MotcuaProperties;

/** PAdES on a stamped result, without the application: signs, verifies, and a modified file fails. */
class ResultSignerTest {

    @TempDir
    Path dir;

    @Test
    void aSignedResultVerifiesAndAModifiedOneDoesNot() throws Exception {
        var props = new MotcuaProperties(true, false, dir, new MotcuaProperties.Db(new MotcuaProperties.Embedded(0, false)), false);
        ResultSigner signer = new ResultSigner(props, new MockEnvironment(), java.time.Clock.systemUTC());
        byte[] stamped = new ResultStamp().stamp(DossierFixtures.PDF, "7KQ4M2XD9P3A", "UBND-26740-251125-0001");
        byte[] signed = signer.sign(stamped, "UBND phường Sài Gòn", "Kết quả");
        assertThat(signed).isNotSameAs(stamped);
        assertThat(signer.check(signed)).isTrue();
        assertThat(signer.check(stamped)).isFalse();                     // not signed
        byte[] modified = signed.clone();
        modified[modified.length / 3] ^= 1;                             // inside the signed range
        assertThat(signer.verify(modified)).isFalse();
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 1);
        appended[signed.length] = '\n';
        assertThat(signer.verify(appended)).isFalse();                    // an incremental update after signing
        // Another CA does not vouch for it.
        ResultSigner other = new ResultSigner(new MotcuaProperties(true, false, dir.resolve("other"),
                new MotcuaProperties.Db(new MotcuaProperties.Embedded(0, false)), false), new MockEnvironment(), java.time.Clock.systemUTC());
        assertThat(other.verify(signed)).isFalse();
    }

    /**
     * The stamp and the signature in one pass (session 13): the original file untouched at the head (an incremental
     * update), the stamp readable in the DejaVu subset embedded with it, the signature valid over the whole file; and
     * the parsed font shared by successive stamps leaves each one whole.
     */
    @Test
    void stampAndSignatureInOnePass() throws Exception {
        var props = new MotcuaProperties(true, false, dir, new MotcuaProperties.Db(new MotcuaProperties.Embedded(0, false)), false);
        ResultSigner signer = new ResultSigner(props, new MockEnvironment(), java.time.Clock.systemUTC());
        ResultStamp stamp = new ResultStamp();
        for (int i = 0; i < 3; i++) {
            String dossierCode = "UBND-26740-251125-000" + i;
            byte[] out = stamp.stamp(DossierFixtures.PDF, "7KQ4M2XD9P3A", dossierCode,
                    (doc, size) -> signer.sign(doc, size, "UBND phường Sài Gòn", "Kết quả"));
            assertThat(java.util.Arrays.copyOf(out, DossierFixtures.PDF.length)).as("appended to the original")
                    .isEqualTo(DossierFixtures.PDF);
            assertThat(signer.check(out)).isTrue();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(out)) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                        .contains("Mã xác thực: 7KQ4-M2XD-9P3A · Hồ sơ " + dossierCode);
                var page = doc.getPage(0);
                boolean embeddedSubset = false;
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    if (font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font t0 && font.getName().contains("DejaVuSans")) {
                        embeddedSubset = t0.isEmbedded() && font.getName().matches("[A-Z]{6}\\+DejaVuSans");
                    }
                }
                assertThat(embeddedSubset).as("the stamp's font embedded as a subset").isTrue();
            }
        }
    }
}
