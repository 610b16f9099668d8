package vn.motcua.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's fault test inside {@code ./mvnw verify}, behind a flag: {@code -Dmotcua.cluster.fault=true} or the
 * environment's {@code MOTCUA_CI_CLUSTER=1} (which {@code .ci/run} sets unless its caller set 0). It starts a
 * cluster of its own ({@code scripts/cluster.sh up}: Debian's PostgreSQL, three nodes, HAProxy, on free ports, in a
 * temporary directory; the nodes run this build's classes, not an older jar), runs
 * {@code scripts/cluster-fault-test.sh} and stops everything ({@code down}), then checks the figures the script
 * prints. Several minutes; skipped without the flag.
 */
@EnabledIf("enabled")
class ClusterFaultTest {

    static final long BOUND_MINUTES = 60;

    @TempDir
    Path dir;

    static boolean enabled() {
        return Boolean.getBoolean("motcua.cluster.fault") || "1".equals(System.getenv("MOTCUA_CI_CLUSTER"));
    }

    @Test
    void acknowledgedSubmissionsSurviveKilledNodesAndAKilledExecutorsPlanIsFinished() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Map<String, String> env = new HashMap<>();
        env.put("MOTCUA_CLUSTER_DIR", dir.resolve("cluster").toString());
        env.put("MOTCUA_PG_PORT", Integer.toString(freePort()));
        env.put("MOTCUA_LB_PORT", Integer.toString(freePort()));
        env.put("MOTCUA_NODE_PORTS", freePort() + " " + freePort() + " " + freePort());
        // The nodes run the classes just built (main classes and dependencies, without the tests').
        env.put("MOTCUA_CLASSPATH", Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator)));
        // Most of the test's time is nodes starting (JIT compilation included) on a busy machine; the C1 compiler
        // alone starts them sooner, and the faults prove the same with slower-running nodes.
        env.put("MOTCUA_NODE_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        Path out = dir.resolve("fault.out");
        int exit;
        try {
            assertThat(run(root, env, dir.resolve("up.out"), "scripts/cluster.sh", "up"))
                    .as("cluster.sh up, see %s", dir.resolve("up.out")).isZero();
            exit = run(root, env, out, "scripts/cluster-fault-test.sh");
        } finally {
            run(root, env, dir.resolve("down.out"), "scripts/cluster.sh", "down");
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        String line = output.lines().filter(l -> l.startsWith("acknowledged=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no figures printed:\n" + output));
        System.out.println("Cluster fault test: " + line);
        Map<String, String> f = Arrays.stream(line.split(" ")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        assertThat(Long.parseLong(f.get("acknowledged"))).as(line).isPositive();
        assertThat(f.get("found")).as(line).isEqualTo(f.get("acknowledged"));
        assertThat(f.get("duplicates")).as(line).isEqualTo("0");
        assertThat(f.get("received_twice")).as(line).isEqualTo("0");
        assertThat(f.get("notices_twice")).as(line).isEqualTo("0");
        assertThat(f.get("audit_chain_ok")).as(line).isEqualTo("true");
        assertThat(f.get("plan_resumed")).as(line).isEqualTo("true");
        assertThat(Long.parseLong(f.get("expected"))).as(line).isPositive();
        assertThat(f.get("moved")).as(line).isEqualTo(f.get("expected"));
        assertThat(Double.parseDouble(f.get("max_wait_s"))).as(line).isLessThan(Double.parseDouble(f.get("timeout_s")));
        assertThat(exit).as("the script's own verdict:\n%s", output).isZero();
    }

    private static int run(Path root, Map<String, String> env, Path out, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + BOUND_MINUTES + " minutes");
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
