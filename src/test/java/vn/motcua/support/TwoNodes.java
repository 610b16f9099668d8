package vn.motcua.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;

/**
 * Real application nodes on one real PostgreSQL, as a cluster runs: an embedded server on a port of its own (its data
 * under {@code dir/pg}) and nodes started on it with {@link #node}, each with a data directory of its own
 * ({@code dir/<name>}), not in demo mode, no seed at start, warnings only. {@link #close} stops the nodes, then the
 * database.
 */
public final class TwoNodes implements AutoCloseable {

    private final Path dir;
    private final EmbeddedPostgres db;
    private final int dbPort;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private TwoNodes(Path dir, EmbeddedPostgres db, int dbPort) {
        this.dir = dir;
        this.db = db;
        this.dbPort = dbPort;
    }

    /** Starts the database (under {@code dir/pg}). */
    public static TwoNodes start(Path dir) throws IOException {
        int port = freePort();
        EmbeddedPostgres db = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("listen_addresses", "127.0.0.1").start();
        return new TwoNodes(dir, db, port);
    }

    /** The JDBC address of the shared database. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    }

    /** Starts a node named {@code name} on the shared database; {@code args} add to or override the defaults. */
    public ConfigurableApplicationContext node(String name, String... args) {
        Path data = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--motcua.seed-on-start=false", "--motcua.demo=false",
                "--motcua.data-dir=" + data, "--logging.file.name=" + data.resolve("motcua.log"),
                "--spring.datasource.url=" + url(), "--spring.datasource.username=postgres"));
        all.addAll(List.of(args));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(MotcuaApplication.class)
                .run(all.toArray(String[]::new));
        nodes.add(node);
        return node;
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

    @Override
    public void close() throws IOException {
        for (ConfigurableApplicationContext node : nodes) {
            node.close();
        }
        db.close();
    }
}
