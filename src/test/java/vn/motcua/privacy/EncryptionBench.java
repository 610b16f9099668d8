package vn.motcua.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.IntegrationTest;

/**
 * CPU added per submission by encryption at rest (target ≤ 0.3 ms, issue 21): sealing the attachments of one
 * submission before they are written (and opening one, as a download does). Prints figures, asserts nothing:
 * {@code ./mvnw -Pbench test -Dtest=EncryptionBench} ({@code -Dprivacy.bench.kb=} the attachment size, default 200 KB,
 * {@code -Dprivacy.bench.files=} per submission, default 2).
 */
@IntegrationTest
class EncryptionBench {

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
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        byte[] last = null;
        for (int i = 0; i < rounds / 4; i++) { // warm-up (JIT, the data key in the cache)
            for (byte[] c : content) {
                last = vault.seal(c, "dossier_attachment.content");
            }
        }
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (byte[] c : content) {
                last = vault.seal(c, "dossier_attachment.content");
            }
        }
        long sealCpu = mx.getCurrentThreadCpuTime() - cpu0;
        long sealWall = System.nanoTime() - wall0;
        cpu0 = mx.getCurrentThreadCpuTime();
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            bytes += vault.open(last, "dossier_attachment.content").length;
        }
        long openCpu = mx.getCurrentThreadCpuTime() - cpu0;
        System.out.printf("%nEncryptionBench: %d submissions of %d file(s) of %d KB (AES-256-GCM, Tink)%n", rounds,
                files, kb);
        System.out.printf("  seal, CPU per submission: %.3f ms (wall %.3f ms); target <= 0.3 ms%n",
                sealCpu / 1e6 / rounds, sealWall / 1e6 / rounds);
        System.out.printf("  open one file (a download), CPU: %.3f ms (%d bytes read back)%n%n",
                openCpu / 1e6 / rounds, bytes / rounds);
    }
}
