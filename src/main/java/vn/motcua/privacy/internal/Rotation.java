package vn.motcua.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation without downtime. {@link #start} marks every live data key as retiring (new writes get a new key at
 * once, on every node within {@link KeyRing#REFRESH}), optionally adds a new primary key to the KEK, and records a
 * rotation with the number of rows to re-encrypt. A background job ({@link #round}, every few seconds, one node at a
 * time under a transaction-level advisory lock per batch) re-wraps the data keys under the KEK's primary, then
 * re-encrypts, batch by batch, every row of the encrypted columns that is still under a retiring key or not encrypted
 * at all; old keys stay readable meanwhile. When a full pass finds nothing left and the rotation is older than
 * {@code motcua.privacy.rotation-grace} (PT60S: longer than {@link KeyRing#REFRESH}), the retiring keys are retired: their wrapped copy is erased (and unused KEK keys dropped).
 * The first round after start-up also encrypts rows written before encryption existed.
 */
@Component
public class Rotation {

    private static final Logger log = LoggerFactory.getLogger(Rotation.class);
    private static final long LOCK = 0x6d6f74637561_21L; // "motcua" 21
    static final int BATCH = 200;

    /**
     * A column stored encrypted, with the key that names its rows; for a field looked up by equality, its blind
     * index column and the index's name ({@link IndexKey#index}), filled in when a plain value is encrypted.
     */
    record Column(String table, String key, String column, String index, String indexName) {
        Column(String table, String key, String column) {
            this(table, key, column, null, null);
        }

        String name() {
            return table + "." + column;
        }
    }

    /** The columns whose plain empty form ({@code '{}'}) is not pending (see {@link #pending}). */
    static final java.util.Set<String> EMPTY_FORM_LEFT = java.util.Set.of("dossier.form_data");

    static final List<Column> COLUMNS = List.of(
            new Column("dossier_attachment", "id", "content"),
            new Column("dossier_result", "dossier_id", "content"),
            new Column("wallet_document", "id", "content"),
            new Column("wallet_digitisation", "id", "content"),
            new Column("question_attachment", "id", "content"),
            // sensitive fields (docs/privacy.md, "Sensitive fields"): the ID numbers with their blind index
            new Column("dossier", "id", "applicant_personal_id", "applicant_personal_id_bidx", vn.motcua.privacy.Vault.PERSONAL_ID),
            new Column("wallet_profile", "owner", "personal_id", "personal_id_bidx", vn.motcua.privacy.Vault.PERSONAL_ID),
            new Column("dossier_draft", "id", "field_values"),
            // the e-form's contents; their subject's blind indexes live in the dossier's side table (a SealingHook)
            new Column("dossier", "id", "form_data"),
            new Column("wallet_digitisation", "id", "ocr_text"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KeyRing keys;
    private final Kek kek;
    private final IndexKey index;
    private final TransactionTemplate tx;
    private final java.time.Duration grace;
    private volatile boolean backlogChecked;
    private final vn.motcua.platform.cluster.ClusterSignals signals;
    /** Modules told when a value stored before encryption is encrypted (by column). */
    private final Map<String, List<vn.motcua.privacy.SealingHook>> hooks;

    Rotation(JdbcClient jdbc, Clock clock, KeyRing keys, Kek kek, IndexKey index, PlatformTransactionManager txm,
             @org.springframework.beans.factory.annotation.Value("${motcua.privacy.rotation-grace:PT60S}")
             java.time.Duration grace,
             org.springframework.beans.factory.ObjectProvider<vn.motcua.privacy.SealingHook> hooks,
             vn.motcua.platform.cluster.ClusterSignals signals) {
        this.signals = signals;
        this.hooks = hooks.orderedStream().collect(Collectors.groupingBy(vn.motcua.privacy.SealingHook::column));
        this.grace = grace;
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        this.kek = kek;
        this.index = index;
        this.tx = new TransactionTemplate(txm);
    }

    public record Progress(long id, Instant startedAt, String requestedBy, boolean kekRotated, long toDo, long done,
                           Instant finishedAt) {
    }

    public record DataKey(int id, String month, long kekKeyId, Instant createdAt, Instant retiringSince,
                          Instant retiredAt) {
    }

    /** Starts a rotation (or returns the one under way). */
    public Progress start(String by, boolean rotateKek) {
        Progress running = current();
        if (running != null) {
            return running;
        }
        boolean kekDone = false;
        if (rotateKek && !kek.rotatable()) {
            throw vn.motcua.platform.api.ApiException.conflict("privacy.keys.kekFromEnvironment");
        }
        if (rotateKek) {
            try {
                kek.rotate();
                kekDone = true;
            } catch (Exception e) {
                throw new IllegalStateException("KEK rotation failed: " + e.getMessage(), e);
            }
        }
        boolean kekRotated = kekDone;
        Long id = tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            Instant now = clock.instant();
            jdbc.sql("update privacy_data_key set retiring_since = ? where retiring_since is null and retired_at is null")
                    .param(Timestamp.from(now)).update();
            long toDo = 0;
            List<Integer> retiring = retiringIds();
            for (Column c : COLUMNS) {
                toDo += jdbc.sql("select count(*) from " + c.table() + " where " + pending(c, retiring))
                        .params(KeyRing.MAGIC).query(Long.class).single();
            }
            return jdbc.sql("""
                            insert into privacy_key_rotation(started_at, requested_by, kek_rotated, to_do)
                            values (?, ?, ?, ?) returning id""")
                    .params(Timestamp.from(now), by, kekRotated, toDo).query(Long.class).single();
        });
        keys.refresh();
        // the other nodes take the new data key for their next write now, not within KeyRing.REFRESH
        signals.announce(KeyRing.SIGNAL);
        log.info("key rotation {} started by {} (KEK rotated: {})", id, by, kekRotated);
        return progress(id);
    }

    /** The rotation under way, or null. */
    public Progress current() {
        return jdbc.sql("select * from privacy_key_rotation where finished_at is null order by id desc limit 1")
                .query(this::progressRow).optional().orElse(null);
    }

    public Progress progress(long id) {
        return jdbc.sql("select * from privacy_key_rotation where id = ?").param(id).query(this::progressRow)
                .optional().orElse(null);
    }

    public List<DataKey> dataKeys() {
        return jdbc.sql("select * from privacy_data_key order by id").query((rs, n) -> new DataKey(rs.getInt("id"),
                rs.getString("month"), rs.getLong("kek_key_id"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("retiring_since")), instant(rs.getTimestamp("retired_at")))).list();
    }

    @Scheduled(fixedDelayString = "${motcua.privacy.rewrap-interval:PT5S}", initialDelayString = "${motcua.privacy.rewrap-interval:PT5S}")
    void scheduled() {
        if (skip > 0) {
            skip--;
            return;
        }
        try {
            round();
        } catch (RuntimeException e) {
            // A node without the KEK fails the same way every time: said once (and again only when the cause
            // changes), tried less and less often, up to every MAX_SKIP + 1 intervals.
            String cause = e.getMessage() != null ? e.getMessage() : e.toString();
            if (!cause.equals(failing)) {
                log.warn("re-encryption rounds fail on this node: {} (said again only when this changes; retried with "
                        + "a growing pause)", cause);
                failing = cause;
            } else {
                log.debug("re-encryption round failed again: {}", cause);
            }
            backoff = Math.min(MAX_SKIP, backoff == 0 ? 1 : backoff * 2);
            skip = backoff;
            return;
        }
        if (failing != null) {
            log.warn("re-encryption rounds work again on this node (they failed: {})", failing);
            failing = null;
        }
        backoff = 0;
    }

    /** The most intervals skipped after failures in a row (with the default 5 s: a try every ~5 minutes). */
    static final int MAX_SKIP = 60;
    /** The failure last reported (null: the rounds work), the pause now and what is left of it, in intervals. */
    private String failing;
    private int backoff;
    private int skip;

    /**
     * One pass: re-wrap data keys, re-encrypt what is pending in batches, retire keys when nothing is left. Returns
     * the rows re-encrypted. Skips when another node holds the lock.
     */
    public synchronized long round() {
        Progress running = current();
        if (running == null && backlogChecked) {
            return 0;
        }
        long total = 0;
        for (Column c : COLUMNS) {
            Object after = null;
            while (true) {
                Object from = after;
                Batch b = tx.execute(s -> batch(c, from));
                if (b == null) {
                    return total; // another node is at it
                }
                total += b.count();
                if (running != null && b.count() > 0) {
                    long n = b.count();
                    jdbc.sql("update privacy_key_rotation set done = done + ? where id = ?").params(n, running.id())
                            .update();
                }
                if (b.last() == null) {
                    break;
                }
                after = b.last();
            }
        }
        backlogChecked = true;
        // a full pass is done: retire when the grace period is over (finish checks again, under the lock, that
        // nothing was written under a retiring key meanwhile)
        if (running != null
                && !running.startedAt().plus(grace).isAfter(clock.instant())) {
            finish(running);
        }
        return total;
    }

    private record Batch(int count, Object last) {
    }

    private Batch batch(Column c, Object after) {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class)
                .single())) {
            return null;
        }
        keys.rewrapKeys();
        index.rewrap();
        List<Integer> retiring = retiringIds();
        List<Object[]> rows = jdbc.sql("select " + c.key() + ", " + c.column() + " from " + c.table() + " where "
                        + (after == null ? "" : c.key() + " > ? and ") + pending(c, retiring)
                        + " order by " + c.key() + " limit " + BATCH + " for update")
                .params(after == null ? List.of(KeyRing.MAGIC) : List.of(after, KeyRing.MAGIC))
                .query((rs, n) -> new Object[]{rs.getObject(1), rs.getBytes(2)}).list();
        for (Object[] r : rows) {
            byte[] plain = keys.decrypt((byte[]) r[1], c.name());
            if (!KeyRing.isEncrypted((byte[]) r[1])) {
                for (var hook : hooks.getOrDefault(c.name(), List.of())) {
                    hook.sealingPlain(r[0], plain);
                }
            }
            if (c.index() == null) {
                jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where " + c.key() + " = ?")
                        .params(keys.encrypt(plain, c.name()), r[0]).update();
            } else {
                String text = new String(plain, java.nio.charset.StandardCharsets.UTF_8);
                jdbc.sql("update " + c.table() + " set " + c.column() + " = ?, " + c.index() + " = ? where " + c.key()
                                + " = ?")
                        .params(keys.encrypt(plain, c.name()), index.index(text, c.indexName()), r[0]).update();
            }
        }
        return new Batch(rows.size(), rows.size() < BATCH ? null : rows.get(rows.size() - 1)[0]);
    }

    /**
     * Rows not encrypted, or encrypted under a retiring key, or (a field with a blind index) without their index
     * ({@code ?} is the magic).
     */
    static String pending(Column c, List<Integer> retiring) {
        String under = retiring.isEmpty() ? "" : " or ('x' || encode(substring(" + c.column()
                + " from 5 for 4), 'hex'))::bit(32)::int in (" + retiring.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")";
        String unindexed = c.index() == null ? "" : " or " + c.index() + " is null";
        // a plain empty form ('{}', the column's default, what bulk imports write) holds nothing personal: left as it
        // is, so a million imported rows are not rewritten one by one behind the importer's back. The form's column
        // only: in another column (an attachment, a document) those two bytes are a file like any other.
        String emptyForm = EMPTY_FORM_LEFT.contains(c.name()) ? " and " + c.column() + " <> '\\x7b7d'::bytea" : "";
        return c.column() + " is not null" + emptyForm + " and (substring(" + c.column()
                + " from 1 for 4) <> ?" + under + unindexed + ")";
    }

    private List<Integer> retiringIds() {
        return jdbc.sql("select id from privacy_data_key where retiring_since is not null and retired_at is null")
                .query(Integer.class).list();
    }

    private void finish(Progress running) {
        List<Integer> retired = tx.execute(s -> {
            if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK)
                    .query(Boolean.class).single())) {
                return null;
            }
            List<Integer> ids = retiringIds();
            // a last check under the lock: nothing may be left under a key about to be erased
            for (Column c : COLUMNS) {
                if (jdbc.sql("select exists(select 1 from " + c.table() + " where " + pending(c, ids) + ")")
                        .params(KeyRing.MAGIC).query(Boolean.class).single()) {
                    return null;
                }
            }
            Timestamp now = Timestamp.from(clock.instant());
            if (!ids.isEmpty()) {
                jdbc.sql("update privacy_data_key set wrapped = null, retired_at = ? where id in ("
                        + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")").param(now)
                        .update();
            }
            jdbc.sql("update privacy_key_rotation set finished_at = ? where id = ?").params(now, running.id()).update();
            return ids;
        });
        if (retired == null) {
            return;
        }
        keys.forget(retired);
        // erased here; the other nodes drop their unwrapped copies too
        signals.announce(KeyRing.SIGNAL);
        try {
            var inUse = new HashSet<>(jdbc.sql("select distinct kek_key_id from privacy_data_key where wrapped is not null")
                    .query(Long.class).list());
            inUse.addAll(index.kekKeys());
            kek.dropUnused(inUse);
        } catch (Exception e) {
            log.warn("old KEK keys not dropped: {}", e.toString());
        }
        log.info("key rotation {} finished: data keys {} retired", running.id(), retired);
    }

    private Progress progressRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Progress(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(), rs.getString("requested_by"),
                rs.getBoolean("kek_rotated"), rs.getLong("to_do"), rs.getLong("done"),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** For the API: the state of the keys, without any secret. */
    public Map<String, Object> state() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("kekKeys", kek.size());
        m.put("kekPrimary", kek.primaryId());
        m.put("dataKeys", dataKeys());
        m.put("rotation", current());
        List<Progress> last = jdbc.sql("select * from privacy_key_rotation order by id desc limit 1")
                .query(this::progressRow).list();
        m.put("lastRotation", last.isEmpty() ? null : last.get(0));
        return m;
    }

    List<Column> columns() {
        return new ArrayList<>(COLUMNS);
    }
}
