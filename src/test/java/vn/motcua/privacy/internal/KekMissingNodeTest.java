package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.privacy.Vault;
import vn.motcua.support.TwoNodes;

/**
 * A node started without the cluster's key-encryption key (its file missing) says so at start, naming the file, and its
 * re-encryption job — which cannot work without the key — says it once, not every five seconds, and tries less often.
 * The job's rounds are called here (its own timer is set to an hour), so the count does not depend on time.
 */
@ExtendWith(OutputCaptureExtension.class)
class KekMissingNodeTest {

    @TempDir
    Path dir;
    private TwoNodes cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private ConfigurableApplicationContext node(String name, Path kek) {
        return cluster.node(name, "--motcua.privacy.kek-file=" + kek, "--motcua.privacy.rewrap-interval=PT1H");
    }

    @Test
    void aNodeWithoutTheKekSaysSoOnceAndDoesNotRetryLoudly(CapturedOutput output) throws Exception {
        cluster = TwoNodes.start(dir);
        Path shared = dir.resolve("kek.json");
        AeadConfig.register();
        Files.writeString(shared, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
        ConfigurableApplicationContext a = node("a", shared);
        a.getBean(Vault.class).sealText("079190012345", "dossier.applicant_personal_id"); // a data key under the KEK

        Path missing = dir.resolve("missing-kek.json");
        ConfigurableApplicationContext b = node("b", missing);
        assertThat(output.getOut()).as("said at start, naming the file")
                .contains("no key-encryption key").contains(missing.toAbsolutePath().toString());
        assertThat(output.getOut().lines().filter(l -> l.contains("attachments cannot be stored")))
                .as("the vault's own warning names the file too").isNotEmpty()
                .allMatch(l -> l.contains(missing.toString()));

        Rotation rotation = b.getBean(Rotation.class);
        int before = count(output.getOut(), "re-encryption rounds fail");
        for (int i = 0; i < 200; i++) {
            rotation.scheduled();
        }
        String out = output.getOut();
        assertThat(count(out, "re-encryption rounds fail") - before).as("one warning for 200 intervals").isEqualTo(1);
        assertThat(out).doesNotContain("re-encryption round failed");
        assertThat(out.substring(out.lastIndexOf("re-encryption rounds fail"))).contains(missing.toString());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
