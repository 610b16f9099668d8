package vn.motcua.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.IntegrationTest;

/**
 * CPU added per submission by encryption at rest (target ≤ 0.3 ms, issue 21): what the stores do to one submission's
 * values before they are written — the attachments sealed, the applicant's ID number sealed and its blind index
 * computed, the e-form's JSON sealed and its subject's blind index computed — and opening them back (a download, a
 * dossier page). In one run, "before" (the values only copied into
 * the statement's parameters, what the stores did without encryption) and "after" (sealed and indexed). Prints
 * figures, asserts nothing: {@code ./mvnw -Pbench test -Dtest=EncryptionBench} ({@code -Dprivacy.bench.kb=} the
 * attachment size, default 200 KB, {@code -Dprivacy.bench.files=} per submission, default 2,
 * {@code -Dprivacy.bench.rounds=}, default 2000).
 */
@IntegrationTest
class EncryptionBench {

    private static final String FILES = "dossier_attachment.content";
    private static final String ID = "dossier.applicant_personal_id";
    private static final String FORM = "dossier.form_data";
    /** A birth registration's e-form as the dossier store serialises it (about 700 bytes of JSON). */
    private static final String FORM_JSON = """
            {"applicant":{"fullName":"Nguyễn Thị Thủy Tiên","birthDate":"1990-05-12","personalId":"079190012345",            "phone":"0901234567","email":"tien@example.vn","residence":"26740","residenceDetail":"12 Lê Lợi"},            "relationship":"Mẹ","child":{"fullName":"Trần Minh Khôi","gender":"NAM","birthDate":"2026-11-26",            "birthPlace":"26740","birthPlaceDetail":"Bệnh viện Từ Dũ","ethnicity":"Kinh","nationality":"Việt Nam"},            "mother":{"fullName":"Nguyễn Thị Thủy Tiên","birthDate":"1990-05-12","personalId":"079190012345",            "residence":"26740","ethnicity":"Kinh","nationality":"Việt Nam"},"father":{"fullName":"Trần Văn Hùng",            "birthDate":"1988-02-03","personalId":"079088054321","residence":"26740"},"resultDelivery":"ONLINE"}""";
    private static final String SUBJECT = "dossier_subject/1.001193/child.fullName,child.birthDate,mother.fullName";

    @Autowired
    Vault vault;

    @Test
    void cpuPerSubmission() {
        int kb = Integer.getInteger("privacy.bench.kb", 200);
        int files = Integer.getInteger("privacy.bench.files", 2);
        int rounds = Integer.getInteger("privacy.bench.rounds", 2000);
        byte[][] content = new byte[files][];
        Random r = new Random(21);
        for (int i = 0; i < files; i++) {
            content[i] = new byte[kb * 1024];
            r.nextBytes(content[i]);
        }
        String[] ids = new String[rounds];
        for (int i = 0; i < rounds; i++) {
            ids[i] = "079190" + (100_000 + r.nextInt(899_999));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < rounds / 4; i++) { // warm-up (JIT, the data key and the index key in their caches)
            sink += plain(content, ids[i]) + sealed(content, ids[i]);
        }
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += plain(content, ids[i]);
        }
        long beforeCpu = mx.getCurrentThreadCpuTime() - cpu0;
        cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += sealed(content, ids[i]);
        }
        long afterCpu = mx.getCurrentThreadCpuTime() - cpu0;
        long afterWall = System.nanoTime() - wall0;
        // the fields alone, without the files: off (the form's bytes and the number copied, as the driver does) and
        // on (ID number sealed + its blind index, the form sealed + its subject's blind index)
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += plainFields(ids[i]);
        }
        long fieldsOffCpu = mx.getCurrentThreadCpuTime() - cpu0;
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += sealedFields(ids[i]);
        }
        long fieldsCpu = mx.getCurrentThreadCpuTime() - cpu0;
        byte[] file = vault.seal(content[0], FILES);
        byte[] id = vault.sealText(ids[0], ID);
        byte[] form = vault.seal(FORM_JSON.getBytes(StandardCharsets.UTF_8), FORM);
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += vault.open(file, FILES).length + vault.openText(id, ID).length();
        }
        long openCpu = mx.getCurrentThreadCpuTime() - cpu0;
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += vault.openText(id, ID).length() + vault.openText(form, FORM).length();
        }
        long openFieldsCpu = mx.getCurrentThreadCpuTime() - cpu0;
        System.out.printf("%nEncryptionBench: %d submissions of %d file(s) of %d KB, an ID number and an e-form of %d "
                + "bytes (AES-256-GCM, HMAC-SHA256; Tink)%n", rounds, files, kb,
                FORM_JSON.getBytes(StandardCharsets.UTF_8).length);
        System.out.printf("  before (values copied, no encryption), CPU per submission: %.4f ms%n", beforeCpu / 1e6 / rounds);
        System.out.printf("  after (files, ID number and e-form sealed, blind indexes), CPU per submission: %.4f ms (wall %.4f ms)%n",
                afterCpu / 1e6 / rounds, afterWall / 1e6 / rounds);
        System.out.printf("  added by encryption: %.4f ms per submission; target <= 0.3 ms%n",
                (afterCpu - beforeCpu) / 1e6 / rounds);
        System.out.printf("  the fields alone (ID number sealed + blind index, e-form sealed + subject blind index), CPU "
                        + "per submission: off %.4f ms, on %.4f ms, added %.4f ms; target <= 0.3 ms%n",
                fieldsOffCpu / 1e6 / rounds, fieldsCpu / 1e6 / rounds, (fieldsCpu - fieldsOffCpu) / 1e6 / rounds);
        System.out.printf("  open one file and the ID number (a download), CPU: %.4f ms%n", openCpu / 1e6 / rounds);
        System.out.printf("  open the ID number and the e-form (every read of a dossier row), CPU: %.4f ms (%d)%n%n",
                openFieldsCpu / 1e6 / rounds, sink % 10);
    }

    /** What a store passed to its statement without encryption: the values as they are (a copy, as the driver does). */
    private static long plain(byte[][] content, String id) {
        long n = 0;
        for (byte[] c : content) {
            n += Arrays.copyOf(c, c.length).length;
        }
        return n + plainFields(id);
    }

    private long sealed(byte[][] content, String id) {
        long n = 0;
        for (byte[] c : content) {
            n += vault.seal(c, FILES).length;
        }
        return n + sealedFields(id);
    }

    /** The fields without encryption: the form's JSON bytes and the number, copied. */
    private static long plainFields(String id) {
        byte[] form = FORM_JSON.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(form, form.length).length + id.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What the dossier store does to the fields: the number and the form sealed, their blind indexes. */
    private long sealedFields(String id) {
        return vault.sealText(id, ID).length + vault.blindIndex(id, Vault.PERSONAL_ID).length
                + vault.seal(FORM_JSON.getBytes(StandardCharsets.UTF_8), FORM).length
                + vault.blindIndex(java.util.List.of("Trần Minh Khôi", "2026-11-26", id), SUBJECT).length;
    }
}
