package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.motcua.assistant.appraisal.AppraisalQueries;
import vn.motcua.privacy.Vault;
import vn.motcua.privacy.internal.Rotation;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Sensitive fields encrypted at rest (issue 21): the applicant's ID number is stored as the Vault's ciphertext with a
 * blind index beside it; read with SQL it is not there; every reader still gets it (the dossier, tracking by its last
 * digits, the appraisal's same-applicant lookup, the citizen's export); values written before encryption are
 * encrypted and indexed by the background job; a rotation moves field values to the new key; a wrong key or a
 * changed byte fails loudly. The job runs only when the test calls it.
 */
@IntegrationTest
@TestPropertySource(properties = {"motcua.privacy.kek-file=target/test-data/privacy/kek-fields-test.json",
        "motcua.privacy.rotation-grace=PT0S", "motcua.privacy.rewrap-interval=PT1H"})
class SensitiveFieldsTest {

    private static final String COLUMN = "dossier.applicant_personal_id";

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Vault vault;
    @Autowired
    Rotation rotation;
    @Autowired
    AppraisalQueries appraisal;
    @Autowired
    vn.motcua.dossier.internal.Drafts drafts;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    /** A personal ID number no other test uses: province 079, born in the 1900s in '90, a random serial. */
    static String personalId() {
        return "079190" + (100_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999));
    }

    private Http.Response submit(String personalId) {
        String phone = IntakeApiTest.phone();
        Map<String, Object> body = new LinkedHashMap<>(
                DossierFixtures.birthSubmission(phone, "f." + phone + "@example.vn", DossierFixtures.SAI_GON));
        body.put("applicant", Map.of("kind", "PERSON", "name", "Nguyễn Thị Thủy Tiên", "personalId", personalId,
                "phone", phone, "email", "f." + phone + "@example.vn"));
        var r = http.postJson("congdan", "demo", "/api/v1/dossiers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private record Raw(byte[] value, byte[] index) {
    }

    private Raw raw(UUID id) {
        return jdbc.sql("select applicant_personal_id, applicant_personal_id_bidx from dossier where id = ?").param(id)
                .query((rs, n) -> new Raw(rs.getBytes(1), rs.getBytes(2))).single();
    }

    private static boolean contains(byte[] haystack, String needle) {
        return EncryptionAtRestTest.contains(haystack, needle.getBytes(StandardCharsets.US_ASCII));
    }

    private List<UUID> sameApplicant(UUID dossier, String personalId) {
        return appraisal.openOfSameApplicant(dossier, DossierFixtures.BIRTH, personalId, "nobody")
                .stream().map(AppraisalQueries.OtherDossier::id).toList();
    }

    @Test
    void theIdNumberIsEncryptedAndEveryReaderStillFindsIt() {
        String pid = personalId();
        var created = submit(pid);
        UUID id = UUID.fromString(created.json().get("id").asString());

        // the raw column: the Vault's header and ciphertext, not the number, not even its last four digits
        Raw raw = raw(id);
        assertThat(Vault.sealed(raw.value())).isTrue();
        assertThat(contains(raw.value(), pid)).isFalse();
        assertThat(contains(raw.value(), pid.substring(8))).isFalse();
        assertThat(jdbc.sql("select count(*) from dossier where position(convert_to(?, 'UTF8') in applicant_personal_id) > 0")
                .param(pid.substring(6)).query(Long.class).single()).isZero();
        // the blind index: 32 bytes, the HMAC of the normalised number (typed with spaces and dots, the same bytes)
        assertThat(raw.index()).hasSize(32)
                .isEqualTo(vault.blindIndex(pid.substring(0, 3) + " " + pid.substring(3, 6) + "." + pid.substring(6),
                        Vault.PERSONAL_ID))
                .isNotEqualTo(vault.blindIndex(personalId(), Vault.PERSONAL_ID));
        assertThat(contains(raw.index(), pid)).isFalse();

        // readers: the dossier's page data, tracking by the number's last four digits, the export
        var view = http.getAs("congdan", "demo", "/api/v1/dossiers/" + id);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.body()).contains(pid);
        String code = view.json().get("receiptNumber").asString(); // the code comes with acceptance
        var track = http.get("/api/v1/dossiers/track?code=" + code + "&check=" + pid.substring(8));
        assertThat(track.status()).as(track.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/dossiers/track?code=" + code + "&check="
                + String.format("%04d", (Integer.parseInt(pid.substring(8)) + 1) % 10_000)).status()).isEqualTo(404);
        var export = http.getAs("congdan", "demo", "/api/v1/me/data-export").json();
        var mine = java.util.stream.StreamSupport.stream(export.get("dossiers").spliterator(), false)
                .filter(d -> d.get("id").asString().equals(id.toString())).findFirst().orElseThrow();
        assertThat(mine.get("applicant_personal_id").asString()).isEqualTo(pid);
        assertThat(mine.has("applicant_personal_id_bidx")).isFalse();

        // the appraisal's "another open dossier of the same applicant" compares blind indexes
        UUID second = UUID.fromString(submit(pid).json().get("id").asString());
        assertThat(sameApplicant(second, pid)).contains(id);
        assertThat(sameApplicant(second, personalId())).doesNotContain(id);
    }

    @Test
    void aDraftsTypedValuesAreEncrypted() {
        String pid = personalId();
        UUID draft = drafts.save("congdan", null, DossierFixtures.BIRTH, Map.of("mother.personalId", pid,
                "child.fullName", "Trần Minh Khôi"), Map.of());
        byte[] raw = jdbc.sql("select field_values from dossier_draft where id = ?").param(draft)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(Vault.sealed(raw)).isTrue();
        assertThat(contains(raw, pid)).isFalse();
        assertThat(contains(raw, "mother")).isFalse();
        assertThat(drafts.find("congdan", draft).orElseThrow().values()).containsEntry("mother.personalId", pid)
                .containsEntry("child.fullName", "Trần Minh Khôi");
    }

    @Test
    void plainValuesAreEncryptedByTheJobAndARotationMovesFieldValues() {
        String pid = personalId();
        UUID a = UUID.fromString(submit(pid).json().get("id").asString());
        // a value as written before encryption existed (what the column change keeps): plain bytes, no index
        String legacyPid = personalId();
        UUID b = UUID.fromString(submit(personalId()).json().get("id").asString());
        jdbc.sql("update dossier set applicant_personal_id = convert_to(?, 'UTF8'), applicant_personal_id_bidx = null "
                + "where id = ?").params(legacyPid, b).update();
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + b).body()).as("read as it is").contains(legacyPid);
        assertThat(sameApplicant(a, legacyPid)).as("not found before it is indexed").doesNotContain(b);
        byte[] before = raw(a).value();
        int key1 = ByteBuffer.wrap(before, 4, 4).getInt();

        var started = http.postJson("quantri", "demo", "/api/v1/privacy/keys/rotate", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(rotation.round()).isGreaterThanOrEqualTo(2);

        Raw movedA = raw(a);
        assertThat(ByteBuffer.wrap(movedA.value(), 4, 4).getInt()).as("under the new data key").isNotEqualTo(key1);
        assertThat(movedA.index()).as("the index does not change with the data key").isEqualTo(raw(a).index())
                .isEqualTo(vault.blindIndex(pid, Vault.PERSONAL_ID));
        Raw movedB = raw(b);
        assertThat(Vault.sealed(movedB.value())).isTrue();
        assertThat(contains(movedB.value(), legacyPid)).isFalse();
        assertThat(movedB.index()).isEqualTo(vault.blindIndex(legacyPid, Vault.PERSONAL_ID));
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + a).body()).contains(pid);
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + b).body()).contains(legacyPid);
        assertThat(sameApplicant(a, legacyPid)).as("found once indexed").contains(b);
        // the old data key is retired: the value as it was under it no longer opens, loudly
        assertThatThrownBy(() -> vault.openText(before, COLUMN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data key " + key1);
    }

    @Test
    void aWrongKeyOrAChangedByteFailsLoudly() throws GeneralSecurityException {
        String pid = personalId();
        UUID id = UUID.fromString(submit(pid).json().get("id").asString());
        byte[] stored = raw(id).value();
        assertThat(vault.openText(stored, COLUMN)).isEqualTo(pid);
        // one bit changed: refused, not a wrong number
        byte[] flipped = stored.clone();
        flipped[flipped.length - 5] ^= 1;
        assertThatThrownBy(() -> vault.openText(flipped, COLUMN)).isInstanceOf(IllegalStateException.class);
        // the same bytes opened as another column's: refused (the column is bound in)
        assertThatThrownBy(() -> vault.openText(stored, "wallet_profile.personal_id"))
                .isInstanceOf(IllegalStateException.class);
        // the index key, as stored, does not open with another KEK (nor is it a plain keyset)
        byte[] wrapped = jdbc.sql("select wrapped from privacy_index_key order by id limit 1")
                .query((rs, n) -> rs.getBytes(1)).single();
        var otherKek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, otherKek,
                "motcua/privacy_index_key".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(wrapped,
                com.google.crypto.tink.InsecureSecretKeyAccess.get())).isInstanceOf(GeneralSecurityException.class);
        // the API answer for a dossier whose stored number was changed is an error, never another number
        jdbc.sql("update dossier set applicant_personal_id = ? where id = ?").params(flipped, id).update();
        var view = http.getAs("congdan", "demo", "/api/v1/dossiers/" + id);
        assertThat(view.status()).isGreaterThanOrEqualTo(500);
        assertThat(view.body()).doesNotContain(pid);
        jdbc.sql("update dossier set applicant_personal_id = ? where id = ?").params(stored, id).update();
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + id).body()).contains(pid);
    }
}
