package vn.motcua.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements that cost PostgreSQL the most between {@link #reset} and {@link #print}, when the test server runs
 * with pg_stat_statements ({@code -Dmotcua.test.pg-stat-statements=true}); otherwise does nothing.
 */
public final class TopStatements {

    private final JdbcClient jdbc;
    private final boolean on;

    public TopStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.on = Boolean.getBoolean("motcua.test.pg-stat-statements");
        if (on) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
        }
    }

    public void reset() {
        if (on) {
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        }
    }

    public void print(String label, int top) {
        if (!on) {
            return;
        }
        System.out.println("BENCH top statements (" + label + "): total ms, calls, mean ms, rows, query");
        jdbc.sql("""
                select round(total_exec_time::numeric, 1), calls, round(mean_exec_time::numeric, 3), rows,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time desc limit :n""").param("n", top)
                .query((rs, i) -> String.format("  %10s %7d %8s %8d  %s", rs.getString(1), rs.getLong(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5)))
                .list().forEach(System.out::println);
    }

    /**
     * Every statement PostgreSQL ran since {@link #reset}, as calls per operation (utility commands included:
     * {@code BEGIN}, {@code COMMIT}, {@code SET}), and their sum. Background work (the audit sealer, the appraisal's
     * queue, the outbox sender) is in it too: it is part of what a submission costs.
     */
    public void printPerOperation(String label, int operations) {
        if (!on) {
            return;
        }
        System.out.println("BENCH statements per " + label + " (" + operations + "): calls/op, mean ms, query");
        var rows = jdbc.sql("""
                select calls, round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 140)
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                  and calls >= :min order by calls desc""").param("min", Math.max(1, operations / 100))
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        double all = 0;
        double utility = 0;
        for (Object[] r : rows) {
            double perOp = (long) r[0] / (double) operations;
            all += perOp;
            String q = ((String) r[2]).strip().toLowerCase(java.util.Locale.ROOT);
            if (q.startsWith("begin") || q.startsWith("commit") || q.startsWith("rollback") || q.startsWith("set ")) {
                utility += perOp;
            }
            System.out.printf("  %6.2f %8s  %s%n", perOp, r[1], r[2]);
        }
        System.out.printf("BENCH statements per %s: %.2f (of which BEGIN/COMMIT/SET %.2f; statements run by fewer than"
                + " 1 in 100 operations left out)%n", label, all, utility);
    }
}
