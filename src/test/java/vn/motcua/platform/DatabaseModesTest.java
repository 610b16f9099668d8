package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotcuaApplication;
import vn.motcua.platform.db.EmbeddedDatabaseConfiguration;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.security.Audience;
import vn.motcua.platform.security.Role;

/** The two ways to run: embedded PostgreSQL that keeps its data across restarts, or an external server. */
class DatabaseModesTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... properties) {
        // Command-line arguments, as an operator would pass them: they win over application.yml.
        var args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("server.port=0", "logging.level.root=WARN", "spring.main.banner-mode=off",
                        "motcua.seed-on-start=false",
                        "logging.file.name=" + dataDir.resolve("motcua.log")),
                java.util.stream.Stream.of(properties)).map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(MotcuaApplication.class).run(args);
    }

    @Test
    void embeddedDatabaseKeepsDataAcrossRestarts() throws Exception {
        try (var first = start("motcua.data-dir=" + dataDir)) {
            first.getBean(AccountService.class).save("nguoithu", "secret-1", "Người Thử", Audience.CITIZEN,
                    Set.of(Role.CITIZEN), false);
        }
        assertThat(Files.isDirectory(dataDir.resolve("pg"))).isTrue();
        try (var second = start("motcua.data-dir=" + dataDir)) {
            assertThat(second.getBean(AccountService.class).find("nguoithu"))
                    .hasValueSatisfying(a -> assertThat(a.displayName()).isEqualTo("Người Thử"));
            // Durability is on for the application's own data (the library's defaults are for throwaway tests).
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            assertPasswordRequired(second);
        }
    }

    /** The embedded server asks for the generated password (kept mode 600) and listens on 127.0.0.1 only. */
    private void assertPasswordRequired(ConfigurableApplicationContext app) throws Exception {
        Path passwordFile = dataDir.resolve("db-password");
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(passwordFile).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        int port = app.getBean(EmbeddedDatabaseConfiguration.EmbeddedDatabase.class).server().getPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/motcua";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).contains("scram-sha-256")
                .doesNotContain("trust");
    }

    @Test
    void aDataDirectoryFromAnEarlierVersionGetsAPasswordAtItsFirstStart() throws Exception {
        // As earlier versions left it: zonky's initdb with trust for every local connection, no password file.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false).start()) {
            try (var c = old.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("create database motcua");
            }
        }
        assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).contains("trust");
        try (var app = start("motcua.data-dir=" + dataDir, "motcua.demo=false")) {
            assertPasswordRequired(app);
        }
        // The same password works at the next start.
        String password = Files.readString(dataDir.resolve("db-password"));
        try (var again = start("motcua.data-dir=" + dataDir, "motcua.demo=false")) {
            assertThat(Files.readString(dataDir.resolve("db-password"))).isEqualTo(password);
            assertPasswordRequired(again);
        }
    }

    @Test
    void externalDatabaseIsUsedWhenConfiguredAndNothingEmbeddedStarts() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (var app = start("motcua.data-dir=" + dataDir, "spring.datasource.url=" + url,
                    "spring.datasource.username=postgres", "motcua.demo=false")) {
                assertThat(app.getBeansOfType(EmbeddedDatabaseConfiguration.EmbeddedDatabase.class)).isEmpty();
                assertThat(Files.exists(dataDir.resolve("pg"))).isFalse();
            }
            // The schema was migrated on the external server, and demo mode off means no demo accounts.
            try (var c = external.getPostgresDatabase().getConnection();
                 var rs = c.createStatement().executeQuery("select count(*) from account")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
