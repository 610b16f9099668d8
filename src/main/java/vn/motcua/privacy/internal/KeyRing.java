package vn.motcua.privacy.internal;

import vn.motcua.platform.time.VietnamTime;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys ({@code privacy_data_key}): one AES-256-GCM Tink keyset per month of writing, stored wrapped by the
 * {@link Kek}. Unwrapped keys are cached by id. The key for new writes is re-read every {@link #REFRESH} so that a
 * rotation made on another node reaches this one; a retiring key is only retired after {@code motcua.privacy.rotation-grace} (PT60S, longer), so a
 * write made with a cached key before a rotation is always re-encrypted, never left under an erased key.
 */
@Component
public class KeyRing {

    static final ZoneId VN = VietnamTime.ZONE;
    static final Duration REFRESH = Duration.ofSeconds(10);
    static final byte[] MAGIC = {'M', 'C', 'E', 0};
    static final int HEADER = 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Kek kek;
    private final TransactionTemplate separate;
    private final Map<Integer, Aead> aeads = new ConcurrentHashMap<>();
    private volatile Current current;

    record Current(YearMonth month, int id, Aead aead, Instant readAt) {
    }

    /**
     * A rotation started or finished on some node: the key for new writes is read again at once (not after
     * {@link #REFRESH}) and the unwrapped keys are forgotten, so a retired key stops opening anything on every node.
     */
    static final String SIGNAL = "privacy-data-key";

    KeyRing(JdbcClient jdbc, Clock clock, Kek kek, PlatformTransactionManager tx,
            vn.motcua.platform.cluster.ClusterSignals signals) {
        signals.on(SIGNAL, () -> {
            current = null;
            aeads.clear();
        });
        this.jdbc = jdbc;
        this.clock = clock;
        this.kek = kek;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Encrypts with the current data key: header (magic, key id) then Tink's ciphertext; {@code column} is bound in. */
    public byte[] encrypt(byte[] plain, String column) {
        Current c = forWriting();
        try {
            byte[] ct = c.aead().encrypt(plain, ad(column));
            return ByteBuffer.allocate(HEADER + ct.length).put(MAGIC).putInt(c.id()).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts what {@link #encrypt} wrote; bytes without the header (written before encryption) come back as they are. */
    public byte[] decrypt(byte[] stored, String column) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        int id = ByteBuffer.wrap(stored, 4, 4).getInt();
        try {
            return aead(id).decrypt(java.util.Arrays.copyOfRange(stored, HEADER, stored.length), ad(column));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt " + column + " under data key " + id, e);
        }
    }

    public static boolean isEncrypted(byte[] stored) {
        return stored != null && stored.length > HEADER && stored[0] == MAGIC[0] && stored[1] == MAGIC[1]
                && stored[2] == MAGIC[2] && stored[3] == MAGIC[3];
    }

    /** The data key id in a stored value's header, or -1 when it is not encrypted. */
    public static int keyId(byte[] stored) {
        return isEncrypted(stored) ? ByteBuffer.wrap(stored, 4, 4).getInt() : -1;
    }

    private static byte[] ad(String column) {
        return ("motcua/" + column).getBytes(StandardCharsets.UTF_8);
    }

    Current forWriting() {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(VN));
        Current c = current;
        if (c != null && c.month().equals(month) && c.readAt().plus(REFRESH).isAfter(now)) {
            return c;
        }
        // read in the caller's transaction (no second connection); only creating a key (once a month per cluster)
        // needs a transaction of its own, committed even if the caller's rolls back
        Integer id = newest(month);
        if (id == null) {
            id = separate.execute(s -> {
                Integer found = newest(month);
                if (found != null) {
                    return found;
                }
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended('privacy-data-key', 0))").query(Object.class)
                        .single();
                found = newest(month);
                return found != null ? found : create(month, now);
            });
        }
        c = new Current(month, id, aead(id), now);
        current = c;
        return c;
    }

    /** Forgets the key for new writes (after a rotation on this node). */
    void refresh() {
        current = null;
    }

    private Integer newest(YearMonth month) {
        return jdbc.sql("""
                        select id from privacy_data_key where month = ? and retiring_since is null
                        order by id desc limit 1""")
                .param(month.toString()).query(Integer.class).optional().orElse(null);
    }

    /** A new data key for {@code month}, wrapped by the KEK's primary key. */
    int create(YearMonth month, Instant now) {
        // a new key is wrapped by this node's KEK: refuse if it lacks a key the others use (a diverged keyset)
        kek.requireHolds(wrappedBy());
        try {
            KeysetHandle h = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(h, kek.aead(), keyAd());
            int id = jdbc.sql("""
                            insert into privacy_data_key(month, wrapped, kek_key_id, created_at)
                            values (?, ?, ?, ?) returning id""")
                    .params(month.toString(), wrapped, kek.primaryId(), Timestamp.from(now))
                    .query(Integer.class).single();
            aeads.put(id, h.getPrimitive(RegistryConfiguration.get(), Aead.class));
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Aead aead(int id) {
        Aead a = aeads.get(id);
        if (a != null) {
            return a;
        }
        Object[] row = jdbc.sql("select wrapped, kek_key_id from privacy_data_key where id = ?").param(id)
                .query((rs, n) -> new Object[]{rs.getBytes(1), rs.getLong(2)}).optional()
                .orElseThrow(() -> new IllegalStateException("no data key " + id));
        byte[] wrapped = (byte[]) row[0];
        if (wrapped == null) {
            throw new IllegalStateException("data key " + id + " is retired");
        }
        kek.requireHolds(Map.of((Long) row[1], List.of("data key " + id)));
        try {
            a = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), keyAd())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key " + id + " cannot be unwrapped with KEK key " + row[1] + " of "
                    + kek.source() + ": same key id, other key material", e);
        }
        aeads.put(id, a);
        return a;
    }

    /** Re-wraps every live data key not wrapped by the KEK's primary; returns how many. */
    int rewrapKeys() {
        long primary = kek.primaryId();
        List<Integer> ids = jdbc.sql("select id from privacy_data_key where wrapped is not null and kek_key_id <> ?")
                .param(primary).query(Integer.class).list();
        for (int id : ids) {
            byte[] wrapped = jdbc.sql("select wrapped from privacy_data_key where id = ? for update").param(id)
                    .query((rs, n) -> rs.getBytes(1)).single();
            try {
                KeysetHandle h = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), keyAd());
                jdbc.sql("update privacy_data_key set wrapped = ?, kek_key_id = ? where id = ?")
                        .params(TinkProtoKeysetFormat.serializeEncryptedKeyset(h, kek.aead(), keyAd()), primary, id)
                        .update();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("data key " + id + " cannot be re-wrapped", e);
            }
        }
        return ids.size();
    }

    /** The KEK keys the live keys need: KEK key id to the keys it wraps (data keys, the blind-index key). */
    Map<Long, List<String>> wrappedBy() {
        Map<Long, List<String>> by = new java.util.TreeMap<>();
        jdbc.sql("""
                        select kek_key_id, 'data key ' || id from privacy_data_key where wrapped is not null
                        union all select kek_key_id, 'the blind-index key' from privacy_index_key
                        order by 1, 2""")
                .query((rs, n) -> by.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2))).list();
        return by;
    }

    /** Unwraps one live data key per KEK key (start-up: the key material matches, not only the ids). */
    void verifyUnwrap() {
        jdbc.sql("""
                        select distinct on (kek_key_id) id from privacy_data_key where wrapped is not null
                        order by kek_key_id, id desc""")
                .query(Integer.class).list().forEach(this::aead);
    }

    /** Retired keys are erased: forget them here too. */
    void forget(List<Integer> ids) {
        ids.forEach(aeads::remove);
    }

    private static byte[] keyAd() {
        return "motcua/privacy_data_key".getBytes(StandardCharsets.UTF_8);
    }
}
