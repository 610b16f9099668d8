package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.MotcuaApplication;

/**
 * A start after {@code kill -9} succeeds the first time: the application runs in a child JVM on a data directory of
 * its own, is killed with SIGKILL (its embedded postmaster survives as an orphan), and started again; then both the
 * JVM and the postmaster are killed, and it starts again. Each start must reach health UP without the process
 * ending, within a bound, and the data written before each kill is still there.
 */
class CrashRestartTest {

    /** A cold start migrates every module's schema; on the 2-core machine that takes well under a minute. */
    static final Duration START_BOUND = Duration.ofSeconds(150);

    @TempDir
    Path dataDir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        // Whatever postmaster is left for this directory gets a fast shutdown, so the temp directory can go.
        Optional<ProcessHandle> pm = postmaster();
        if (pm.isPresent()) {
            new ProcessBuilder("kill", "-INT", Long.toString(pm.get().pid())).start().waitFor(10, TimeUnit.SECONDS);
            pm.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsFirstTimeAfterKill9OfTheServerAndOfServerAndDatabase() throws Exception {
        int port = freePort();
        Process first = startApp(port, "first");
        awaitUp(first, port);
        write("before-first-kill");

        // 1. kill -9 of the server: its postmaster stays behind as an orphan holding the data directory.
        long orphan = postmaster().orElseThrow().pid();
        kill9(first);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        Process second = startApp(port, "second");
        awaitUp(second, port);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(read()).containsExactly("before-first-kill");
        write("before-second-kill");

        // 2. kill -9 of the server and its database: postmaster.pid names a dead process.
        ProcessHandle pm = postmaster().orElseThrow();
        kill9(second);
        pm.destroyForcibly();
        pm.onExit().get(30, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("pg/postmaster.pid")).exists();

        Process third = startApp(port, "third");
        awaitUp(third, port);
        assertThat(read()).containsExactly("before-first-kill", "before-second-kill");
        String log = Files.readString(dataDir.resolve("third.out"), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("Gave up waiting");
    }

    private Process startApp(int port, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), MotcuaApplication.class.getName(),
                "--server.port=" + port, "--motcua.data-dir=" + dataDir, "--motcua.demo=false",
                "--motcua.seed-on-start=false", "--spring.main.banner-mode=off",
                "--logging.file.name=" + dataDir.resolve(name + ".log"), "--logging.level.root=WARN",
                "--logging.level.vn.motcua.platform.db=INFO");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".out").toFile()).start();
        started.add(p);
        return p;
    }

    /** Polls health until UP; the process ending first (a failed start) fails the test at once. */
    private void awaitUp(Process p, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("The application ended during start (exit " + p.exitValue() + "):\n" + tail(p));
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            p.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Not UP within " + START_BOUND + ":\n" + tail(p));
    }

    private String tail(Process p) {
        for (Process q : started) {
            if (q == p) {
                try {
                    String out = Files.readString(dataDir.resolve(List.of("first", "second", "third")
                            .get(started.indexOf(q)) + ".out"), StandardCharsets.UTF_8);
                    return out.substring(Math.max(0, out.length() - 6000));
                } catch (IOException e) {
                    return e.toString();
                }
            }
        }
        return "";
    }

    private static void kill9(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private Connection connect() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("pg/postmaster.pid"));
        String password = Files.readString(dataDir.resolve("db-password")).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/motcua",
                "postgres", password);
    }

    private void write(String value) throws Exception {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute("create table if not exists crash_probe (v text primary key)");
            st.execute("insert into crash_probe values ('" + value + "')");
        }
    }

    private List<String> read() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); var rs = c.createStatement().executeQuery("select v from crash_probe order by v")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
