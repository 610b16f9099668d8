package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.motcua.privacy.Vault;
import vn.motcua.privacy.internal.Rotation;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Key rotation without downtime (issue 21): write under key 1, rotate (new data key and new KEK key), new writes
 * under key 2 while the old rows stay readable, the background job re-encrypts them, key 1 is retired (its wrapped
 * copy erased) and the old KEK key dropped; everything still reads back. The job runs here only when the test calls it.
 */
@IntegrationTest
@TestPropertySource(properties = {"motcua.privacy.kek-file=target/test-data/privacy/kek-rotation-test.json",
        "motcua.privacy.rotation-grace=PT0S", "motcua.privacy.rewrap-interval=PT1H"})
class KeyRotationTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Rotation rotation;
    @Autowired
    Vault vault;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    private Object[] attachment(String dossierId) {
        return jdbc.sql("select id, content from dossier_attachment where dossier_id = ?")
                .param(UUID.fromString(dossierId))
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getBytes(2)}).single();
    }

    private static int keyOf(Object[] row) {
        return java.nio.ByteBuffer.wrap((byte[]) row[1], 4, 4).getInt();
    }

    @Test
    void rotateRewrapReadBackRetire() {
        String first = EncryptionAtRestTest.submit(http);
        Object[] a1 = attachment(first);
        int key1 = keyOf(a1);
        var before = http.getAs("quantri", "demo", "/api/v1/privacy/keys").json();
        long kek1 = before.get("kekPrimary").asLong();
        int kekKeys = before.get("kekKeys").asInt(); // 1, or more if an earlier run left its file mid-rotation

        // only administrators
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/privacy/keys/rotate?kek=true", Map.of()).status())
                .isEqualTo(403);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/privacy/keys").status()).isEqualTo(403);

        var started = http.postJson("quantri", "demo", "/api/v1/privacy/keys/rotate?kek=true", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("toDo").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(started.json().get("kekRotated").asBoolean()).isTrue();
        var state = http.getAs("quantri", "demo", "/api/v1/privacy/keys").json();
        long kek2 = state.get("kekPrimary").asLong();
        assertThat(kek2).isNotEqualTo(kek1);
        assertThat(state.get("kekKeys").asInt()).isEqualTo(kekKeys + 1);
        assertThat(state.get("rotation").get("finishedAt").isNull()).isTrue();

        // new writes: a new data key; the old rows still read (old key readable until the job is done)
        String second = EncryptionAtRestTest.submit(http);
        Object[] a2 = attachment(second);
        int key2 = keyOf(a2);
        assertThat(key2).isNotEqualTo(key1);
        assertThat(keyOf(attachment(first))).isEqualTo(key1);
        assertThat(EncryptionAtRestTest.download(http, port, "congdan", first, (UUID) a1[0]))
                .isEqualTo(DossierFixtures.PDF);

        // the background job: re-encrypts under the new key, then retires the old one
        long moved = rotation.round();
        assertThat(moved).isGreaterThanOrEqualTo(1);
        Object[] a1after = attachment(first);
        assertThat(keyOf(a1after)).isEqualTo(key2);
        assertThat((byte[]) a1after[1]).isNotEqualTo((byte[]) a1[1]);
        assertThat(EncryptionAtRestTest.download(http, port, "congdan", first, (UUID) a1[0]))
                .isEqualTo(DossierFixtures.PDF);
        assertThat(EncryptionAtRestTest.download(http, port, "congdan", second, (UUID) a2[0]))
                .isEqualTo(DossierFixtures.PDF);

        var after = http.getAs("quantri", "demo", "/api/v1/privacy/keys").json();
        assertThat(after.get("rotation").isNull()).as(after.toString()).isTrue();
        var last = after.get("lastRotation");
        assertThat(last.get("finishedAt").isNull()).isFalse();
        assertThat(last.get("done").asLong()).isEqualTo(moved);
        assertThat(after.get("kekKeys").asInt()).as("the old KEK key is dropped").isEqualTo(1);
        assertThat(after.get("kekPrimary").asLong()).isEqualTo(kek2);
        Map<String, Object> retired = jdbc.sql("select wrapped, retired_at from privacy_data_key where id = ?")
                .param(key1).query().singleRow();
        assertThat(retired.get("wrapped")).as("the retired key is erased").isNull();
        assertThat(retired.get("retired_at")).isNotNull();
        assertThat(jdbc.sql("select kek_key_id from privacy_data_key where id = ?").param(key2).query(Long.class)
                .single()).isEqualTo(kek2);
        // what was under the old key can no longer be opened (the key is gone), what was moved can
        assertThatThrownBy(() -> vault.open((byte[]) a1[1], "dossier_attachment.content"))
                .isInstanceOf(IllegalStateException.class);
        // a second round has nothing to do
        assertThat(rotation.round()).isZero();
    }
}
