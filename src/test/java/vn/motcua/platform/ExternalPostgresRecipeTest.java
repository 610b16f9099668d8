package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.AppNodes;
import vn.motcua.platform.db.DatabasePrerequisites;

/**
 * The README's least-privilege recipe for an external PostgreSQL, run as written on a real server of the
 * distribution (Debian's PostgreSQL 15 from {@code /usr/lib/postgresql/N/bin}, N ≥ 15, or the bin directory in
 * {@code -Dmotcua.test.external-pg=...}) started in a temporary directory on 127.0.0.1. Without the extension the
 * old README forgot ({@code btree_gist}) the start stops before migrating with one line naming it; with the recipe
 * complete, Motcua migrates and runs as a role that is no superuser. Skipped (with a notice) where no such server
 * is installed; {@code .ci/run} installs it.
 */
class ExternalPostgresRecipeTest {

    static final String SUPERUSER_PASSWORD = "recipe-test-superuser";

    @TempDir
    Path work;

    private Path bin;
    private Path data;

    @AfterEach
    void stopServer() throws Exception {
        if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        }
    }

    @Test
    void theReadmeRecipeWorksAndAMissingExtensionIsNamedInOneLine() throws Exception {
        bin = serverBinaries().orElse(null);
        Assumptions.assumeTrue(bin != null, "NOTICE: no PostgreSQL ≥ 15 server binaries "
                + "(apt-get install postgresql-15 postgresql-contrib, or -Dmotcua.test.external-pg=/path/to/bin)");
        int port = freePort();
        data = work.resolve("data");
        Path pwfile = work.resolve("pw");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
        run(List.of(bin.resolve("initdb").toString(), "-A", "scram-sha-256", "--pwfile=" + pwfile, "-U", "postgres",
                "-D", data.toString(), "-E", "UTF8", "--locale=C"));
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", work.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + work, "-w", "start"));

        List<String> recipe = readmeRecipe();
        assertThat(recipe).anyMatch(l -> l.contains("btree_gist"));
        // 1. The recipe as the old README had it: no btree_gist.
        apply(port, recipe.stream().filter(l -> !l.contains("btree_gist")).toList());
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/motcua";
        assertThatThrownBy(() -> startApp(url).close())
                .satisfies(e -> {
                    Throwable missing = e;
                    while (missing != null && !(missing instanceof DatabasePrerequisites.Missing)) {
                        missing = missing.getCause();
                    }
                    assertThat(missing).as("the start-up check's exception").isNotNull();
                    assertThat(missing.getMessage()).doesNotContain("\n").contains("btree_gist")
                            .contains("CREATE EXTENSION btree_gist").doesNotContain("pg_trgm").doesNotContain("unaccent");
                });
        // Nothing was migrated half-way.
        try (Connection c = connect(port, "motcua", "motcua", "change-me");
             var rs = c.createStatement().executeQuery("select count(*) from pg_tables where schemaname = 'motcua'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }

        // 2. The rest of the recipe: everything migrates, as a role with no special rights.
        apply(port, recipe.stream().filter(l -> l.contains("btree_gist") || l.startsWith("\\connect")).toList());
        try (var app = startApp(url)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select rolsuper or rolcreatedb or rolcreaterole from pg_roles where rolname = current_user")
                    .query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo("motcua");
            assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success")
                    .query(Integer.class).single()).isZero();
        }
    }

    private org.springframework.context.ConfigurableApplicationContext startApp(String url) {
        return AppNodes.start(work.resolve("app"), url, "motcua", "--logging.file.name=" + work.resolve("app.log"),
                "--spring.datasource.password=change-me");
    }

    /** The SQL lines of the README block after {@code <!-- recipe:least-privilege}, comments left out. */
    static List<String> readmeRecipe() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<!-- recipe:least-privilege")) {
                marker = i;
                break;
            }
        }
        assertThat(marker).as("README's recipe marker").isNotNegative();
        List<String> sql = new ArrayList<>();
        int i = marker + 1;
        assertThat(lines.get(i)).isEqualTo("```sql");
        for (i++; !lines.get(i).startsWith("```"); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("--")) {
                sql.add(l);
            }
        }
        return sql;
    }

    /** Runs recipe lines as the superuser, following {@code \connect}. */
    private static void apply(int port, List<String> lines) throws SQLException {
        Connection c = connect(port, "postgres", "postgres", SUPERUSER_PASSWORD);
        try {
            for (String line : lines) {
                if (line.startsWith("\\connect ")) {
                    c.close();
                    c = connect(port, line.substring("\\connect ".length()).trim(), "postgres", SUPERUSER_PASSWORD);
                } else {
                    try (var st = c.createStatement()) {
                        st.execute(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
                    }
                }
            }
        } finally {
            c.close();
        }
    }

    private static Connection connect(int port, String db, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, user, password);
    }

    static Optional<Path> serverBinaries() throws IOException {
        String configured = System.getProperty("motcua.test.external-pg");
        if (configured != null && !configured.isBlank() && !configured.equals("true")) {
            return Optional.of(Path.of(configured));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Integer.parseInt(v.getFileName().toString()) >= 15)
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
        }
    }

    /** PostgreSQL refuses to run as root; as root (CI), in a user namespace of its own, as zonky does. */
    private void run(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("unshare", "-U"));
        }
        cmd.addAll(command);
        Path out = work.resolve("cmd.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, Files.readString(out)).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
