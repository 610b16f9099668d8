package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.privacy.Vault;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Encryption at rest (issue 21): attachment bytes are stored encrypted (envelope encryption, Tink AES-GCM); the raw
 * column, read with SQL, holds neither the file nor anything readable without the key; downloads give the file back.
 */
@IntegrationTest
class EncryptionAtRestTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Vault vault;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    static String submit(Http http) {
        String phone = IntakeApiTest.phone();
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers",
                DossierFixtures.birthSubmission(phone, "m." + phone + "@example.vn", DossierFixtures.SAI_GON));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static byte[] download(Http http, int port, String user, String dossierId, UUID attachmentId) {
        return http.sendBytes(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/"
                        + dossierId + "/attachments/" + attachmentId))
                .header("Authorization", Http.basic(user, "demo")).GET().build());
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theAttachmentColumnHoldsCiphertextThatOnlyTheKeyOpens() throws Exception {
        String id = submit(http);
        var row = jdbc.sql("select id, content, sha256, size_bytes from dossier_attachment where dossier_id = ?")
                .param(UUID.fromString(id))
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3),
                        rs.getInt(4)}).single();
        byte[] raw = (byte[]) row[1];
        byte[] pdf = DossierFixtures.PDF;

        // the raw column: a header and ciphertext, not the PDF nor any recognisable part of it
        assertThat(Vault.sealed(raw)).isTrue();
        assertThat(new String(raw, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("MCE");
        assertThat(contains(raw, "%PDF".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(raw, "/Type /Catalog".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(raw.length).isGreaterThan(pdf.length); // header, nonce and tag
        // metadata stays usable without the key
        assertThat(row[2]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(row[3]).isEqualTo(pdf.length);

        // downloads decrypt
        assertThat(download(http, port, "congdan", id, (UUID) row[0])).isEqualTo(pdf);
        assertThat(download(http, port, "tiepnhan", id, (UUID) row[0])).isEqualTo(pdf);

        // the data key named in the header is stored wrapped: another key-encryption key cannot unwrap it
        int keyId = java.nio.ByteBuffer.wrap(raw, 4, 4).getInt();
        byte[] wrapped = jdbc.sql("select wrapped from privacy_data_key where id = ?").param(keyId)
                .query((rs, n) -> rs.getBytes(1)).single();
        Aead otherKek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, otherKek,
                "motcua/privacy_data_key".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
        // nor is the wrapped key itself the plain keyset (it is not parseable without the KEK)
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(wrapped,
                com.google.crypto.tink.InsecureSecretKeyAccess.get())).isInstanceOf(GeneralSecurityException.class);

        // the ciphertext is bound to its column: copied into another, it does not decrypt
        assertThatThrownBy(() -> vault.open(raw, "wallet_document.content")).isInstanceOf(IllegalStateException.class);
        // a flipped bit is detected (GCM tag)
        byte[] tampered = raw.clone();
        tampered[tampered.length - 20] ^= 1;
        assertThatThrownBy(() -> vault.open(tampered, "dossier_attachment.content"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealOpenRoundTrip() {
        byte[] data = new byte[300_000];
        new Random(21).nextBytes(data);
        byte[] sealed = vault.seal(data, "dossier_result.content");
        assertThat(Vault.sealed(sealed)).isTrue();
        assertThat(sealed).isNotEqualTo(data);
        assertThat(vault.open(sealed, "dossier_result.content")).isEqualTo(data);
        // two seals of the same bytes differ (random nonce)
        assertThat(vault.seal(data, "dossier_result.content")).isNotEqualTo(sealed);
        // empty and null
        assertThat(vault.open(vault.seal(new byte[0], "x.y"), "x.y")).isEmpty();
        assertThat(vault.seal(null, "x.y")).isNull();
        // bytes stored before encryption existed come back as they are
        assertThat(vault.open(DossierFixtures.PDF, "dossier_attachment.content")).isEqualTo(DossierFixtures.PDF);
    }
}
