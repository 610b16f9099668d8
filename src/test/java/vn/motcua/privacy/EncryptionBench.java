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
 * computed — and opening them back (a download, a dossier page). In one run, "before" (the values only copied into
 * the statement's parameters, what the stores did without encryption) and "after" (sealed and indexed). Prints
 * figures, asserts nothing: {@code ./mvnw -Pbench test -Dtest=EncryptionBench} ({@code -Dprivacy.bench.kb=} the
 * attachment size, default 200 KB, {@code -Dprivacy.bench.files=} per submission, default 2,
 * {@code -Dprivacy.bench.rounds=}, default 2000).
 */
@IntegrationTest
class EncryptionBench {

    private static final String FILES = "dossier_attachment.content";
    private static final String ID = "dossier.applicant_personal_id";

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
        // the fields alone (ID number sealed + blind index), without the files
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += vault.sealText(ids[i], ID).length + vault.blindIndex(ids[i], Vault.PERSONAL_ID).length;
        }
        long fieldsCpu = mx.getCurrentThreadCpuTime() - cpu0;
        byte[] file = vault.seal(content[0], FILES);
        byte[] id = vault.sealText(ids[0], ID);
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            sink += vault.open(file, FILES).length + vault.openText(id, ID).length();
        }
        long openCpu = mx.getCurrentThreadCpuTime() - cpu0;
        System.out.printf("%nEncryptionBench: %d submissions of %d file(s) of %d KB and an ID number (AES-256-GCM, "
                + "HMAC-SHA256; Tink)%n", rounds, files, kb);
        System.out.printf("  before (values copied, no encryption), CPU per submission: %.4f ms%n", beforeCpu / 1e6 / rounds);
        System.out.printf("  after (files and ID number sealed, blind index), CPU per submission: %.4f ms (wall %.4f ms)%n",
                afterCpu / 1e6 / rounds, afterWall / 1e6 / rounds);
        System.out.printf("  added by encryption: %.4f ms per submission; target <= 0.3 ms%n",
                (afterCpu - beforeCpu) / 1e6 / rounds);
        System.out.printf("    of which the fields (ID number sealed + blind index): %.4f ms%n", fieldsCpu / 1e6 / rounds);
        System.out.printf("  open one file and the ID number (a download, a dossier page), CPU: %.4f ms (%d)%n%n",
                openCpu / 1e6 / rounds, sink % 10);
    }

    /** What a store passed to its statement without encryption: the values as they are (a copy, as the driver does). */
    private static long plain(byte[][] content, String id) {
        long n = 0;
        for (byte[] c : content) {
            n += Arrays.copyOf(c, c.length).length;
        }
        return n + id.getBytes(StandardCharsets.UTF_8).length;
    }

    private long sealed(byte[][] content, String id) {
        long n = 0;
        for (byte[] c : content) {
            n += vault.seal(c, FILES).length;
        }
        return n + vault.sealText(id, ID).length + vault.blindIndex(id, Vault.PERSONAL_ID).length;
    }
}
