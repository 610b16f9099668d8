package vn.motcua.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;

/**
 * Application nodes that tests start themselves, outside the shared test context, on a PostgreSQL of their own (the
 * cluster, failover and outage tests): an embedded server on a port of its own, and a node's arguments — a port of
 * its own, warnings only, no banner, no seed at start, not in demo mode, its data directory and log file, the
 * database — to which a test adds or overrides ({@code --key=value}: a later value of the same key replaces the
 * default, where Spring would join both).
 */
public final class AppNodes {

    private AppNodes() {
    }

    /** An embedded PostgreSQL under {@code dir} (kept across a restart on the same port), on 127.0.0.1 only. */
    public static EmbeddedPostgres database(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    /** The JDBC address of a database on this machine's port. */
    public static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A node's command-line arguments (data under {@code data}, {@code data/motcua.log}), {@code args} last. */
    public static List<String> arguments(Path data, String url, String username, String... args) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String a : List.of("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--motcua.seed-on-start=false", "--motcua.demo=false", "--motcua.data-dir=" + data,
                "--logging.file.name=" + data.resolve("motcua.log"), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username)) {
            all.put(key(a), a);
        }
        for (String a : args) {
            all.put(key(a), a);
        }
        return new ArrayList<>(all.values());
    }

    /** Starts a node in this JVM with {@link #arguments}. */
    public static ConfigurableApplicationContext start(Path data, String url, String username, String... args) {
        return new SpringApplicationBuilder(MotcuaApplication.class)
                .run(arguments(data, url, username, args).toArray(String[]::new));
    }

    /** The HTTP port a node serves on. */
    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String key(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }
}
