package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.motcua.privacy.Vault;
import vn.motcua.privacy.internal.Rotation;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The e-form's contents encrypted at rest (issue 21): {@code dossier.form_data} is the Vault's ciphertext, with the
 * blind indexes of the form's subject in {@code dossier_subject_key}. Read with SQL, neither the form's names nor its
 * ID numbers are there; every reader still gets the form (the API, the reception and processing pages, the
 * assistant's prefill from the last dossier, the citizen's export) and the appraisal still finds the same child
 * registered twice; a supplement that corrects the form indexes it again; forms stored before encryption are read as
 * they are, then encrypted and indexed by the background job; a rotation moves forms to the new data key; a changed
 * byte is an error, never another form. The job runs only when the test calls it.
 */
@IntegrationTest
@TestPropertySource(properties = {"motcua.privacy.kek-file=target/test-data/privacy/kek-form-test.json",
        "motcua.privacy.rotation-grace=PT0S", "motcua.privacy.rewrap-interval=PT1H"})
class FormDataEncryptionTest {

    private static final String COLUMN = "dossier.form_data";
    private static final String BIRTH_SUBJECT = "child.fullName,child.birthDate,mother.fullName";

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Vault vault;
    @Autowired
    vn.motcua.privacy.Consents consents;
    @Autowired
    Rotation rotation;
    @Autowired
    DossierSubjects subjects;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    /** A child's name no other test uses (letters only, as the e-form wants; one in some millions). */
    static String childName() {
        String[] family = {"Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"};
        String[] given = {"An", "Bình", "Châu", "Dũng", "Giang", "Hải", "Khánh", "Lâm", "Minh", "Ngọc", "Phúc", "Quân",
                "Sơn", "Thảo", "Uyên", "Vy", "Xuân", "Yến"};
        var r = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder(family[r.nextInt(family.length)]);
        for (int i = 0; i < 4; i++) {
            name.append(' ').append(given[r.nextInt(given.length)]);
        }
        return name.toString();
    }

    private record Submitted(UUID id, String child, String pid, String applicantBirthDate) {
    }

    /** A birth registration whose child, mother's ID number and applicant's birth date are this test's own. */
    @SuppressWarnings("unchecked")
    private Submitted submit(String child) {
        String phone = IntakeApiTest.phone();
        String pid = SensitiveFieldsTest.personalId();
        var r = ThreadLocalRandom.current();
        // the ID number says born in 1990 (the e-form checks it): a random day of that year
        String born = String.format("1990-%02d-%02d", r.nextInt(1, 13), r.nextInt(1, 29));
        Map<String, Object> body = new LinkedHashMap<>(
                DossierFixtures.birthSubmission(phone, "fd." + phone + "@example.vn", DossierFixtures.SAI_GON));
        body.put("applicant", Map.of("kind", "PERSON", "name", "Nguyễn Thị Thủy Tiên", "personalId", pid,
                "phone", phone, "email", "fd." + phone + "@example.vn"));
        Map<String, Object> form = (Map<String, Object>) body.get("form");
        ((Map<String, Object>) form.get("child")).put("fullName", child);
        ((Map<String, Object>) form.get("mother")).put("personalId", pid);
        ((Map<String, Object>) form.get("applicant")).put("personalId", pid);
        ((Map<String, Object>) form.get("applicant")).put("birthDate", born);
        var created = http.postJson("congdan", "demo", "/api/v1/dossiers", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Submitted(UUID.fromString(created.json().get("id").asString()), child, pid, born);
    }

    private byte[] raw(UUID id) {
        return jdbc.sql("select form_data from dossier where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
    }

    private static boolean contains(byte[] haystack, String needle) {
        return EncryptionAtRestTest.contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }

    private List<UUID> sameSubject(UUID id) {
        return subjects.sameSubject(id, 50).stream().map(DossierSubjects.Match::id).toList();
    }

    @Test
    void theFormIsEncryptedAndEveryReaderStillReadsIt() {
        Submitted s = submit(childName());

        // the raw column: the Vault's header and ciphertext; no JSON, no name, no ID number, no field name
        byte[] raw = raw(s.id());
        assertThat(Vault.sealed(raw)).isTrue();
        assertThat(raw[0]).isNotEqualTo((byte) '{');
        assertThat(contains(raw, s.child())).isFalse();
        assertThat(contains(raw, s.pid())).isFalse();
        assertThat(contains(raw, s.pid().substring(6))).isFalse();
        assertThat(contains(raw, "Thủy Tiên")).isFalse();
        assertThat(contains(raw, "mother")).isFalse();
        assertThat(jdbc.sql("select count(*) from dossier where id = ? and position(convert_to(?, 'UTF8') in form_data) > 0")
                .params(s.id(), s.pid()).query(Long.class).single()).isZero();
        assertThat(vault.openText(raw, COLUMN)).contains(s.child(), s.pid());
        // the subject's blind index: one row, 32 bytes, not the values
        var keys = jdbc.sql("select kind, key from dossier_subject_key where dossier_id = ?").param(s.id())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).list();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).getKey()).isEqualTo(BIRTH_SUBJECT);
        assertThat(keys.get(0).getValue()).hasSize(32);
        assertThat(contains(keys.get(0).getValue(), s.child())).isFalse();

        // the API, for the applicant
        var view = http.getAs("congdan", "demo", "/api/v1/dossiers/" + s.id());
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().get("form").get("child").get("fullName").asString()).isEqualTo(s.child());
        assertThat(view.json().get("form").get("mother").get("personalId").asString()).isEqualTo(s.pid());
        // the reception page, then the processing page once accepted
        Http reception = new Http(port);
        reception.login("tiepnhan", "demo");
        var page = reception.get("/workbench/dossiers/" + s.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(s.child());
        assertThat(http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + s.id() + "/accept", Map.of()).status())
                .isEqualTo(200);
        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        var processing = officer.get("/workbench/processing/" + s.id());
        assertThat(processing.status()).isEqualTo(200);
        assertThat(processing.body()).contains(s.child());
        // the assistant's prefill from the citizen's last dossier (with consent): the birth date is only in the form
        consents.give("congdan", vn.motcua.privacy.Consents.DATA_STORE_REUSE, "test: the citizen agreed to reuse");
        var prefill = http.getAs("congdan", "demo", "/api/v1/assistant/prefill?procedure=" + DossierFixtures.BIRTH);
        assertThat(prefill.status()).as(prefill.body()).isEqualTo(200);
        assertThat(prefill.json().get("values").get("applicant.birthDate").asString())
                .isEqualTo(s.applicantBirthDate());
        // the citizen's export: the form in the clear
        JsonNode export = http.getAs("congdan", "demo", "/api/v1/me/data-export").json();
        JsonNode mine = java.util.stream.StreamSupport.stream(export.get("dossiers").spliterator(), false)
                .filter(d -> d.get("id").asString().equals(s.id().toString())).findFirst().orElseThrow();
        assertThat(mine.get("form_data").get("child").get("fullName").asString()).isEqualTo(s.child());
        assertThat(mine.get("form_data").get("mother").get("personalId").asString()).isEqualTo(s.pid());
        assertThat(export.get("subjectKeys").toString()).contains(s.id().toString()).doesNotContain("\"key\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameSubjectIsFoundByItsBlindIndexAndACorrectedFormIsIndexedAgain() {
        String child = childName();
        Submitted first = submit(child);
        // the same child typed differently: case and spaces do not make another child
        Submitted again = submit("  " + child.toUpperCase(java.util.Locale.ROOT).replace(" ", "  ") + " ");
        Submitted other = submit(childName());
        assertThat(sameSubject(again.id())).contains(first.id()).doesNotContain(other.id());
        assertThat(sameSubject(first.id())).contains(again.id());
        assertThat(sameSubject(other.id())).doesNotContain(first.id(), again.id());

        // a supplement corrects the child's name: no longer the same subject
        var request = http.postJson("tiepnhan", "demo", "/api/v1/dossiers/" + again.id() + "/supplement-request",
                Map.of("items", List.of(Map.of("document", "Tờ khai", "reason", "Sai họ tên trẻ"))));
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        Map<String, Object> childPart = new LinkedHashMap<>((Map<String, Object>) DossierFixtures.birthForm("0").get("child"));
        String renamed = childName();
        childPart.put("fullName", renamed);
        var supplied = http.postJson("congdan", "demo", "/api/v1/dossiers/" + again.id() + "/supplement",
                Map.of("form", Map.of("child", childPart)));
        assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
        assertThat(contains(raw(again.id()), renamed)).isFalse();
        assertThat(vault.openText(raw(again.id()), COLUMN)).contains(renamed).doesNotContain(child);
        assertThat(sameSubject(again.id())).doesNotContain(first.id());
        assertThat(sameSubject(first.id())).doesNotContain(again.id());
        assertThat(jdbc.sql("select count(*) from dossier_subject_key where dossier_id = ?").param(again.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void formsStoredBeforeEncryptionAreEncryptedAndIndexedByTheJobAndARotationMovesForms() {
        Submitted a = submit(childName());
        // a form as written before encryption existed (what the column change kept): its JSON text, no index
        Submitted legacy = submit(childName());
        String text = vault.openText(raw(legacy.id()), COLUMN);
        jdbc.sql("update dossier set form_data = convert_to(?, 'UTF8') where id = ?").params(text, legacy.id()).update();
        jdbc.sql("delete from dossier_subject_key where dossier_id = ?").param(legacy.id()).update();
        Submitted twin = submit(legacy.child());
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + legacy.id()).json().get("form").get("child")
                .get("fullName").asString()).as("read as it is").isEqualTo(legacy.child());
        assertThat(sameSubject(twin.id())).as("not found before it is indexed").doesNotContain(legacy.id());
        byte[] before = raw(a.id());
        int key1 = ByteBuffer.wrap(before, 4, 4).getInt();
        String aText = vault.openText(before, COLUMN);

        var started = http.postJson("quantri", "demo", "/api/v1/privacy/keys/rotate", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(rotation.round()).isGreaterThanOrEqualTo(2);

        byte[] moved = raw(a.id());
        assertThat(Vault.sealed(moved)).isTrue();
        assertThat(ByteBuffer.wrap(moved, 4, 4).getInt()).as("under the new data key").isNotEqualTo(key1);
        assertThat(vault.openText(moved, COLUMN)).isEqualTo(aText);
        byte[] sealedLegacy = raw(legacy.id());
        assertThat(Vault.sealed(sealedLegacy)).isTrue();
        assertThat(contains(sealedLegacy, legacy.child())).isFalse();
        assertThat(vault.openText(sealedLegacy, COLUMN)).isEqualTo(text);
        assertThat(sameSubject(twin.id())).as("found once indexed").contains(legacy.id());
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + a.id()).json().get("form").get("child")
                .get("fullName").asString()).isEqualTo(a.child());
    }

    @Test
    void aChangedByteIsAnErrorNeverAnotherForm() {
        Submitted s = submit(childName());
        byte[] stored = raw(s.id());
        byte[] flipped = stored.clone();
        flipped[flipped.length - 5] ^= 1;
        jdbc.sql("update dossier set form_data = ? where id = ?").params(flipped, s.id()).update();
        try {
            var api = http.getAs("congdan", "demo", "/api/v1/dossiers/" + s.id());
            assertThat(api.status()).isEqualTo(500);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(api.body()).doesNotContain(s.child(), "Exception", "at vn.motcua");
            Http reception = new Http(port);
            reception.login("tiepnhan", "demo");
            var page = reception.get("/workbench/dossiers/" + s.id());
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.body()).doesNotContain(s.child(), "Exception", "at vn.motcua");
        } finally {
            jdbc.sql("update dossier set form_data = ? where id = ?").params(stored, s.id()).update();
        }
        assertThat(http.getAs("congdan", "demo", "/api/v1/dossiers/" + s.id()).body()).contains(s.child());
    }
}
