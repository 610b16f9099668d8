package vn.motcua.audit.internal;

import vn.motcua.platform.time.VietnamTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.SealingHold;

/**
 * Chains new rows, lazily: every second (and at the end of each day) it links the rows written since, in insertion
 * order, per chain and day, and writes the roots of finished days. Writers only take a sequence number; nothing is
 * hashed or locked on their path, so a reorganisation batch inserting 50,000 events in one statement and officers
 * writing one event each do not wait for each other or for the chain. Cluster-safe: one node seals at a time
 * (a transaction-level advisory lock); the others skip that round.
 *
 * <p>A row is linked once its transaction has committed. Sequence numbers are taken before commit, so a row with a
 * smaller number can become visible after larger ones were linked. Each round reads the numbers above the largest one
 * linked, and the gap list ({@link GapList}, table {@code audit_gap}): the numbers below it that had no committed row
 * when a round read past them. A late row in a gap is linked by the first round after its commit and joins its day's
 * chain at the end; a gap is dropped once nothing can commit into it any more. The low-water mark
 * ({@code audit_cursor.low_water}, what the verifier counts as pending above) is the number below the first gap.
 * The gaps are kept in the database, not in memory, because any node may do the next round.
 */
@Component
public class ChainSealer implements SealingHold {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    static final ZoneId VN = VietnamTime.ZONE;
    static final long LOCK = 0x6d6f74637561L; // "motcua"
    static final int BATCH = 20_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean ready;

    ChainSealer(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, Clock clock,
                @Value("${motcua.audit.seal:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** After start-up work (demo data backdates its history as it creates it): sealing begins once traffic is accepted. */
    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            ready = true;
        }
    }

    @Scheduled(fixedDelayString = "${motcua.audit.seal-interval:PT1S}", initialDelayString = "${motcua.audit.seal-interval:PT1S}")
    void scheduled() {
        if (ready && enabled) {
            try {
                sealAll(false);
            } catch (RuntimeException e) {
                log.warn("Audit sealing failed; next round retries: {}", e.toString());
            }
        }
    }

    /** Shortly after midnight: the day just ended gets its roots (and the week before, if a node was down). */
    @Scheduled(cron = "${motcua.audit.root-cron:20 0 0 * * *}", zone = "Asia/Ho_Chi_Minh")
    void dayEnd() {
        if (ready && enabled) {
            sealAll(true);
            LocalDate today = LocalDate.now(clock.withZone(VN));
            for (LocalDate d = today.minusDays(7); d.isBefore(today); d = d.plusDays(1)) {
                writeRoots(Set.of(d));
            }
        }
    }

    /**
     * A session-level lock on the rounds' key, on a connection of its own: every node's rounds (transaction-level locks
     * on the same key) skip, or wait, until it is released here, or by PostgreSQL when this node's connection dies.
     * Never call {@link #sealAll()} inside: it would wait for itself.
     */
    @Override
    public <T> T during(Supplier<T> work) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + LOCK + ")");
            try {
                return work.get();
            } finally {
                s.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold the audit sealing off", e);
        }
    }

    /**
     * Links every committed row not linked yet, then writes the roots of finished days it touched; returns rows linked.
     * Waits for a sealing under way on another node or thread, so that what was committed before the call is linked
     * when it returns (the verifier needs that).
     */
    public long sealAll() {
        return sealAll(true);
    }

    /** With {@code wait} false, a round another node or thread is doing is skipped (the scheduled rounds). */
    long sealAll(boolean wait) {
        long total = 0;
        Set<LocalDate> touched = new TreeSet<>();
        for (Chain chain : Chain.ALL) {
            int n;
            do {
                Round r = tx.execute(s -> round(chain, wait));
                n = r == null ? 0 : r.linked();
                if (r != null) {
                    touched.addAll(r.days());
                }
                total += n;
            } while (n == BATCH);
        }
        LocalDate today = LocalDate.now(clock.withZone(VN));
        touched.removeIf(d -> !d.isBefore(today));
        if (!touched.isEmpty()) {
            writeRoots(touched);
        }
        return total;
    }

    /** A round's outcome: rows linked, the days they belong to. */
    record Round(int linked, Set<LocalDate> days) {
    }

    private record Row(long number, String id, Integer seq, LocalDate day, byte[] digest) {
    }

    private record Tip(int pos, byte[] hash) {
    }

    /**
     * One transaction: links up to {@link #BATCH} rows, in number order, of those in the chain's gaps that have no
     * link yet and those numbered above the largest number linked; then updates the gaps and the mark.
     */
    private Round round(Chain c, boolean wait) {
        if (wait) {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
        } else if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return null;
        }
        jdbc.update("insert into audit_cursor(chain) values (?) on conflict (chain) do nothing", c.name());
        var cur = jdbc.queryForMap("""
                select low_water, (select max(source_no) from audit_link where chain = c.chain) as top,
                       pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin_now,
                       pg_snapshot_xmax(pg_current_snapshot())::text::bigint as xmax_now, now() as now
                from audit_cursor c where chain = ? for update
                """, c.name());
        long low = ((Number) cur.get("low_water")).longValue();
        long top = Math.max(low, cur.get("top") == null ? 0 : ((Number) cur.get("top")).longValue());
        long xminNow = ((Number) cur.get("xmin_now")).longValue();
        Instant now = ((Timestamp) cur.get("now")).toInstant();
        List<GapList.Gap> gaps = jdbc.query("select lo, hi, snapshot_xmax, found_at from audit_gap where chain = ? order by lo",
                (rs, i) -> new GapList.Gap(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()),
                c.name());
        List<GapList.Gap> before = List.copyOf(gaps);
        // Numbers above the mark that no gap covers (a database sealed before the gap list, or a gap row removed by
        // hand): read them as one gap, once, from now on.
        long uncovered = gaps.isEmpty() ? top : gaps.get(0).lo() - 1;
        if (uncovered > low) {
            gaps = new ArrayList<>(gaps);
            gaps.add(0, new GapList.Gap(low + 1, uncovered, ((Number) cur.get("xmax_now")).longValue(), now));
        }

        // The rows are picked first (by the number's index: a probe per gap, and one range above the largest number
        // linked, where no row has a link) and only those are digested.
        String n = "t." + c.number();
        List<Row> rows = jdbc.query("with picked as materialized ((select x.n from unnest(?::bigint[], ?::bigint[]) g(lo, hi)"
                        + " cross join lateral (select " + n + " as n from " + c.table() + " t where " + n + " between g.lo and g.hi"
                        + " and not exists (select 1 from audit_link l where l.chain = ? and l.source_no = " + n + ")) x)"
                        + " union all (select " + n + " from " + c.table() + " t where " + n + " > ? order by " + n
                        + " limit " + BATCH + ") order by 1 limit " + BATCH + ")"
                        + " select " + n + ", t." + c.id() + ", " + c.seqExpr() + ", " + c.day() + ", " + c.digest()
                        + " from picked p join " + c.table() + " t on " + n + " = p.n order by p.n",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getObject(4, LocalDate.class), rs.getBytes(5)),
                gaps.stream().mapToLong(GapList.Gap::lo).toArray(), gaps.stream().mapToLong(GapList.Gap::hi).toArray(),
                c.name(), top);

        Map<LocalDate, Tip> tips = new HashMap<>();
        MessageDigest md = Hashes.sha256();
        List<Object[]> links = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Tip tip = tips.computeIfAbsent(r.day(), d -> jdbc.query(
                    "select pos, hash from audit_link where chain = ? and day = ? order by pos desc limit 1",
                    rs -> rs.next() ? new Tip(rs.getInt(1), rs.getBytes(2)) : new Tip(0, Hashes.genesis(c.name(), d)),
                    c.name(), d));
            byte[] hash = Hashes.link(md, tip.hash(), r.digest());
            Tip next = new Tip(tip.pos() + 1, hash);
            tips.put(r.day(), next);
            links.add(new Object[]{r.day(), next.pos(), r.number(), r.id(), r.seq(), hash});
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into audit_link(chain, day, pos, source_no, source_id, source_seq, hash)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Object[] l = links.get(i);
                    ps.setString(1, c.name());
                    ps.setObject(2, l[0]);
                    ps.setInt(3, (Integer) l[1]);
                    ps.setLong(4, (Long) l[2]);
                    ps.setString(5, (String) l[3]);
                    ps.setObject(6, l[4], java.sql.Types.INTEGER);
                    ps.setBytes(7, (byte[]) l[5]);
                }

                @Override
                public int getBatchSize() {
                    return links.size();
                }
            });
        }

        // The gaps this round found get the xmax of a snapshot taken after its read: whoever took a number in them
        // had started by then.
        long[] linked = rows.stream().mapToLong(Row::number).toArray();
        long xmaxAfter = gaps.isEmpty() && linked.length == 0 ? 0
                : jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
        List<GapList.Gap> next = GapList.after(gaps, top, linked, rows.size() == BATCH, xminNow, xmaxAfter, now);
        saveGaps(c, before, next);
        long mark = GapList.mark(next, linked.length == 0 ? top : Math.max(top, linked[linked.length - 1]));
        if (mark > low) {
            jdbc.update("update audit_cursor set low_water = ? where chain = ?", mark, c.name());
        } // idle: nothing written
        return new Round(rows.size(), tips.keySet());
    }

    /** Writes only what changed: a gap is inserted once and deleted once (pieces of a gap are new rows). */
    private void saveGaps(Chain c, List<GapList.Gap> before, List<GapList.Gap> after) {
        Set<GapList.Gap> kept = new HashSet<>(after);
        List<Object[]> gone = before.stream().filter(g -> !kept.contains(g)).map(g -> new Object[]{c.name(), g.lo()}).toList();
        Set<GapList.Gap> had = new HashSet<>(before);
        List<Object[]> added = after.stream().filter(g -> !had.contains(g))
                .map(g -> new Object[]{c.name(), g.lo(), g.hi(), g.xmax(), Timestamp.from(g.foundAt())}).toList();
        if (!gone.isEmpty()) {
            jdbc.batchUpdate("delete from audit_gap where chain = ? and lo = ?", gone);
        }
        if (!added.isEmpty()) {
            jdbc.batchUpdate("insert into audit_gap(chain, lo, hi, snapshot_xmax, found_at) values (?, ?, ?, ?, ?)", added);
        }
    }

    /** A new revision of each day's root where its chain grew since the last one. */
    void writeRoots(Set<LocalDate> days) {
        tx.executeWithoutResult(s -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
            for (Chain c : Chain.ALL) {
                for (LocalDate d : days) {
                    jdbc.update("""
                            insert into audit_root(chain, day, revision, row_count, root)
                            select l.chain, l.day, coalesce(r.revision, 0) + 1, l.pos, l.hash
                            from (select chain, day, pos, hash from audit_link where chain = ? and day = ?
                                  order by pos desc limit 1) l
                            left join lateral (select revision, row_count from audit_root x
                                               where x.chain = l.chain and x.day = l.day
                                               order by revision desc limit 1) r on true
                            where r.row_count is null or r.row_count < l.pos
                            """, c.name(), d);
                }
            }
        });
    }
}
