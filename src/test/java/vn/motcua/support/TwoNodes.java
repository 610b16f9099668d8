package vn.motcua.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real application nodes on one real PostgreSQL, as a cluster runs: an embedded server on a port of its own (its data
 * under {@code dir/pg}) and nodes started on it with {@link #node}, each with a data directory of its own
 * ({@code dir/<name>}) and {@link AppNodes}' arguments. {@link #close} stops the nodes, then the database.
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
        return new TwoNodes(dir, AppNodes.database(dir.resolve("pg"), port), port);
    }

    /** The JDBC address of the shared database. */
    public String url() {
        return AppNodes.url(dbPort);
    }

    /** Starts a node named {@code name} on the shared database; {@code args} add to or override the defaults. */
    public ConfigurableApplicationContext node(String name, String... args) {
        ConfigurableApplicationContext node = AppNodes.start(dir.resolve(name), url(), "postgres", args);
        nodes.add(node);
        return node;
    }

    /** The HTTP port a node serves on. */
    public static int port(ConfigurableApplicationContext node) {
        return AppNodes.port(node);
    }

    public static int freePort() throws IOException {
        return AppNodes.freePort();
    }

    @Override
    public void close() throws IOException {
        for (ConfigurableApplicationContext node : nodes) {
            node.close();
        }
        db.close();
    }
}
