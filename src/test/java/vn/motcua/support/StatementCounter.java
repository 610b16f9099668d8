package vn.motcua.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements (each a round trip to PostgreSQL) and commits that the CURRENT thread executes while
 * {@link #record} runs, through a proxy around the application's {@link DataSource}. Listeners on other threads
 * (the asynchronous notification listeners) are not counted. Import it in one test only
 * ({@code @Import(StatementCounter.class)}): that test gets an application context of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    /** What one piece of work sent: the statements (SQL text, one per execution) and the commits. */
    public record Trips(List<String> statements, int commits) {
        public int count() {
            return statements.size();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(count() + " statements, " + commits + " commit(s):");
            statements.forEach(s -> out.append("\n    ").append(s.replaceAll("\\s+", " ").strip()));
            return out.toString();
        }
    }

    private static final class Recording {
        final List<String> statements = new ArrayList<>();
        int commits;
    }

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    /** Runs {@code work} on this thread and returns its result with the statements it sent. */
    public static <T> Counted<T> record(Supplier<T> work) {
        Recording r = new Recording();
        CURRENT.set(r);
        try {
            T value = work.get();
            return new Counted<>(value, new Trips(List.copyOf(r.statements), r.commits));
        } finally {
            CURRENT.remove();
        }
    }

    public record Counted<T>(T value, Trips trips) {
    }

    private static void statement(String sql) {
        Recording r = CURRENT.get();
        if (r != null) {
            r.statements.add(sql);
        }
    }

    private static void commit() {
        Recording r = CURRENT.get();
        if (r != null) {
            r.commits++;
        }
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof Counting)) {
                    return new Counting(ds);
                }
                return bean;
            }
        };
    }

    /** {@code target} with its statements counted, for a test that builds its own data source. */
    public static DataSource counting(DataSource target) {
        return new Counting(target);
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    switch (method.getName()) {
                        case "commit" -> commit();
                        case "prepareStatement" -> result = statement((PreparedStatement) result, PreparedStatement.class,
                                (String) args[0]);
                        case "prepareCall" -> result = statement((CallableStatement) result, CallableStatement.class,
                                (String) args[0]);
                        case "createStatement" -> result = statement((Statement) result, Statement.class, null);
                        default -> {
                        }
                    }
                    return result;
                });
    }

    private static <S extends Statement> S statement(S target, Class<S> type, String prepared) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                statement(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
