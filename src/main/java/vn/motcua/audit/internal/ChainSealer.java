package vn.motcua.audit.internal;

import vn.motcua.platform.time.VietnamTime;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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

/**
 * Chains new rows, lazily: every second (and at the end of each day) it links the rows written since, in insertion
 * order, per chain and day, and writes the roots of finished days. Writers only take a sequence number; nothing is
 * hashed or locked on their path, so a reorganisation batch inserting 50,000 events in one statement and officers
 * writing one event each do not wait for each other or for the chain. Cluster-safe: one node seals at a time
 * (a transaction-level advisory lock); the others skip that round.
 *
 * <p>A row is linked once its transaction has committed. Sequence numbers are taken before commit, so a row with a
 * smaller number can become visible after larger ones were linked: a round reading from the {@code low_water} mark
 * looks at every row above it that has no link yet, and the mark only moves up to the largest number seen at an
 * earlier round once every transaction that was running then has ended (its snapshot's xmax is below the oldest running
 * transaction now). Such a late row joins its day's chain at the end. While the mark is held back, scheduled rounds
 * read only above the largest number linked, and from the mark at least every {@link #RESCAN}.
 */
@Component
public class ChainSealer {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    static final ZoneId VN = VietnamTime.ZONE;
    static final long LOCK = 0x6d6f74637561L; // "motcua"
    static final int BATCH = 20_000;
    /** How long scheduled rounds may read only above the largest number linked while the mark is held back. */
    static final Duration RESCAN = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean ready;
    /** Per chain, when a round last read from the mark (per node: any node's read from the mark will do). */
    private final Map<String, Instant> rescanned = new ConcurrentHashMap<>();

    ChainSealer(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                @Value("${motcua.audit.seal:true}") boolean enabled) {
        this.jdbc = jdbc;
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
            long[] after = {0}; // within this call, a full batch is followed by the rows after it
            do {
                Round r = tx.execute(s -> round(chain, wait, after[0]));
                n = r == null ? 0 : r.linked();
                if (r != null) {
                    touched.addAll(r.days());
                    after[0] = r.last();
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

    /** A round's outcome: rows linked, the days they belong to, the largest number linked. */
    record Round(int linked, Set<LocalDate> days, long last) {
    }

    private record Row(long number, String id, Integer seq, LocalDate day, byte[] digest) {
    }

    private record Tip(int pos, byte[] hash) {
    }

    /**
     * One transaction: links up to {@link #BATCH} rows numbered above {@code after} (and above the mark) that have no
     * link yet. Rows skipped by {@code after} are found again from the mark by a later call.
     */
    private Round round(Chain c, boolean wait, long after) {
        if (wait) {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
        } else if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return null;
        }
        jdbc.update("insert into audit_cursor(chain) values (?) on conflict (chain) do nothing", c.name());
        var cur = jdbc.queryForMap("""
                select low_water, pending_max, pending_xmax, pending_at,
                       pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin_now, now() as now
                from audit_cursor where chain = ? for update
                """, c.name());
        long low = ((Number) cur.get("low_water")).longValue();
        Long pendingMax = cur.get("pending_max") == null ? null : ((Number) cur.get("pending_max")).longValue();
        Long pendingXmax = cur.get("pending_xmax") == null ? null : ((Number) cur.get("pending_xmax")).longValue();
        Instant pendingAt = cur.get("pending_at") == null ? null : ((Timestamp) cur.get("pending_at")).toInstant();
        Instant now = ((Timestamp) cur.get("now")).toInstant();
        long xminNow = ((Number) cur.get("xmin_now")).longValue();

        // Whether this round reads from the mark (and may move it), or only above the largest number linked: a
        // long transaction anywhere (a plan's notices are written in one) holds the mark back, and a read from the
        // mark visits every row linked since, once a second. Late rows are found by the reads from the mark: when the
        // mark may move, when a caller waits for them, and at least every RESCAN.
        boolean markMay = pendingMax != null && xminNow >= pendingXmax && pendingAt.isBefore(now.minusSeconds(2));
        Instant rescannedAt = rescanned.get(c.name());
        long start = Math.max(low, after);
        if (start == low) {
            if (wait || markMay || rescannedAt == null || !rescannedAt.isAfter(now.minus(RESCAN))) {
                rescanned.put(c.name(), now);
            } else {
                Long top = jdbc.queryForObject("select max(source_no) from audit_link where chain = ?", Long.class, c.name());
                start = Math.max(start, top == null ? low : top);
            }
        }

        // The rows are picked first (by the number's index) and only those are digested.
        List<Row> rows = jdbc.query("with picked as materialized (select t." + c.number() + " as n from " + c.table()
                        + " t where t." + c.number() + " > ? and not exists (select 1 from audit_link l where l.chain = ?"
                        + " and l.source_no = t." + c.number() + ") order by t." + c.number() + " limit " + BATCH + ")"
                        + " select t." + c.number() + ", t." + c.id() + ", " + c.seqExpr() + ", " + c.day() + ", "
                        + c.digest() + " from picked p join " + c.table() + " t on t." + c.number() + " = p.n order by p.n",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getObject(4, LocalDate.class), rs.getBytes(5)), start, c.name());

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

        // Move the mark: every row numbered up to pendingMax that will ever commit has committed, and this round,
        // reading from the mark, linked every such row up to the last it picked (all of them when not full).
        long lowBefore = low;
        if (markMay && start == low) {
            low = markAfter(low, pendingMax, rows.size() == BATCH, rows.isEmpty() ? low : rows.get(rows.size() - 1).number());
            if (low >= pendingMax) {
                pendingMax = null;
            }
        }
        if (pendingMax == null) {
            var next = jdbc.queryForMap("select (select max(" + c.number() + ") from " + c.table() + " where "
                    + c.number() + " > ?) as m, pg_snapshot_xmax(pg_current_snapshot())::text::bigint as x", low);
            if (next.get("m") != null || low != lowBefore || cur.get("pending_max") != null) {
                jdbc.update("update audit_cursor set low_water = ?, pending_max = ?, pending_xmax = ?, pending_at = now() where chain = ?",
                        low, next.get("m"), next.get("m") == null ? null : next.get("x"), c.name());
            }
        } else if (low != lowBefore) {
            jdbc.update("update audit_cursor set low_water = ? where chain = ?", low, c.name());
        } // idle: nothing written
        return new Round(rows.size(), tips.keySet(), rows.isEmpty() ? after : rows.get(rows.size() - 1).number());
    }

    /**
     * Where the mark may move once no row numbered up to {@code pendingMax} can still commit, after a round that read
     * from the mark: to {@code pendingMax} when the round was not full (it saw every row), else only to the last row
     * it linked. Moving part of the way while the rounds are full (a reorganisation writes 50,000 events a batch, faster
     * than one round links them) keeps each round's read short: the read visits every linked row above the mark, so a
     * mark held back for a whole plan made each round read everything linked since the plan began.
     */
    static long markAfter(long low, long pendingMax, boolean full, long lastLinked) {
        return Math.max(low, full ? Math.min(pendingMax, lastLinked) : pendingMax);
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
