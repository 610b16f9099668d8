package vn.motcua.audit.internal;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.Verification;

/**
 * Recomputes the chains of some days from the rows as they are now and compares them with the sealed links and the
 * days' roots. The row digests are computed by PostgreSQL (the same expression the sealer used) and streamed; the
 * chaining is done here. Days in order, and within a day the history before the access log.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final ChainSealer sealer;
    private final JournalChain journal;
    static final int PARALLEL = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL,
            r -> {
                Thread t = new Thread(r, "audit-verify");
                t.setDaemon(true);
                return t;
            });

    @jakarta.annotation.PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    ChainVerifier(DataSource dataSource, TransactionTemplate tx, ChainSealer sealer, JournalChain journal) {
        this.journal = journal;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.tx = tx;
        this.sealer = sealer;
    }

    /** Seals what is committed and not chained yet, then verifies {@code from} to {@code to}, both included. */
    public Verification verify(LocalDate from, LocalDate to) {
        sealer.sealAll();
        long rows = 0;
        java.util.Set<Long> reseals = new java.util.TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (Chain c : Chain.ALL) {
                DayResult r = verifyDay(c, d);
                rows += r.rows();
                reseals.addAll(r.reseals());
                if (r.broken() != null) {
                    return new Verification(false, rows, r.broken(), pending(), from, to, resealed(reseals));
                }
            }
            // The third chain: the journal of the batches whose journal rows are the history of their transfers.
            long[] journalRows = {0};
            Verification.Broken j = journal.verifyDay(d, journalRows);
            rows += journalRows[0];
            if (j != null) {
                return new Verification(false, rows, j, pending(), from, to, resealed(reseals));
            }
        }
        return new Verification(true, rows, null, pending(), from, to, resealed(reseals));
    }

    /** The rows met that were anonymised in a documented way: which re-seals, why, when, by whom. */
    private List<Verification.Reseal> resealed(java.util.Set<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return streaming.query("""
                        select reason, reference, min(at), string_agg(distinct by_account, ', '), count(*)::int,
                               sum(row_count)::int
                        from audit_reseal where id = any(?) group by reason, reference order by min(at)""",
                (rs, n) -> new Verification.Reseal(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getInt(5), rs.getInt(6)),
                (Object) ids.toArray(Long[]::new));
    }

    record DayResult(long rows, Verification.Broken broken, java.util.Set<Long> reseals) {
    }

    /**
     * A day of one chain. Every link keeps its hash, so a link is checked from its predecessor's stored hash and its
     * row's digest alone: the day is cut into ranges of positions checked side by side (one connection each), and the
     * first broken link by position wins.
     */
    DayResult verifyDay(Chain c, LocalDate day) {
        Integer max = streaming.queryForObject("select max(pos) from audit_link where chain = ? and day = ?",
                Integer.class, c.name(), day);
        long count = 0;
        Verification.Broken broken = null;
        java.util.Set<Long> reseals = new java.util.HashSet<>();
        if (max != null) {
            int parts = max < 50_000 ? 1 : PARALLEL;
            int size = (max + parts - 1) / parts;
            List<java.util.concurrent.Future<DayResult>> futures = new ArrayList<>();
            for (int from = 1; from <= max; from += size) {
                int lo = from;
                int hi = Math.min(max, from + size - 1);
                futures.add(pool.submit(() -> verifyRange(c, day, lo, hi)));
            }
            for (var f : futures) {
                DayResult r;
                try {
                    r = f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
                count += r.rows();
                reseals.addAll(r.reseals());
                if (broken == null && r.broken() != null) {
                    broken = r.broken();
                }
            }
        }
        if (broken == null) {
            broken = checkRoot(c, day, count);
        }
        return new DayResult(count, broken, reseals);
    }

    private DayResult verifyRange(Chain c, LocalDate day, int lo, int hi) {
        return tx.execute(s -> {
            byte[][] previous = {lo == 1 ? Hashes.genesis(c.name(), day) : streaming.queryForObject(
                    "select hash from audit_link where chain = ? and day = ? and pos = ?", byte[].class, c.name(), day, lo - 1)};
            long[] count = {0};
            Verification.Broken[] broken = {null};
            java.util.Set<Long> reseals = new java.util.HashSet<>();
            MessageDigest md = Hashes.sha256();
            // The rows' numbers lie between the range's smallest and largest: one range scan of the table's index.
            var bounds = streaming.queryForMap("select coalesce(min(source_no), 0) as a, coalesce(max(source_no), 0) as b"
                    + " from audit_link where chain = ? and day = ? and pos between ? and ?", c.name(), day, lo, hi);
            streaming.query(rangeSql(c, ((Number) bounds.get("a")).longValue(), ((Number) bounds.get("b")).longValue()),
                    rs -> {
                        if (broken[0] != null) {
                            return;
                        }
                        long pos = rs.getLong(1);
                        byte[] stored = rs.getBytes(5);
                        count[0]++;
                        Integer seq = (Integer) rs.getObject(4);
                        if (pos != lo - 1 + count[0]) {
                            broken[0] = new Verification.Broken(c.table(), rs.getString(3), seq, rs.getLong(2), pos, day,
                                    "GAP", null, Hashes.hex(stored));
                        } else if (!rs.getBoolean(6)) {
                            broken[0] = new Verification.Broken(c.table(), rs.getString(3), seq, rs.getLong(2), pos, day,
                                    "MISSING", null, Hashes.hex(stored));
                        } else {
                            byte[] digest = rs.getBytes(7);
                            long reseal = rs.getLong(10);
                            boolean resealed = !rs.wasNull();
                            // A re-sealed row chains the digest it was sealed with while it is exactly as anonymised.
                            boolean asAnonymised = resealed && Arrays.equals(digest, rs.getBytes(9));
                            byte[] expected = Hashes.link(md, previous[0], asAnonymised ? rs.getBytes(8) : digest);
                            if (asAnonymised) {
                                reseals.add(reseal);
                            }
                            if ((resealed && !asAnonymised) || !Arrays.equals(expected, stored)) {
                                broken[0] = new Verification.Broken(c.table(), rs.getString(3), seq, rs.getLong(2), pos,
                                        day, "CHANGED", Hashes.hex(expected), Hashes.hex(stored));
                            }
                        }
                        previous[0] = stored;
                    }, c.name(), day, lo, hi);
            return new DayResult(broken[0] != null ? count[0] : hi - lo + 1, broken[0], reseals);
        });
    }

    /**
     * A range's links with their rows' digests (parameters: chain, day, first and last position); the rows' numbers
     * lie between {@code lo} and {@code hi}. Package-visible for the bench, which prints its plan.
     */
    static String rangeSql(Chain c, long lo, long hi) {
        // With the latest re-seal of a row, if any: the range's few re-sealed rows, picked once (materialised) by
        // the index; a lookup per row would cost every row of the day a probe.
        return "with r as materialized (select distinct on (source_no) source_no, sealed_digest, new_digest, reseal_id"
                + " from audit_reseal_row where chain = '" + c.name() + "' and source_no between " + lo + " and " + hi
                + " order by source_no, reseal_id desc)"
                + " select l.pos, l.source_no, l.source_id, l.source_seq, l.hash, t." + c.number() + " is not null, "
                + c.digest() + ", r.sealed_digest, r.new_digest, r.reseal_id from audit_link l left join " + c.table()
                + " t on t." + c.number() + " = l.source_no and t." + c.number() + " between " + lo + " and " + hi
                + " left join r on r.source_no = l.source_no"
                + " where l.chain = ? and l.day = ? and l.pos between ? and ? order by l.pos";
    }

    /** The latest root of the day must be a link of its chain: its count within the chain, its hash that link's. */
    private Verification.Broken checkRoot(Chain c, LocalDate day, long count) {
        return streaming.query("""
                        select r.row_count, r.root, l.hash, l.source_id, l.source_seq, l.source_no
                        from (select row_count, root from audit_root where chain = ? and day = ?
                              order by revision desc limit 1) r
                        left join audit_link l on l.chain = ? and l.day = ? and l.pos = r.row_count
                        """, rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    int rootCount = rs.getInt(1);
                    byte[] root = rs.getBytes(2);
                    byte[] link = rs.getBytes(3);
                    if (rootCount > count || !Arrays.equals(root, link)) {
                        return new Verification.Broken(c.table(), rs.getString(4), (Integer) rs.getObject(5),
                                rs.getLong(6), rootCount, day, "ROOT", Hashes.hex(link), Hashes.hex(root));
                    }
                    return null;
                }, c.name(), day, c.name(), day);
    }

    /** Rows above the sealer's mark with no link: written but not chained yet. */
    long pending() {
        long n = 0;
        for (Chain c : Chain.ALL) {
            Long k = streaming.queryForObject("select count(*) from " + c.table() + " t where t." + c.number()
                    + " > coalesce((select low_water from audit_cursor where chain = ?), 0) and not exists (select 1 "
                    + "from audit_link l where l.chain = ? and l.source_no = t." + c.number() + ")", Long.class,
                    c.name(), c.name());
            n += k == null ? 0 : k;
        }
        return n;
    }
}
