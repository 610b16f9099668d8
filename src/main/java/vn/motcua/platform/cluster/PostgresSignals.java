package vn.motcua.platform.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ClusterSignals} over PostgreSQL's LISTEN/NOTIFY. {@link #announce} sends {@code pg_notify} inside the writer's transaction, so the other nodes hear it only if, and
 * once, the change commits; each node listens on a connection of its own and runs the handlers registered for the
 * topic (clearing a cache) within a second. A node that loses its listening connection runs every handler when it is
 * back, since it may have missed signals meanwhile. The caches keep a short expiry as a second line of defence.
 */
@Component
class PostgresSignals implements ClusterSignals, SmartLifecycle {

    /** The one channel every Motcua node listens on; the payload is the topic and the sending node. */
    static final String CHANNEL = "motcua_changed";
    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Duration poll;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, List<Runnable>> handlers = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    PostgresSignals(DataSource dataSource, JdbcClient jdbc,
            @Value("${motcua.cluster.signal-poll:PT0.25S}") Duration poll) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.poll = poll;
    }

    @Override
    public void on(String topic, Runnable handler) {
        handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    @Override
    public void announce(String topic) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, topic + " " + node).query().singleValue();
    }

    @Override
    public long received() {
        return received.get();
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::listen, "cluster-signals");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean missed = false;
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                Connection c = open();
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                if (missed) {
                    log.info("Listening for cluster signals again; clearing every cache in case one was missed");
                    handlers.values().forEach(list -> list.forEach(this::runSafely));
                }
                missed = false;
                backoff = Duration.ofMillis(250);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] batch = pg.getNotifications((int) poll.toMillis());
                    if (batch == null) {
                        continue;
                    }
                    for (PGNotification n : batch) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                missed = true;
                log.warn("Cluster signals: listening connection lost ({}); retrying in {} ms", e.getMessage(),
                        backoff.toMillis());
                closeQuietly();
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void dispatch(String payload) {
        received.incrementAndGet();
        String topic = payload == null ? "" : payload.split(" ", 2)[0];
        List<Runnable> list = handlers.get(topic);
        if (list != null) {
            list.forEach(this::runSafely);
        }
    }

    private void runSafely(Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.warn("Cluster signal handler failed", e);
        }
    }

    /** A connection of its own (not a pooled one, which the pool may close or hand to others). */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource h && h.getJdbcUrl() != null) {
            java.util.Properties p = new java.util.Properties();
            if (h.getUsername() != null) {
                p.setProperty("user", h.getUsername());
            }
            if (h.getPassword() != null) {
                p.setProperty("password", h.getPassword());
            }
            p.setProperty("ApplicationName", "motcua-cluster-signals");
            p.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(h.getJdbcUrl(), p);
        }
        return dataSource.getConnection();
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
