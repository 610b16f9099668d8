package vn.motcua.platform.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * For a statement whose best plan depends on its values (an array of holder windows of any length, a period of a
 * day or of years): planned with its values every time, never kept as a server-side prepared statement. After five
 * runs on a connection the driver prepares a statement on the server, and PostgreSQL may then keep a generic plan that
 * cannot see how many windows the array has nor the period, takes both for tiny and joins by nested loop — 40 s for a
 * province's year at 1,000,000 dossiers instead of well under a second (docs/indicators.md, "Bench").
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    public static PreparedStatement custom(PreparedStatement ps) throws SQLException {
        ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        return ps;
    }
}
