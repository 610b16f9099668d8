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
}
