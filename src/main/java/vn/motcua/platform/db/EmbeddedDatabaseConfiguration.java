package vn.motcua.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import vn.motcua.platform.MotcuaProperties;

/**
 * Starts an embedded PostgreSQL (real binaries) when no external database is configured, like
 * Keycloak's default database. The data directory persists under {@code motcua.data-dir}, with
 * durability on ({@code fsync}, synchronous commit, full-page writes), so a crash never loses an
 * acknowledged dossier. It listens on 127.0.0.1 only and asks for a generated password (see
 * {@link EmbeddedAuthentication}); a start after a crash first clears what the crash left (see
 * {@link StalePostmaster}). With {@code spring.datasource.url} set this configuration does nothing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "motcua";
    /**
     * PostgreSQL's defaults (128 MB of buffers, a checkpoint every 1 GB of WAL) are sized for a tiny machine: with a
     * million dossiers the dossier table and its indexes no longer fit, and a reorganisation moving them all writes
     * each page again after every checkpoint. The embedded server is meant for one machine that runs Motcua, so it
     * takes a modest share of memory. An external server is tuned by its administrator.
     */
    static final String SHARED_BUFFERS = "1GB";
    static final String MAX_WAL_SIZE = "8GB";
    /** The embedded server is for this machine's Motcua only. */
    static final String LISTEN_ADDRESS = "127.0.0.1";
    /** How long an orphaned postmaster from a crashed run gets to stop (fast shutdown) before the start gives up. */
    static final java.time.Duration STOP_ORPHAN_WAIT = java.time.Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(MotcuaProperties properties) throws IOException {
        var embedded = properties.db().embedded();
        if (embedded.ephemeral()) {
            return SharedTestServer.newDatabase();
        }
        Path dir = properties.dataDir().resolve("pg").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        long started = System.nanoTime();
        // A crash of the previous run may have left its postmaster running, or a stale postmaster.pid.
        StalePostmaster.clear(dir, STOP_ORPHAN_WAIT);
        EmbeddedAuthentication auth = EmbeddedAuthentication.load(properties.dataDir().toAbsolutePath().normalize());
        boolean bootstrap = auth.needsBootstrap(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(embedded.port())
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", auth.password())
                // Runs after initdb (a new directory) and before the server starts.
                .setDataDirectoryCustomizer(d -> auth.writeHba(d.toPath(), bootstrap));
        EmbeddedPostgres pg = durable(sized(builder)).start();
        if (bootstrap) {
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                auth.secure(c, dir);
            } catch (SQLException e) {
                pg.close();
                throw new IllegalStateException("Cannot set the embedded PostgreSQL's password", e);
            }
        }
        log.info("Embedded PostgreSQL started on {}:{} with data in {} ({} ms)", LISTEN_ADDRESS, pg.getPort(), dir,
                (System.nanoTime() - started) / 1_000_000);
        createDatabaseIfMissing(pg, DATABASE);
        return new EmbeddedDatabase(pg, DATABASE, true, auth.password());
    }

    /** Memory and checkpoint spacing for a machine that runs Motcua (see {@link #SHARED_BUFFERS}). */
    static EmbeddedPostgres.Builder sized(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_buffers", SHARED_BUFFERS)
                .setServerConfig("max_wal_size", MAX_WAL_SIZE)
                .setServerConfig("checkpoint_timeout", "15min");
    }

    /** Every acknowledged commit is on disk (zonky's default turns synchronous commit off). */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database, org.springframework.core.env.Environment env) {
        HikariDataSource ds = new HikariDataSource();
        // The same short waits as for an external database (application.yml): an outage answers 503 quickly.
        ds.setConnectionTimeout(env.getProperty("spring.datasource.hikari.connection-timeout", Long.class, 3000L));
        ds.setValidationTimeout(env.getProperty("spring.datasource.hikari.validation-timeout", Long.class, 1000L));
        ds.setJdbcUrl(database.jdbcUrl());
        ds.setUsername("postgres");
        if (database.password() != null) {
            ds.setPassword(database.password());
        }
        ds.setPoolName("motcua-embedded");
        ds.setMaximumPoolSize(20);
        // Batched inserts (a reorganisation's transfer notices) go as multi-row INSERTs: one statement per 128 rows.
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }

    static void createDatabaseIfMissing(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                st.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the embedded database " + name, e);
        }
    }

    /**
     * An embedded server and the database this context uses in it. Closing stops the server unless
     * it is the JVM-wide test server, which outlives every test context.
     */
    public record EmbeddedDatabase(EmbeddedPostgres server, String database, boolean ownsServer, String password)
            implements AutoCloseable {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + server.getPort() + "/" + database;
        }

        @Override
        public void close() throws IOException {
            if (ownsServer) {
                server.close();
                log.info("Embedded PostgreSQL stopped");
            } else {
                SharedTestServer.release();
            }
        }
    }

    /**
     * One throwaway server per test JVM; each application context gets a database of its own. The
     * server stops when the last context using it closes (not from a JVM hook of its own, which
     * would race the contexts' connection pools at exit).
     */
    static final class SharedTestServer {
        private static EmbeddedPostgres server;
        private static int users;
        private static final AtomicInteger counter = new AtomicInteger();

        static synchronized EmbeddedDatabase newDatabase() throws IOException {
            if (server == null) {
                var builder = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale", "C")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("listen_addresses", LISTEN_ADDRESS);
                sized(builder);
                if (Boolean.getBoolean("motcua.test.durable")) {
                    // Benchmarks measure with the durability the application runs with (every commit waits for fsync).
                    durable(builder);
                }
                if (Boolean.getBoolean("motcua.test.pg-stat-statements")) {
                    // Benchmarks print the statements that cost the most (-Dbench.jvmArgs=-Dmotcua.test.pg-stat-statements=true).
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                server = builder.start();
            }
            users++;
            String name = "motcua_test_" + counter.incrementAndGet();
            createDatabaseIfMissing(server, name);
            return new EmbeddedDatabase(server, name, false, null);
        }

        static synchronized void release() throws IOException {
            if (--users == 0 && server != null) {
                server.close();
                server = null;
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
