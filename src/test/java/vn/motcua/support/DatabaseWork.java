package vn.motcua.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work PostgreSQL did between {@link #start} and {@link #print}, in figures that do not depend on how busy the
 * machine is: statements and rows, shared buffers hit, read and dirtied, WAL records, full-page images and bytes (from
 * pg_stat_statements, when the test server runs with it: {@code -Dmotcua.test.pg-stat-statements=true}), and the WAL
 * the whole server wrote (the LSN difference, which also counts autovacuum and checkpoints). Benchmarks compare two
 * versions of the code by these figures on a shared machine, where the wall clock says mostly how busy it was.
 */
public final class DatabaseWork {

    private final JdbcClient jdbc;
    private final boolean statements;
    private String lsn;

    public DatabaseWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.statements = Boolean.getBoolean("motcua.test.pg-stat-statements");
        if (statements) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
        }
    }

    public void start() {
        if (statements) {
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
        }
        lsn = jdbc.sql("select pg_current_wal_lsn()::text").query(String.class).single();
    }

    /** Totals, then the {@code top} statements by buffers touched (hit + read). */
    public void print(String label, int top) {
        long wal = jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint").param(lsn)
                .query(Long.class).single();
        System.out.printf("BENCH work (%s): server WAL %,d bytes%n", label, wal);
        if (!statements) {
            return;
        }
        String where = " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
                + " and query not like '%pg_stat_statements%'";
        jdbc.sql("select count(*), coalesce(sum(calls), 0), coalesce(sum(rows), 0), coalesce(sum(shared_blks_hit), 0), "
                        + "coalesce(sum(shared_blks_read), 0), coalesce(sum(shared_blks_dirtied), 0), "
                        + "coalesce(sum(wal_records), 0), coalesce(sum(wal_fpi), 0), coalesce(sum(wal_bytes), 0)::bigint" + where)
                .query((rs, i) -> String.format("BENCH work (%s): %,d statements, %,d calls, %,d rows, shared blocks "
                                + "hit %,d read %,d dirtied %,d, WAL records %,d full pages %,d bytes %,d", label,
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list().forEach(System.out::println);
        System.out.println("BENCH work (" + label + ") per statement: calls, rows, blocks hit, read, dirtied, WAL records, "
                + "WAL bytes, query");
        List<String> lines = jdbc.sql("select calls, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, "
                        + "wal_records, wal_bytes::bigint, left(regexp_replace(query, '\\s+', ' ', 'g'), 150)" + where
                        + " order by shared_blks_hit + shared_blks_read desc limit :n").param("n", top)
                .query((rs, i) -> String.format("  %,8d %,10d %,12d %,9d %,10d %,10d %,14d  %s", rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getString(8)))
                .list();
        lines.forEach(System.out::println);
    }
}
