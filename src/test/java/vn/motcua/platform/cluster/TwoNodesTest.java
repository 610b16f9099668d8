package vn.motcua.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.TwoNodes;

/**
 * Two real application nodes on one PostgreSQL: a web session made on one is good on the other, and an account
 * change made on one counts on the other within a second (not after the cache's expiry), and failed sign-ins on one
 * lock the account on the other (the throttle's counters are shared).
 */
class TwoNodesTest {

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
    void sessionsAndAccountChangesAreSharedByTheNodes() throws Exception {
        cluster = TwoNodes.start(dir);
        ConfigurableApplicationContext a = cluster.node("a");
        ConfigurableApplicationContext b = cluster.node("b");
        Http onA = new Http(TwoNodes.port(a));
        Http onB = new Http(TwoNodes.port(b));

        AccountService accountsOnA = a.getBean(AccountService.class);
        accountsOnA.save("hai-nut", "secret-1", "Người Hai Nút", Audience.CITIZEN, Set.of(Role.CITIZEN), false);

        // Signed in on A; the same cookie opens the citizen's page on B.
        Http.Response login = onA.login("hai-nut", "secret-1");
        assertThat(login.status()).isEqualTo(302);
        String cookie = login.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie: " + login.raw().headers()));
        assertThat(onB.get("/my", "Cookie", cookie).status()).isEqualTo(200);
        // Without it B sends the visitor to sign in.
        assertThat(onB.get("/my").status()).isEqualTo(302);

        // B has the account cached from an API call; A changes the password; B stops accepting the old one at once.
        assertThat(onB.getAs("hai-nut", "secret-1", "/api/v1/me").status()).isEqualTo(200);
        ClusterSignals signalsOnB = b.getBean(ClusterSignals.class);
        long heard = signalsOnB.received();
        accountsOnA.save("hai-nut", "secret-2", "Người Hai Nút", Audience.CITIZEN, Set.of(Role.CITIZEN), false);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> signalsOnB.received() > heard);
        assertThat(onB.getAs("hai-nut", "secret-1", "/api/v1/me").status()).isEqualTo(401);
        assertThat(onB.getAs("hai-nut", "secret-2", "/api/v1/me").status()).isEqualTo(200);

        // The sign-in throttle counts on both: five wrong passwords on A lock the name on B, the right one included
        // (each node counting alone would let B answer 200, and an attacker try three times as often behind three).
        // B has read the name as clean and reads no counter for it until a failure is announced (each failure is):
        // the lock holds on B once the signal of the fifth failure has arrived, within a second.
        long beforeFailures = signalsOnB.received();
        for (int i = 0; i < 5; i++) {
            assertThat(onA.getAs("hai-nut", "wrong-" + i, "/api/v1/me").status()).isEqualTo(401);
        }
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> signalsOnB.received() >= beforeFailures + 5);
        Http.Response locked = onB.getAs("hai-nut", "secret-2", "/api/v1/me");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("code").asString()).isEqualTo("throttle.signIn");
    }
}
