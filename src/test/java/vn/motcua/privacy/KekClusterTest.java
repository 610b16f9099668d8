package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.privacy.internal.KeyRing;
import vn.motcua.privacy.internal.Rotation;
import vn.motcua.support.TwoNodes;

/**
 * Encryption at rest on two real nodes sharing one PostgreSQL and one KEK keyset file (as {@code scripts/cluster.sh}
 * sets them up): what one node seals the other opens; a rotation of the KEK and of the data keys made on node A
 * reaches node B within a second, without a restart (B writes under the new data key, reads old and new values, and
 * once A has retired the old key B no longer opens it either); a third node given another keyset refuses to start,
 * naming the KEK key it lacks, and writes nothing.
 */
class KekClusterTest {

    static final String COLUMN = "dossier.applicant_personal_id";
    static final Duration SIGNAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private TwoNodes cluster;

    @AfterEach
    void stop() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bothNodesFollowARotationAndANodeWithAnotherKekRefusesToStart() throws Exception {
        cluster = TwoNodes.start(dir);
        Path shared = dir.resolve("kek.json");
        writeNewKeyset(shared);
        ConfigurableApplicationContext a = node("a", shared);
        ConfigurableApplicationContext b = node("b", shared);
        Vault onA = a.getBean(Vault.class);
        Vault onB = b.getBean(Vault.class);
        Rotation rotationOnA = a.getBean(Rotation.class);
        Rotation rotationOnB = b.getBean(Rotation.class);
        JdbcClient jdbc = a.getBean(JdbcClient.class);

        // Sealed on A, opened on B (and the other way round): one data key, wrapped by the one KEK.
        byte[] old = onA.sealText("079190012345", COLUMN);
        assertThat(onB.openText(old, COLUMN)).isEqualTo("079190012345");
        byte[] fromB = onB.sealText("001200054321", COLUMN);
        assertThat(KeyRing.keyId(fromB)).isEqualTo(KeyRing.keyId(old));
        assertThat(onA.openText(fromB, COLUMN)).isEqualTo("001200054321");
        long kek1 = ((Number) rotationOnB.state().get("kekPrimary")).longValue();

        // A rotates the KEK (a new primary key in the shared file) and the data keys.
        rotationOnA.start("quantri", true);
        byte[] fresh = onA.sealText("079190099999", COLUMN);
        int newKey = KeyRing.keyId(fresh);
        assertThat(newKey).isNotEqualTo(KeyRing.keyId(old));
        long kek2 = ((Number) rotationOnA.state().get("kekPrimary")).longValue();
        assertThat(kek2).isNotEqualTo(kek1);
        assertThat(jdbc.sql("select kek_key_id from privacy_data_key where id = ?").param(newKey).query(Long.class)
                .single()).as("the new data key is wrapped by the new KEK key").isEqualTo(kek2);

        // Within a second B reads both, knows the new KEK key, and writes under the new data key (not the retiring
        // one for up to KeyRing.REFRESH).
        Awaitility.await().atMost(SIGNAL).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(onB.openText(old, COLUMN)).isEqualTo("079190012345");
            assertThat(onB.openText(fresh, COLUMN)).isEqualTo("079190099999");
            assertThat(((Number) rotationOnB.state().get("kekPrimary")).longValue()).isEqualTo(kek2);
            assertThat(KeyRing.keyId(onB.sealText("079190011111", COLUMN))).isEqualTo(newKey);
        });

        // A's job retires the old data key (nothing in the tables is under it) and drops the old KEK key from the
        // file: B forgets the old data key too (what was sealed under it no longer opens anywhere) and reads the
        // pruned file; the new values still open on both.
        assertThat(rotationOnA.round()).isZero();
        assertThat(rotationOnA.current()).as("the rotation finished").isNull();
        assertThatThrownBy(() -> onA.openText(old, COLUMN)).isInstanceOf(IllegalStateException.class);
        Awaitility.await().atMost(SIGNAL).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThatThrownBy(() -> onB.openText(old, COLUMN)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("retired");
            assertThat(((Number) rotationOnB.state().get("kekKeys")).intValue()).isEqualTo(1);
        });
        assertThat(onB.openText(fresh, COLUMN)).isEqualTo("079190099999");
        byte[] later = onB.sealText("079190022222", COLUMN);
        assertThat(onA.openText(later, COLUMN)).isEqualTo("079190022222");

        // A third node with a keyset of its own (say a demo key generated beside a shared database): it must not
        // start, and must say which KEK key it lacks; it writes no key the others could not unwrap.
        Path other = dir.resolve("other-kek.json");
        writeNewKeyset(other);
        long keysBefore = jdbc.sql("select count(*) from privacy_data_key").query(Long.class).single();
        assertThatThrownBy(() -> node("c", other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold KEK key " + kek2)
                .hasMessageContaining("data key " + newKey)
                .hasMessageContaining(other.toAbsolutePath().toString());
        assertThat(jdbc.sql("select count(*) from privacy_data_key").query(Long.class).single()).isEqualTo(keysBefore);
        // The nodes with the cluster's keyset go on.
        assertThat(onA.openText(onB.sealText("079190033333", COLUMN), COLUMN)).isEqualTo("079190033333");
    }

    private static void writeNewKeyset(Path file) throws Exception {
        AeadConfig.register();
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));
    }

    /** A node with this KEK keyset; the re-encryption job runs when the test calls it, and retires at once. */
    static ConfigurableApplicationContext node(TwoNodes cluster, String name, Path kek) {
        return cluster.node(name, "--motcua.privacy.kek-file=" + kek, "--motcua.privacy.rewrap-interval=PT1H",
                "--motcua.privacy.rotation-grace=PT0S");
    }

    private ConfigurableApplicationContext node(String name, Path kek) {
        return node(cluster, name, kek);
    }
}
