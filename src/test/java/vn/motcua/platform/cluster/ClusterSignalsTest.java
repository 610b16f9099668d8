package vn.motcua.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Two nodes share one database; the "other node" here is a plain connection doing what another node's services do
 * (write, then {@code pg_notify} in the same transaction), and hearing what this node announces.
 */
@IntegrationTest
class ClusterSignalsTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ClusterSignals signals;
    @Autowired
    TransactionTemplate tx;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aPasswordChangedOnAnotherNodeCountsHereWithinASecond() throws SQLException {
        accounts.save("cluster-a", "old-secret-1", "Người thử", Audience.OFFICER, Set.of(Role.AUDITOR), false);
        // Signed in once: this node now holds the account in its cache (10 s expiry by default).
        assertThat(http.getAs("cluster-a", "old-secret-1", "/api/v1/me").status()).isEqualTo(200);
        assertThat(http.getAs("cluster-a", "old-secret-1", "/api/v1/me").status()).isEqualTo(200);

        long before = signals.received();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.prepareStatement("update account set password_hash = ? where username = ?")) {
                st.setString(1, passwords.encode("new-secret-2"));
                st.setString(2, "cluster-a");
                st.executeUpdate();
            }
            try (Statement st = other.createStatement()) {
                st.execute("select pg_notify('motcua_changed', 'accounts other-node')");
            }
            other.commit();
        }

        // Heard within a second (the account cache would otherwise keep the old password for 10 s) ...
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> signals.received() > before);
        // ... and the old password no longer opens the account here.
        assertThat(http.getAs("cluster-a", "old-secret-1", "/api/v1/me").status()).isEqualTo(401);
        assertThat(http.getAs("cluster-a", "new-secret-2", "/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anAnnouncementReachesOtherNodesOnlyWhenItsTransactionCommits() throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            try (Statement st = other.createStatement()) {
                st.execute("listen motcua_changed");
            }
            PGConnection pg = other.unwrap(PGConnection.class);

            tx.executeWithoutResult(status -> {
                signals.announce("catalogue");
                status.setRollbackOnly();
            });
            assertThat(payloads(pg, 300)).isEmpty();

            long before = signals.received();
            tx.executeWithoutResult(status -> signals.announce("catalogue"));
            assertThat(payloads(pg, 1000)).singleElement().asString().startsWith("catalogue ");
            // This node hears its own announcement too (harmless: the cache was cleared already).
            Awaitility.await().atMost(Duration.ofSeconds(1)).until(() -> signals.received() > before);
        }
    }

    @Test
    void anAccountWrittenHereIsAnnouncedOnce() throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            try (Statement st = other.createStatement()) {
                st.execute("listen motcua_changed");
            }
            PGConnection pg = other.unwrap(PGConnection.class);
            accounts.save("cluster-b", "secret-3", "Người thử", Audience.OFFICER, Set.of(Role.AUDITOR), false);
            assertThat(payloads(pg, 1000)).singleElement().asString().startsWith("accounts ");
        }
    }

    private static List<String> payloads(PGConnection pg, int waitMillis) throws SQLException {
        List<String> out = new ArrayList<>();
        long end = System.nanoTime() + waitMillis * 1_000_000L;
        while (System.nanoTime() < end) {
            PGNotification[] batch = pg.getNotifications(50);
            if (batch != null) {
                for (PGNotification n : batch) {
                    out.add(n.getParameter());
                }
            }
        }
        return out;
    }
}
