package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class DossierCodesTest {

    @Autowired
    DossierCodes codes;
    @Autowired
    TransactionTemplate tx;

    @Test
    void fiftyParallelAcceptancesGetFiftyDistinctConsecutiveNumbers() throws Exception {
        String agency = "TEST-" + System.nanoTime();
        LocalDate day = LocalDate.of(2025, 11, 25);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return tx.execute(s -> codes.next(agency, day));
            }));
        }
        start.countDown();
        List<String> issued = new ArrayList<>();
        for (Future<String> f : futures) {
            issued.add(f.get());
        }
        pool.shutdown();
        List<Integer> numbers = issued.stream().map(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(numbers).hasSize(50).doesNotHaveDuplicates();
        assertThat(numbers.get(0)).isEqualTo(1);
        assertThat(numbers.get(49)).isEqualTo(50);
        assertThat(issued).allSatisfy(c -> assertThat(c).startsWith(agency + "-251125-"));
    }

    @Test
    void aRolledBackAcceptanceLeavesNoGap() {
        String agency = "TEST-RB-" + System.nanoTime();
        LocalDate day = LocalDate.of(2025, 11, 26);
        tx.execute(s -> codes.next(agency, day));
        tx.execute(s -> {
            codes.next(agency, day);
            s.setRollbackOnly();
            return null;
        });
        String third = tx.execute(s -> codes.next(agency, day));
        assertThat(third).isEqualTo(agency + "-251126-0002");
    }
}
