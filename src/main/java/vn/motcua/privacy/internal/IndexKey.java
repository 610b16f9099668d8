package vn.motcua.privacy.internal;

import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key of the blind indexes ({@code privacy_index_key}, V21_1): a Tink HMAC-SHA256 PRF keyset, one per database,
 * wrapped by the {@link Kek} (never a data key: data keys rotate, an index must not change). Created at first use.
 */
@Component
public class IndexKey {

    private static final Pattern NUMBER_SEPARATOR = Pattern.compile("[\\s.\\-]");

    private static final byte[] AD = "motcua/privacy_index_key".getBytes(StandardCharsets.UTF_8);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Kek kek;
    private final TransactionTemplate separate;
    private final KeyRing keys;
    private volatile PrfSet prf;

    IndexKey(JdbcClient jdbc, Clock clock, Kek kek, PlatformTransactionManager tx, KeyRing keys) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
        this.kek = kek;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try {
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HMAC-SHA256 of the normalised value under the index key, the index's name bound in (an ID number gives
     * different bytes in two indexes of different names); null stays null.
     */
    public byte[] index(String value, String name) {
        if (value == null) {
            return null;
        }
        byte[] in = (name + '\0' + normalise(value)).getBytes(StandardCharsets.UTF_8);
        try {
            return prf().computePrimary(in, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The index of several values together (a subject: a child's name, birth date and mother's name): each normalised
     * as {@link #index(String, String)} does, joined by a separator normalisation never removes; null when any is null.
     */
    public byte[] index(java.util.List<String> values, String name) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        StringBuilder in = new StringBuilder(name);
        for (String v : values) {
            in.append('\0').append(normalise(v));
        }
        try {
            return prf().computePrimary(in.toString().getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What equal values have in common: Unicode NFC, case and the separators people type in numbers (spaces, dots,
     * hyphens) left out — "079 190.012-345" and "079190012345" index alike.
     */
    static String normalise(String value) {
        return NUMBER_SEPARATOR.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private PrfSet prf() {
        PrfSet p = prf;
        if (p != null) {
            return p;
        }
        byte[] wrapped = separate.execute(s -> {
            byte[] found = stored();
            if (found != null) {
                return found;
            }
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('privacy-index-key', 0))").query(Object.class)
                    .single();
            found = stored();
            if (found != null) {
                return found;
            }
            kek.requireHolds(keys.wrappedBy());
            try {
                byte[] w = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                        KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), kek.aead(), AD);
                jdbc.sql("insert into privacy_index_key(wrapped, kek_key_id, created_at) values (?, ?, ?)")
                        .params(w, kek.primaryId(), Timestamp.from(clock.instant())).update();
                return w;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        kek.requireHolds(java.util.Map.of(jdbc.sql("select kek_key_id from privacy_index_key order by id limit 1")
                .query(Long.class).single(), java.util.List.of("the blind-index key")));
        try {
            p = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), AD)
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the blind-index key cannot be unwrapped with the KEK", e);
        }
        prf = p;
        return p;
    }

    private byte[] stored() {
        return jdbc.sql("select wrapped from privacy_index_key order by id limit 1").query((rs, n) -> rs.getBytes(1))
                .optional().orElse(null);
    }

    /** Re-wraps the index key under the KEK's primary key when another KEK key wrapped it; returns whether it did. */
    boolean rewrap() {
        long primary = kek.primaryId();
        var row = jdbc.sql("select id, wrapped from privacy_index_key where kek_key_id <> ? for update").param(primary)
                .query((rs, n) -> new Object[]{rs.getInt(1), rs.getBytes(2)}).list();
        for (Object[] r : row) {
            try {
                KeysetHandle h = TinkProtoKeysetFormat.parseEncryptedKeyset((byte[]) r[1], kek.aead(), AD);
                jdbc.sql("update privacy_index_key set wrapped = ?, kek_key_id = ? where id = ?")
                        .params(TinkProtoKeysetFormat.serializeEncryptedKeyset(h, kek.aead(), AD), primary, r[0])
                        .update();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the blind-index key cannot be re-wrapped", e);
            }
        }
        return !row.isEmpty();
    }

    /** The KEK keys the index key needs (kept when unused KEK keys are dropped). */
    java.util.List<Long> kekKeys() {
        return jdbc.sql("select kek_key_id from privacy_index_key").query(Long.class).list();
    }

    /** Unwraps the index key if there is one (start-up: the KEK's key material matches, not only its ids). */
    void verifyUnwrap() {
        if (stored() != null) {
            prf();
        }
    }

    /** Forgets the unwrapped key (tests: the next use reads it again). */
    void forget() {
        prf = null;
    }
}
