package vn.motcua.platform.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" anywhere in an exception's cause chain: no connection within the
 * pool's connection timeout (Hikari's {@link SQLTransientConnectionException}, Spring's
 * {@link CannotGetJdbcConnectionException} or {@link CannotCreateTransactionException}), a refused connection, or
 * a PostgreSQL SQLSTATE of class 08 (connection exception) or 57P01–57P03 (the server shutting down, restarting,
 * or not accepting connections yet). Such a failure answers 503 with {@code Retry-After}, not 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;
    public static final String CODE = "error.unavailable";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
